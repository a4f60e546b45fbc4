from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "apps.laporan"
    verbose_name = "Laporan"

    def ready(self) -> None:
        from apps.survei.signals import periode_status_changed

        from .services import on_periode_status_changed

        periode_status_changed.connect(on_periode_status_changed, dispatch_uid="laporan-freeze-asn")
