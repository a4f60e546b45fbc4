from django.apps import AppConfig


class RencanaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.rencana"
    verbose_name = "Rencana tindak agen perubahan"
