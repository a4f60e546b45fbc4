from django.urls import path

from . import views

app_name = "rencana"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("saya/", views.saya, name="saya"),
    path("ikhtisar/", views.ikhtisar, name="ikhtisar"),
    path("ekspor/<int:pd>/", views.ekspor_xlsx, name="ekspor_xlsx"),
    path("baru/", views.rencana_tambah, name="rencana_tambah"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ubah/", views.rencana_ubah, name="rencana_ubah"),
    path("<int:pk>/pdf/", views.rencana_pdf, name="rencana_pdf"),
    path("<int:pk>/baris/baru/", views.baris_tambah, name="baris_tambah"),
    path("<int:pk>/baris/<int:nomor>/", views.baris_ubah, name="baris_ubah"),
    path("<int:pk>/baris/<int:nomor>/hapus/", views.baris_hapus, name="baris_hapus"),
    path("<int:pk>/ajukan/", views.ajukan, name="ajukan"),
    path("<int:pk>/keputusan/", views.keputusan, name="keputusan"),
    path("<int:pk>/versi-baru/", views.versi_baru, name="versi_baru"),
    path("<int:pk>/laporan/baru/", views.laporan_tambah, name="laporan_tambah"),
    path("<int:pk>/masalah/baru/", views.masalah_tambah, name="masalah_tambah"),
    path("laporan/<int:pk>/", views.laporan_detail, name="laporan_detail"),
    path("laporan/<int:pk>/pdf/", views.laporan_pdf, name="laporan_pdf"),
    path("laporan/<int:pk>/ketahui/", views.laporan_ketahui, name="laporan_ketahui"),
    path("laporan/<int:pk>/buka-kembali/", views.laporan_buka_kembali, name="laporan_buka_kembali"),
    path("bukti/<uuid:kode>/", views.bukti_unduh, name="bukti_unduh"),
    path("masalah/", views.masalah_list, name="masalah_list"),
    path("masalah/<int:pk>/", views.masalah_detail, name="masalah_detail"),
    path("masalah/<int:pk>/jawab/", views.masalah_jawab, name="masalah_jawab"),
    path("masalah/<int:pk>/tutup/", views.masalah_tutup, name="masalah_tutup"),
]
