from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "apps.laporan"
    verbose_name = "Laporan"
