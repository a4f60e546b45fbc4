"""The project's URLs plus two views that read and write the database (tests/operasi/test_gangguan.py)."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponse
from django.urls import path

from kupang_budaya.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


@login_not_required
def baca(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 41 + 1")
        return HttpResponse(str(cursor.fetchone()[0]))


urlpatterns = [path("uji-baca/", baca), *urlpatterns]
