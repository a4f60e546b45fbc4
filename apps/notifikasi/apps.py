from django.apps import AppConfig


class NotifikasiConfig(AppConfig):
    name = "apps.notifikasi"
    verbose_name = "Pemberitahuan"

    def ready(self) -> None:
        # The apps whose events wait for a person tell them through notifikasi_kirim (services.py).
        from apps.agen import pemberitahuan as agen_pemberitahuan
        from apps.survei import pemberitahuan as survei_pemberitahuan

        agen_pemberitahuan.hubungkan()
        survei_pemberitahuan.hubungkan()
