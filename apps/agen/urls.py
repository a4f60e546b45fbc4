from django.urls import path

from . import views, views_kelompok

app_name = "agen"
urlpatterns = [
    path("saya/", views.saya, name="saya"),
    path("antrean-kbk/", views.antrean_kbk, name="antrean_kbk"),
    path("menunggu-penetapan/", views.antrean_kepala, name="antrean_kepala"),
    path("usulan-saya/", views.usulan_saya, name="usulan_saya"),
    path("daftar/", views.daftar_agen, name="daftar_agen"),
    path("ikhtisar/", views.ikhtisar, name="ikhtisar"),
    path("usulan/baru/", views.nominasi_tambah, name="nominasi_tambah"),
    path("usulan/<int:pk>/", views.nominasi_detail, name="nominasi_detail"),
    path("usulan/<int:pk>/aksi/<slug:aksi>/", views.nominasi_aksi, name="nominasi_aksi"),
    path("usulan/<int:pk>/penilaian/", views.nominasi_nilai, name="nominasi_nilai"),
    path("usulan/<int:pk>/penetapan/", views.nominasi_tetapkan, name="nominasi_tetapkan"),
    path("usulan/<int:pk>/komitmen/", views.komitmen, name="komitmen"),
    path("putaran/", views.putaran_list, name="putaran_list"),
    path("putaran/baru/", views.putaran_tambah, name="putaran_tambah"),
    path("sk/", views.sk_list, name="sk_list"),
    path("sk/baru/", views.sk_tambah, name="sk_tambah"),
    path("sk/<int:pk>/", views.sk_detail, name="sk_detail"),
    path("sk/<int:pk>/pdf/", views.sk_pdf, name="sk_pdf"),
    path("sk/<int:pk>/tetapkan/", views.sk_tetapkan, name="sk_tetapkan"),
    path("agen/<int:pk>/", views.agen_detail, name="agen_detail"),
    path("agen/<int:pk>/pembinaan/", views.pembinaan_tambah, name="pembinaan_tambah"),
    path("agen/<int:pk>/penghargaan/", views.penghargaan_tambah, name="penghargaan_tambah"),
    path("kelompok/", views_kelompok.kelompok_list, name="kelompok_list"),
    path("kelompok/baru/", views_kelompok.kelompok_tambah, name="kelompok_tambah"),
    path("kelompok/<int:pk>/", views_kelompok.kelompok_detail, name="kelompok_detail"),
    path("kelompok/<int:pk>/ubah/", views_kelompok.kelompok_ubah, name="kelompok_ubah"),
    path("kelompok/<int:pk>/bubarkan/", views_kelompok.kelompok_bubarkan, name="kelompok_bubarkan"),
]
