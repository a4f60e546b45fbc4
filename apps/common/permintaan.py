"""One JSON log line per request, a request id on every log line, and database faults answered in Indonesian
(docs/operasi.md, «Log» and «Gangguan»).

- `PermintaanMiddleware` (first in MIDDLEWARE) gives each request an id of 8 characters that can be read over the
  phone (the same alphabet as the error pages' reference), puts it in the `X-Referensi` header of every response
  and on every log line written while the request runs (`FilterPermintaan`), and writes one line to the logger
  `kupang.permintaan` when the response leaves: method, path, status, milliseconds, and the user's id. Never a
  NIP, a name or a query string (a search by NIP is a POST; a query string may still hold one).
- A database error in a view of a safe method (GET, HEAD) is retried once on a fresh connection: a connection
  dropped by a PostgreSQL restart then costs nothing. Otherwise `apps.common.errors` answers 503 with the
  "coba lagi" page and the request's reference (never a 400 that blames the user).
- A full disk while storing an upload (`PenyimpananPenuhError`: the storage left no partial file, and the transaction
  that would have pointed at the file is rolled back; or the database's own disk full) is logged, and the view runs
  once more with every uploaded file marked as not stored: each upload field (`apps.common.uploads.BerkasField`)
  refuses it with `PESAN_PENYIMPANAN_PENUH`, so the same form comes back with that message at the top and beside
  the file field and everything else that was typed. One mechanism for every upload form; a request without an
  upload (or a form whose view cannot show it again) gets the 507 page that says the same.
- `JsonFormatter` writes each record as one JSON object on one line, for the journal and any log shipper.
"""

import contextvars
import json
import logging
import time

from django.contrib import messages
from django.db import InterfaceError, OperationalError, connections

from .errors import penyimpanan_penuh, referensi_baru
from .uploads import PESAN_PENYIMPANAN_PENUH, disk_penuh, tandai_tidak_tersimpan

logger = logging.getLogger("kupang.permintaan")
logger_unggahan = logging.getLogger("kupang.unggahan")

# The id of the request this thread is serving ("-" outside a request: commands, timers).
_ID = contextvars.ContextVar("kupang_request_id", default="-")


def id_permintaan() -> str:
    return _ID.get()


class FilterPermintaan(logging.Filter):
    """Puts the current request's id on every record as `request_id` (the handler's filter, so records of every
    logger carry it: Django's, gunicorn's, ours)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            # django.request logs a 4xx/5xx after the middleware has finished, with the request attached.
            record.request_id = getattr(getattr(record, "request", None), "id", None) or _ID.get()
        return True


# Attributes every LogRecord has; anything else was passed in `extra=` and goes into the JSON object.
# `request` (added by django.request) is left out: its repr holds the query string.
_BAWAAN = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request_id", "request"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601 with milliseconds), level, logger, message, request id,
    the fields given with `extra=`, and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "waktu": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "tingkat": record.levelname,
            "logger": record.name,
            "pesan": record.getMessage(),
            "request_id": getattr(record, "request_id", _ID.get()),
        }
        for key, value in record.__dict__.items():
            if key not in _BAWAAN and not key.startswith("_"):
                data[key] = value
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


def _pengguna_id(request) -> int | None:
    # Only a user the request already loaded: reading request.user here would cost a query for anonymous pages.
    user = getattr(request, "_cached_user", None)
    if user is not None and user.is_authenticated:
        return user.pk
    return None


def _path(request) -> str:
    # repr() escapes control characters, so a crafted path cannot forge a log line.
    return repr(request.path)[1:-1][:300]


def _ada_unggahan(request) -> bool:
    return request.method == "POST" and bool(request.FILES)


# Database errors that mean the connection or the server went away, not a bug in a query.
GANGGUAN_DATABASE = (OperationalError, InterfaceError)
METODE_AMAN = ("GET", "HEAD")


class PermintaanMiddleware:
    """The request id, the access log line, and one retry of a safe request after a database fault."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        request.id = referensi_baru()
        token = _ID.set(request.id)
        mulai = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Referensi"] = request.id
            path = _path(request)
            logger.info(
                "%s %s %s",
                request.method,
                path,
                response.status_code,
                extra={
                    "metode": request.method,
                    "path": path,
                    "status": response.status_code,
                    "ms": round((time.perf_counter() - mulai) * 1000, 1),
                    "pengguna_id": _pengguna_id(request),
                },
            )
            return response
        finally:
            _ID.reset(token)

    def process_exception(self, request, exception):
        """A full disk while an upload was stored: the form again (`formulir_lagi`). Retry a GET or HEAD once when
        the database connection failed (it is closed first, so the retry opens a new one). Writes are not retried:
        the user sees the "coba lagi" page and decides."""
        if disk_penuh(exception) and (isinstance(exception, OSError) or _ada_unggahan(request)):
            return self.formulir_lagi(request, exception)
        if request.method not in METODE_AMAN or not isinstance(exception, GANGGUAN_DATABASE):
            return None
        if getattr(request, "_dicoba_ulang", False) or any(c.in_atomic_block for c in connections.all()):
            return None
        request._dicoba_ulang = True
        logger.warning("gangguan database, dicoba sekali lagi: %s", type(exception).__name__)
        for connection in connections.all(initialized_only=True):
            connection.close()
        match = request.resolver_match
        return match.func(request, *match.args, **match.kwargs)

    def formulir_lagi(self, request, exception):
        """The disk was full while an upload was stored: nothing was kept (the storage removed its temporary file,
        the transaction was rolled back). Log it, then run the view again with the uploads marked as not stored,
        so that it shows its form with the message and every other value typed (docs/operasi.md, «Sehat dan
        gangguan»)."""
        logger_unggahan.error(
            "penyimpanan penuh: berkas tidak tersimpan",
            extra={
                "kejadian": "penyimpanan_penuh",
                "metode": request.method,
                "path": _path(request),
                "berkas": sum(len(v) for _k, v in request.FILES.lists()) if _ada_unggahan(request) else 0,
                "galat": f"{type(exception).__name__}: {exception}"[:300],
            },
        )
        match = request.resolver_match
        if not _ada_unggahan(request) or match is None or getattr(request, "_formulir_lagi", False):
            return penyimpanan_penuh(request, exception)
        request._formulir_lagi = True
        tandai_tidak_tersimpan(request.FILES)
        messages.error(request, PESAN_PENYIMPANAN_PENUH, fail_silently=True)
        try:
            return match.func(request, *match.args, **match.kwargs)
        except Exception as again:
            # A form whose upload field is not a BerkasField stored again and failed again: the page that says so.
            if disk_penuh(again):
                return penyimpanan_penuh(request, again)
            raise
