from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class OrganisasiConfig(AppConfig):
    name = "apps.organisasi"
    verbose_name = "Organisasi (registri)"

    def ready(self) -> None:
        from .models import pemberitahuan_saat_masuk

        user_logged_in.connect(pemberitahuan_saat_masuk, dispatch_uid="organisasi.pemberitahuan_saat_masuk")
