from django.urls import path

from . import converters, views  # noqa: F401 (converters registers <periode:...>)

app_name = "survei"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("isi/<periode:kode>/", views.formulir, name="formulir"),
    path("respon/<int:pk>/", views.respon, name="respon"),
    path("respon/<int:pk>/buka-kembali/", views.buka_kembali, name="buka_kembali"),
    path("instrumen/<int:pk>/", views.instrumen, name="instrumen"),
    path("instrumen/<int:pk>/cetak/", views.cetak, name="cetak"),
    path("partisipasi/<periode:kode>/", views.partisipasi_view, name="partisipasi"),
    path("partisipasi/<periode:kode>/pengingat/", views.pengingat, name="pengingat"),
    path("partisipasi/<periode:kode>/pengingat/<int:pk>/", views.pengingat_hasil, name="pengingat_hasil"),
    path("partisipasi/<periode:kode>/cetak/", views.partisipasi_cetak, name="partisipasi_cetak"),
    path("partisipasi/<periode:kode>/partisipasi.xlsx", views.partisipasi_xlsx, name="partisipasi_xlsx"),
    path("periode/", views.periode_list, name="periode_list"),
    path("periode/baru/", views.periode_tambah, name="periode_tambah"),
    path("periode/<periode:kode>/status/<str:ke>/", views.periode_status, name="periode_status"),
]
