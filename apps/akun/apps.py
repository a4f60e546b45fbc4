from django.apps import AppConfig


class AkunConfig(AppConfig):
    name = "apps.akun"
    verbose_name = "Akun"
