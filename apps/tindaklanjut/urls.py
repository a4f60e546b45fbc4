from django.urls import path

from . import views

app_name = "tindaklanjut"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/batas-waktu/", views.jadwal, name="jadwal"),
    path("<int:pk>/<slug:aksi>/", views.transisi, name="transisi"),
]
