from django.apps import AppConfig


class PdpConfig(AppConfig):
    name = "apps.pdp"
    verbose_name = "Pelindungan Data Pribadi"
