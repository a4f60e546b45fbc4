from django.urls import path, register_converter

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
    path("<str:kode>/", views.konsolidasi, name="konsolidasi"),
    path("<str:kode>/hasil-saya/", views.hasil_saya, name="hasil_saya"),
    path("<str:kode>/laporan.<format:fmt>", views.konsolidasi_unduh, name="konsolidasi_unduh"),
    path("<str:kode>/dasbor/", views.dasbor, name="dasbor"),
    path("<str:kode>/finalisasi/", views.finalisasi, name="finalisasi"),
    path("<str:kode>/pd/<str:pd_kode>/", views.perangkat_daerah, name="pd"),
    path("<str:kode>/pd/<str:pd_kode>/laporan.<format:fmt>", views.perangkat_daerah_unduh, name="pd_unduh"),
    path("<str:kode>/pd/<str:pd_kode>/catatan/", views.catatan_pd, name="catatan_pd"),
    path("<str:kode>/unit/<int:pk>/", views.unit, name="unit"),
    path("<str:kode>/unit/<int:pk>/rincian/", views.rincian_unit, name="rincian"),
    path("<str:kode>/unit/<int:pk>/catatan/", views.catatan_unit, name="catatan_unit"),
]
