from django.contrib import admin
from django.urls import include, path
from django.utils.functional import lazy

from apps.akun import views as akun_views
from apps.common import views as common_views
from apps.common.instansi import instansi_halaman


def _nama_aplikasi() -> str:
    return instansi_halaman().nama_aplikasi


# The app's name is the pemda's (apps.common.models.Instansi), read when a page is rendered.
admin.site.site_header = lazy(lambda: f"{_nama_aplikasi()} — Admin", str)()
admin.site.site_title = lazy(_nama_aplikasi, str)()

# Error pages in Indonesian with a reference for the helpdesk (apps/common/errors.py).
handler400 = "apps.common.errors.bad_request"
handler403 = "apps.common.errors.permission_denied"
handler404 = "apps.common.errors.page_not_found"
handler500 = "apps.common.errors.server_error"

urlpatterns = [
    path("", akun_views.beranda, name="beranda"),
    path("sehat/", common_views.sehat, name="sehat"),
    path("akun/", include("apps.akun.urls")),
    path("organisasi/", include("apps.organisasi.urls")),
    path("pedoman/", include("apps.nilai.urls")),
    path("survei/", include("apps.survei.urls")),
    path("laporan/", include("apps.laporan.urls")),
    path("kbk/", include("apps.kbk.urls")),
    path("agen/", include("apps.agen.urls")),
    path("rencana/", include("apps.rencana.urls")),
    path("pemberitahuan/", include("apps.notifikasi.urls")),
    path("forum/", include("apps.forum.urls")),
    path("tindak-lanjut/", include("apps.tindaklanjut.urls")),
    path("internalisasi/", include("apps.internalisasi.urls")),
    path("pdp/", include("apps.pdp.urls")),
    path("dokumen/", include("apps.common.urls")),
    path("admin/", admin.site.urls),
]
