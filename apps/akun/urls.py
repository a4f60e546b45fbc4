from django.urls import path

from . import views

app_name = "akun"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    path("ganti-sandi/", views.GantiSandiView.as_view(), name="ganti_sandi"),
    path("aktivasi/", views.aktivasi, name="aktivasi"),
    path("lupa-sandi/", views.lupa_sandi, name="lupa_sandi"),
    path("kode-aktivasi/", views.kode_aktivasi_unit_list, name="kode_aktivasi_unit_list"),
    path("kode-aktivasi/<int:pk>/", views.kode_aktivasi_cetak, name="kode_aktivasi_cetak"),
    path("kode-aktivasi/pegawai/<int:pk>/", views.kode_aktivasi_pegawai, name="kode_aktivasi_pegawai"),
    path("tanpa-penanggung-jawab/", views.tanpa_penanggung_jawab_daftar, name="tanpa_penanggung_jawab"),
]
