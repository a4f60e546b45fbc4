from django.apps import AppConfig


class TindakLanjutConfig(AppConfig):
    name = "apps.tindaklanjut"
    verbose_name = "Tindak lanjut hasil evaluasi"
