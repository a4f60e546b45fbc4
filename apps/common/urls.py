from django.urls import path

from . import verifikasi as views

app_name = "dokumen"
urlpatterns = [
    path("verifikasi/", views.cari, name="cari"),
    path("verifikasi/<str:kode>/", views.verifikasi, name="verifikasi"),
]
