from django.apps import AppConfig


class SurveiConfig(AppConfig):
    name = "apps.survei"
    verbose_name = "Formulir 1"

    def ready(self) -> None:
        # Events that wait for a person tell them through apps.notifikasi (signal receivers, connected once).
        from . import pemberitahuan

        pemberitahuan.hubungkan()
