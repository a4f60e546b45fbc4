from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class AkunConfig(AppConfig):
    name = "apps.akun"
    verbose_name = "Akun"

    def ready(self) -> None:
        from .fakta import simpan_saat_masuk

        user_logged_in.connect(simpan_saat_masuk, dispatch_uid="akun.fakta.simpan_saat_masuk")
