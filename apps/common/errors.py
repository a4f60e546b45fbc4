"""Error pages in Indonesian with a short reference the helpdesk can find in the log (docs/keamanan.md).

Each page shows a reference of 8 characters; the same reference is written to the log with the request
path and, for a 500, the exception and its traceback. No trace reaches the browser.
The 500 page is rendered without a request context: no context processor and no database query can
fail while the app is already failing.
"""

import logging
import secrets
import sys

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden, HttpResponseNotFound
from django.template import loader

logger = logging.getLogger("kupang.galat")

# Letters and digits that are not confused on the phone (no 0/O, 1/I/L).
_ALFABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def referensi_baru() -> str:
    return "".join(secrets.choice(_ALFABET) for _ in range(8))


def _path(request) -> str:
    # repr() escapes control characters, so a crafted path cannot forge log lines.
    return repr(getattr(request, "path", "?"))[1:-1][:300]


def _render(request, template: str, status: int, response_class, exception=None) -> HttpResponse:
    ref = referensi_baru()
    logger.warning("galat %s ref=%s path=%s (%s)", status, ref, _path(request), type(exception).__name__)
    try:
        body = loader.render_to_string(template, {"referensi": ref, "status": status}, request=request)
    except Exception:
        logger.exception("galat %s ref=%s: halaman galat tidak dapat dirender", status, ref)
        body = loader.render_to_string("galat_polos.html", {"referensi": ref, "status": status})
    response = response_class(body)
    response["X-Referensi"] = ref
    return response


def bad_request(request, exception=None, template_name: str = "400.html") -> HttpResponse:
    # A 400 can come before the session and the user are known: render without the context processors.
    ref = referensi_baru()
    logger.warning("galat 400 ref=%s path=%s (%s)", ref, _path(request), type(exception).__name__)
    response = HttpResponseBadRequest(loader.render_to_string(template_name, {"referensi": ref, "status": 400}))
    response["X-Referensi"] = ref
    return response


def permission_denied(request, exception=None, template_name: str = "403.html") -> HttpResponse:
    return _render(request, template_name, 403, HttpResponseForbidden, exception)


def page_not_found(request, exception=None, template_name: str = "404.html") -> HttpResponse:
    return _render(request, template_name, 404, HttpResponseNotFound, exception)


def server_error(request, template_name: str = "500.html") -> HttpResponse:
    """Called by Django inside its exception handler, so sys.exc_info() is the failing exception."""
    ref = referensi_baru()
    logger.error("galat 500 ref=%s path=%s", ref, _path(request), exc_info=sys.exc_info())
    try:
        body = loader.render_to_string(template_name, {"referensi": ref, "status": 500})
    except Exception:
        body = (
            "<!doctype html><html lang='id'><meta charset='utf-8'><title>Terjadi kesalahan</title>"
            f"<h1>Terjadi kesalahan di server</h1><p>Kode referensi: {ref}</p></html>"
        )
    response = HttpResponse(body, status=500)
    response["X-Referensi"] = ref
    return response
