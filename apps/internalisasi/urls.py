from django.urls import path

from . import views

app_name = "internalisasi"

urlpatterns = [
    path("", views.index, name="index"),
    path("<str:kode>/", views.pd, name="pd"),
    path("<str:kode>/deklarasi/", views.deklarasi_tambah, name="deklarasi_tambah"),
    path("<str:kode>/kegiatan/", views.kegiatan_tambah, name="kegiatan_tambah"),
]
