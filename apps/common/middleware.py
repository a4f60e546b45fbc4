"""Per-request middleware of our own, kept small: it runs on every request.

- `MasukanBurukMiddleware` refuses malformed requests before any view sees them (docs/keamanan.md, "Masukan"):
  a NUL or another control character in the path or the query string, or an oversize value, cannot be a
  request from the app's own pages: it is answered 400 (the Indonesian error page) instead of reaching a
  database driver that would raise and turn it into a 500.
  A session cookie outside the session engine's own format is dropped before SessionMiddleware reads it: a miss
  (no session), as a stale key is, never a database error.
- `SesiSegarkanMiddleware` renews the idle timeout without writing the session on every request.
- `KebijakanKontenMiddleware` is django-csp's, with the header built once per process.
"""

import re
import time

import csp.middleware
from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

# C0 controls and DEL. Tabs and newlines have no place in a path or a query string either.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_PATH_LENGTH = 1000
MAX_QUERY_VALUE_LENGTH = 1000
MAX_QUERY_STRING_LENGTH = 4000


def masalah_masukan(request) -> str | None:
    """Why the request's path or query string is refused, or None when it is fine."""
    path = request.path_info
    if len(path) > MAX_PATH_LENGTH:
        return "path too long"
    if _CONTROL.search(path):
        return "control character in path"
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING_LENGTH:
        return "query string too long"
    for key, values in request.GET.lists():
        if _CONTROL.search(key):
            return "control character in query key"
        for value in values:
            if len(value) > MAX_QUERY_VALUE_LENGTH:
                return "query value too long"
            if _CONTROL.search(value):
                return "control character in query value"
    if request.method == "POST" and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "",
    ):
        # Form fields may hold newlines and tabs (text areas), never a NUL (PostgreSQL refuses it in text).
        for key, values in request.POST.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return "NUL in form data"
    return None


# The keys Django's session engines make: 32 characters of a-z and 0-9 (SessionBase._get_new_session_key). The
# signed-cookie engine keeps the session in the cookie itself: URL-safe base64 and ":" (django.core.signing).
_KUNCI_SESI = re.compile(r"[a-z0-9]{32}")
_SESI_DITANDATANGANI = re.compile(r"[A-Za-z0-9_\-:.]{1,4000}")


def kunci_sesi_sah(value: str) -> bool:
    """Whether a session cookie has the engine's format (anything else cannot be a session of ours)."""
    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.signed_cookies":
        return bool(_SESI_DITANDATANGANI.fullmatch(value))
    return bool(_KUNCI_SESI.fullmatch(value))


class MasukanBurukMiddleware:
    """400 for a path or query string with control characters or oversize values; a malformed session cookie is
    no session. Goes before SessionMiddleware in MIDDLEWARE."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        nama = settings.SESSION_COOKIE_NAME
        if nama in request.COOKIES and not kunci_sesi_sah(request.COOKIES[nama]):
            # A NUL in the key reaches PostgreSQL as a ValueError (a 500 on any URL, without logging in).
            del request.COOKIES[nama]
        if masalah_masukan(request) is not None:
            raise BadRequest(_("Alamat atau isian memuat karakter yang tidak diizinkan atau terlalu panjang."))
        return self.get_response(request)


# Session key holding when the session was last written (Unix seconds).
DISEGARKAN = "_disegarkan"


class SesiSegarkanMiddleware:
    """Renew the idle timeout without writing the session on every request.

    The session lives SESSION_COOKIE_AGE (30 minutes) after its last write. Django's SESSION_SAVE_EVERY_REQUEST
    writes it on every request (BEGIN, UPDATE, COMMIT); here it is written when it changed anyway or when the last
    write is older than SESSION_REFRESH_SECONDS (60 s), so the idle timeout is 29-30 minutes and a busy user costs
    one session write a minute instead of one per request. Goes right after SessionMiddleware in MIDDLEWARE (its
    response step then runs first and marks the session for SessionMiddleware to save). A session that is empty
    (an anonymous visitor) is never written, as before.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.interval = settings.SESSION_REFRESH_SECONDS

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.modified or not session.accessed or session.is_empty():
            return response
        now = int(time.time())
        if now - session.get(DISEGARKAN, 0) >= self.interval:
            session[DISEGARKAN] = now
        return response


# Response attributes through which django-csp's decorators change the policy of one response.
_CSP_PER_RESPONS = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")


class KebijakanKontenMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, with the Content-Security-Policy header built once per process.

    The policy is the same for every response (settings.CONTENT_SECURITY_POLICY): no view changes it and no
    template draws a nonce, yet django-csp builds the string anew for each response, twice per Formulir 1
    submission (bench/kirim.py). A response that changes or exempts the policy, a request that drew a nonce, and a
    configuration with a report-only policy or excluded prefixes take the library's own path.
    """

    def __init__(self, get_response) -> None:
        super().__init__(get_response)
        sederhana = not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None) and not (
            getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        ).get("EXCLUDE_URL_PREFIXES")
        self.kebijakan = build_policy() if sederhana else None

    def process_response(self, request, response):
        if (
            self.kebijakan is None
            or settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or getattr(response, "_csp_exempt", False)
            or any(getattr(response, a, None) is not None for a in _CSP_PER_RESPONS)
        ):
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = self.kebijakan
        # As the library does: a nonce asked for after the header is written is an error, not a silent gap.
        request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response
