"""Refuse malformed requests before any view sees them (docs/keamanan.md, "Masukan").

A NUL or another control character in the path or the query string, or an oversize value, cannot be a
request from the app's own pages: it is answered 400 (the Indonesian error page) instead of reaching a
database driver that would raise and turn it into a 500.
"""

import re

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
    if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded", ""):
        # Form fields may hold newlines and tabs (text areas), never a NUL (PostgreSQL refuses it in text).
        for key, values in request.POST.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return "NUL in form data"
    return None


class MasukanBurukMiddleware:
    """400 for a path or query string with control characters or oversize values."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if masalah_masukan(request) is not None:
            raise BadRequest(_("Alamat atau isian memuat karakter yang tidak diizinkan atau terlalu panjang."))
        return self.get_response(request)
