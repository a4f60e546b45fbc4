from django.urls import path, register_converter

from apps.survei import converters  # noqa: F401 (registers <periode:...>)

from . import views


class FormatConverter:
    regex = "pdf|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "format")

app_name = "laporan"
urlpatterns = [
    path("", views.index, name="index"),
    path("<periode:kode>/", views.konsolidasi, name="konsolidasi"),
    path("<periode:kode>/hasil-saya/", views.hasil_saya, name="hasil_saya"),
    path("<periode:kode>/laporan.<format:fmt>", views.konsolidasi_unduh, name="konsolidasi_unduh"),
    path("<periode:kode>/dasbor/", views.dasbor, name="dasbor"),
    path("<periode:kode>/jawaban.xlsx", views.ekspor_jawaban, name="ekspor_jawaban"),
    path("<periode:kode>/finalisasi/", views.finalisasi, name="finalisasi"),
    path("<periode:kode>/pd/<str:pd_kode>/", views.perangkat_daerah, name="pd"),
    path("<periode:kode>/pd/<str:pd_kode>/laporan.<format:fmt>", views.perangkat_daerah_unduh, name="pd_unduh"),
    path("<periode:kode>/pd/<str:pd_kode>/catatan/", views.catatan_pd, name="catatan_pd"),
    path("<periode:kode>/unit/<int:pk>/", views.unit, name="unit"),
    path("<periode:kode>/unit/<int:pk>/rincian/", views.rincian_unit, name="rincian"),
    path("<periode:kode>/unit/<int:pk>/catatan/", views.catatan_unit, name="catatan_unit"),
]
