from django.apps import AppConfig


class NilaiConfig(AppConfig):
    name = "apps.nilai"
    verbose_name = "Nilai-nilai"
