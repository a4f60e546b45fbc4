from django.apps import AppConfig


class AgenConfig(AppConfig):
    name = "apps.agen"
    verbose_name = "Agen Perubahan"
