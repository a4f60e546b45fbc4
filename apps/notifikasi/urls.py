from django.urls import path

from . import views

app_name = "notifikasi"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:pk>/", views.buka, name="buka"),
    path("baca-semua/", views.baca_semua, name="baca_semua"),
]
