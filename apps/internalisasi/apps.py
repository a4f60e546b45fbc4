from django.apps import AppConfig


class InternalisasiConfig(AppConfig):
    name = "apps.internalisasi"
    verbose_name = "Deklarasi dan internalisasi nilai"
