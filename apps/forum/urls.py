from django.urls import path

from . import views

app_name = "forum"
urlpatterns = [
    path("", views.index, name="index"),
    path("praktik-baik/", views.praktik_list, name="praktik_list"),
    path("praktik-baik/<int:pk>/", views.praktik_detail, name="praktik_detail"),
    path("praktik-baik/<int:pk>/ubah/", views.praktik_ubah, name="praktik_ubah"),
    path("pertemuan/<int:pk>/", views.pertemuan_detail, name="pertemuan_detail"),
    path("pertemuan/<int:pk>/ubah/", views.pertemuan_ubah, name="pertemuan_ubah"),
    path("pertemuan/<int:pk>/lampiran/", views.lampiran_tambah, name="lampiran_tambah"),
    path("lampiran/<uuid:kunci>/", views.lampiran_unduh, name="lampiran_unduh"),
    path("f/<str:kode>/", views.forum_detail, name="forum_detail"),
    path("f/<str:kode>/pertemuan/baru/", views.pertemuan_tambah, name="pertemuan_tambah"),
    path("f/<str:kode>/praktik-baik/baru/", views.praktik_tambah, name="praktik_tambah"),
]
