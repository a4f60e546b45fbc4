from django.urls import path

from . import views

app_name = "kbk"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("pd/<int:pk>/", views.detail, name="detail"),
    path("pd/<int:pk>/anggota/", views.anggota_tambah, name="anggota_tambah"),
    path("anggota/<int:pk>/akhiri/", views.anggota_akhiri, name="anggota_akhiri"),
    path("tim-monev/", views.tim_monev, name="tim_monev"),
]
