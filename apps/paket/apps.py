from django.apps import AppConfig


class PaketConfig(AppConfig):
    name = "apps.paket"
    verbose_name = "Paket pemda"
