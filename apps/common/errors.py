"""Error pages in Indonesian with a short reference the helpdesk can find in the log (docs/keamanan.md).

Each page shows a reference of 8 characters; the same reference is written to the log with the request
path and, for a 500, the exception and its traceback. No trace reaches the browser.
The 500 page is rendered without a request context: no context processor and no database query can
fail while the app is already failing. The reference is the request's id (apps/common/permintaan.py), so the
page, the response header `X-Referensi` and every log line of the request carry the same 8 characters.

A database that went away (a restart, a dropped connection, a full disk on the server) is not the user's fault:
it is answered 503 with the "coba lagi" page (`503.html`), also when Django would have called it a 400 because
the session could not be saved (`SessionInterrupted` raised from a DatabaseError).
"""

import logging
import secrets
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden, HttpResponseNotFound
from django.template import loader

from .uploads import disk_penuh

logger = logging.getLogger("kupang.galat")


def instansi_tanpa_kueri():
    """The pemda's words for a page rendered without the database (apps/common/instansi.py). Imported here, not at
    the top: the logging configuration loads this module before the models are ready."""
    from .instansi import instansi_tanpa_kueri as tanpa_kueri  # noqa: PLC0415

    return tanpa_kueri()


# Letters and digits that are not confused on the phone (no 0/O, 1/I/L).
_ALFABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def referensi_baru() -> str:
    return "".join(secrets.choice(_ALFABET) for _ in range(8))


def _referensi(request) -> str:
    return getattr(request, "id", None) or referensi_baru()


def _sebab(exception: BaseException | None):
    """The exception and the ones it was raised from or during, outermost first."""
    seen = 0
    while exception is not None and seen < 10:
        yield exception
        exception = exception.__cause__ or exception.__context__
        seen += 1


def gangguan_database(exception: BaseException | None, *, semua: bool = False) -> bool:
    """True when the exception comes from the database going away (or, with semua, from any database error)."""
    jenis = DatabaseError if semua else (OperationalError, InterfaceError)
    return any(isinstance(e, jenis) for e in _sebab(exception))


def coba_lagi(request, exception=None) -> HttpResponse:
    """503 with the "coba lagi" page: rendered without a request context (the database is what failed)."""
    ref = _referensi(request)
    logger.error("galat 503 ref=%s path=%s: gangguan database", ref, _path(request), exc_info=exception)
    try:
        body = loader.render_to_string(
            "503.html", {"referensi": ref, "instansi": instansi_tanpa_kueri(), "status": 503}
        )
    except Exception:
        body = (
            "<!doctype html><html lang='id'><meta charset='utf-8'><title>Coba lagi</title>"
            f"<h1>Layanan sedang terganggu, coba lagi</h1><p>Kode referensi: {ref}</p></html>"
        )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "10"
    response["X-Referensi"] = ref
    return response


def penyimpanan_penuh(request, exception=None) -> HttpResponse:
    """507 when the disk was full while an upload was stored: nothing was saved, the user is told so."""
    ref = _referensi(request)
    logger.error("galat 507 ref=%s path=%s: penyimpanan penuh (%s)", ref, _path(request), exception)
    body = loader.render_to_string("507.html", {"referensi": ref, "instansi": instansi_tanpa_kueri(), "status": 507})
    response = HttpResponse(body, status=507)
    response["X-Referensi"] = ref
    return response


def _path(request) -> str:
    # repr() escapes control characters, so a crafted path cannot forge log lines.
    return repr(getattr(request, "path", "?"))[1:-1][:300]


def _render(request, template: str, status: int, response_class, exception=None) -> HttpResponse:
    ref = _referensi(request)
    logger.warning("galat %s ref=%s path=%s (%s)", status, ref, _path(request), type(exception).__name__)
    try:
        body = loader.render_to_string(template, {"referensi": ref, "status": status}, request=request)
    except Exception:
        logger.exception("galat %s ref=%s: halaman galat tidak dapat dirender", status, ref)
        body = loader.render_to_string(
            "galat_polos.html", {"referensi": ref, "instansi": instansi_tanpa_kueri(), "status": status}
        )
    response = response_class(body)
    response["X-Referensi"] = ref
    return response


def bad_request(request, exception=None, template_name: str = "400.html") -> HttpResponse:
    # A 400 can come before the session and the user are known: render without the context processors.
    if gangguan_database(exception, semua=True):
        return coba_lagi(request, exception)
    ref = _referensi(request)
    logger.warning("galat 400 ref=%s path=%s (%s)", ref, _path(request), type(exception).__name__)
    response = HttpResponseBadRequest(
        loader.render_to_string(template_name, {"referensi": ref, "instansi": instansi_tanpa_kueri(), "status": 400})
    )
    response["X-Referensi"] = ref
    return response


def permission_denied(request, exception=None, template_name: str = "403.html") -> HttpResponse:
    return _render(request, template_name, 403, HttpResponseForbidden, exception)


def page_not_found(request, exception=None, template_name: str = "404.html") -> HttpResponse:
    return _render(request, template_name, 404, HttpResponseNotFound, exception)


def server_error(request, template_name: str = "500.html") -> HttpResponse:
    """Called by Django inside its exception handler, so sys.exc_info() is the failing exception."""
    if gangguan_database(sys.exc_info()[1]):
        return coba_lagi(request, sys.exc_info()[1])
    if disk_penuh(sys.exc_info()[1]):
        # Outside a view (e.g. an upload spooled to a temporary file while the request was read): the 507 page.
        return penyimpanan_penuh(request, sys.exc_info()[1])
    ref = _referensi(request)
    logger.error("galat 500 ref=%s path=%s", ref, _path(request), exc_info=sys.exc_info())
    try:
        body = loader.render_to_string(
            template_name, {"referensi": ref, "instansi": instansi_tanpa_kueri(), "status": 500}
        )
    except Exception:
        body = (
            "<!doctype html><html lang='id'><meta charset='utf-8'><title>Terjadi kesalahan</title>"
            f"<h1>Terjadi kesalahan di server</h1><p>Kode referensi: {ref}</p></html>"
        )
    response = HttpResponse(body, status=500)
    response["X-Referensi"] = ref
    return response
