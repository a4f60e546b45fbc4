from django.apps import AppConfig


class NotifikasiConfig(AppConfig):
    name = "apps.notifikasi"
    verbose_name = "Pemberitahuan"
