from django.urls import path

from . import views

app_name = "organisasi"
urlpatterns = [
    path("profil/", views.profil, name="profil"),
    path("pegawai/", views.pegawai_list, name="pegawai_list"),
    path("pegawai/<int:pk>/", views.pegawai_detail, name="pegawai_detail"),
    path("impor/template.xlsx", views.impor_template, name="impor_template"),
]
