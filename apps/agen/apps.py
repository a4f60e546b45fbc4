from django.apps import AppConfig


class AgenConfig(AppConfig):
    name = "apps.agen"
    verbose_name = "Agen Perubahan"

    def ready(self) -> None:
        # Events that wait for a person tell them through apps.notifikasi (signal receivers, connected once).
        from . import pemberitahuan

        pemberitahuan.hubungkan()
