"""The project's URLs plus views that read the database or store a file on a full disk (tests/operasi/)."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from apps.common.uploads import PenyimpananPrivat
from kupang_budaya.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


@login_not_required
def baca(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 41 + 1")
        return HttpResponse(str(cursor.fetchone()[0]))


@login_not_required
@csrf_exempt
def simpan(request):
    """Stores a generated file (as issuing a document does), or the uploaded one: with a plain form field."""
    from django.core.files.base import ContentFile

    berkas = request.FILES.get("berkas") or ContentFile(b"%PDF-1.4 dokumen")
    PenyimpananPrivat().save("privat/uji/dokumen.pdf", berkas)
    return HttpResponse("tersimpan")


urlpatterns = [path("uji-baca/", baca), path("uji-simpan/", simpan), *urlpatterns]
