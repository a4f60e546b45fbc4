from django.apps import AppConfig


class SurveiConfig(AppConfig):
    name = "apps.survei"
    verbose_name = "Formulir 1"
