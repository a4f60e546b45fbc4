from django.apps import AppConfig


class HasilConfig(AppConfig):
    name = "apps.hasil"
    verbose_name = "Hasil Formulir 1"

    def ready(self) -> None:
        from apps.survei.signals import periode_status_changed

        from .services import on_periode_status_changed

        periode_status_changed.connect(on_periode_status_changed, dispatch_uid="hasil-bekukan-asn")
