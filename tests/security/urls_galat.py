"""The project's URLs plus one view that fails, to see the 500 page (tests/security/test_galat.py)."""

from django.db import DatabaseError
from django.urls import path

from kupang_budaya.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def gagal(request):
    raise DatabaseError("koneksi database putus (uji)")


urlpatterns = [path("uji-gagal/", gagal), *urlpatterns]
