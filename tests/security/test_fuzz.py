"""Bad input never gives a 500 (docs/keamanan.md, "Masukan"): every URL pattern of the project, the admin's
included, gets NUL bytes, other control characters, oversize values, huge numbers and odd text in its path
arguments, its query string, every field of its form, every cookie and every request header, with and without a
session. A refusal is a 400, 403, 404 or a redirect, never a 500.

One module world; the URL list comes from the resolver, so a new page is fuzzed the day it is added.
"""

import re
from urllib.parse import quote

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import kunci_sesi

# Values for the path converters, so the request reaches the view (int, str, slug, uuid, path, our periode, format).
CONTOH = {
    "int": "1",
    "str": "PDX",
    "slug": "x",
    "uuid": "00000000-0000-0000-0000-000000000001",
    "path": "x",
    "periode": "2026",
    "format": "pdf",
}
# The bad values. "nul" and "kendali" (control characters) are refused by the input middleware wherever they are
# refused; the others go deep: a number that overflows every integer column, text longer than any column, and
# quotes, markup, percent signs and non-ASCII letters.
BURUK = {
    "nul": "a\x00b",
    "kendali": "a\x01\x1b[2J\x7fb",
    "panjang": "x" * 5_000,
    "angka": "9" * 40,
    "aneh": "é'\"<>%%s{{x}}\\;--",
}
COOKIE = ["sessionid", "csrftoken", "django_language", "messages"]
HEADER = [
    "HTTP_USER_AGENT",
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_REFERER",
    "HTTP_ORIGIN",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_REQUESTED_WITH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_RANGE",
    "HTTP_AUTHORIZATION",
    "HTTP_X_CSRFTOKEN",
]
# Query names read by some view (pagination, filters, the admin's own), beside the page's form fields.
NAMA_KUERI = ["q", "page", "p", "o", "e", "status", "periode", "pd", "next", "_changelist_filters", "_popup", "all"]
_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")
_NAMA_FIELD = re.compile(r'name="([^"]+)"')
# The admin's formset counters (TOTAL_FORMS ...) are left out: a huge number there makes Django build up to 2,000
# empty forms per inline (its own cap), minutes of a test for no new finding.
_BUKAN_FIELD = re.compile(r"csrfmiddlewaretoken|.*_FORMS$")


def _contoh_regex(pattern: str, nilai: str) -> str:
    """A URL matching one of the admin's regex patterns: an app label, object ids and the catch-all as `nilai`."""
    pattern = pattern.replace("([^/]+)", "{}").replace("(?P<url>.*)", "{}")
    pattern = re.sub(r"\(\?P<\w+>(\w+)(\|[\w|]+)?\)", r"\1", pattern)
    return pattern.replace("^", "").replace("$", "").replace("{}", nilai)


def _pola(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _pola(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def semua_pola() -> list[str]:
    return list(_pola(get_resolver()))


def isi(pola: str, nilai: str | None = None) -> str:
    """The pattern as a URL: every argument filled with its sample value, or with `nilai`."""
    if "^" in pola or "(?P<" in pola or "([^/]+)" in pola:
        return "/" + _contoh_regex(pola, nilai if nilai is not None else "1")
    return "/" + _PARAM.sub(lambda m: nilai if nilai is not None else CONTOH.get(m["conv"] or "str", "x"), pola)


def _punya_argumen(pola: str) -> bool:
    return "<" in pola or "([^/]+)" in pola or ".*" in pola


# The admin's old change address of each model (`admin/<app>/<model>/<path:object_id>/`) is one Django view, a
# RedirectView to that model's change page, behind the same admin wrapper for every model: one of them is fuzzed
# (the change pages it leads to are fuzzed each), the others add nothing but minutes (docs/keamanan.md, «Masukan»).
_ALIH_ADMIN = re.compile(r"admin/\w+/\w+/<path:object_id>/")
_SEMUA = semua_pola()
ALIH_ADMIN = [p for p in _SEMUA if _ALIH_ADMIN.fullmatch(p)]
POLA = [p for p in _SEMUA if p not in ALIH_ADMIN[1:]]


def test_the_fuzz_covers_every_url_pattern_of_the_project():
    assert len(POLA) == len(set(POLA)) > 300
    assert "akun/aktivasi/" in POLA
    assert "laporan/<periode:kode>/unit/<int:pk>/rincian/" in POLA
    assert isi("admin/^(?P<app_label>auth|axes|akun)/$") == "/admin/auth/"
    assert isi("admin/(?P<url>.*)$", "%00") == "/admin/%00"
    assert isi("admin/organisasi/pegawai/^([^/]+)/history/([^/]+)/$") == "/admin/organisasi/pegawai/1/history/1/"
    assert isi("rencana/bukti/<uuid:kode>/", "%00") == "/rencana/bukti/%00/"


def test_the_admin_redirects_left_out_are_one_django_view_that_is_fuzzed_once():
    from django.urls import resolve
    from django.views.generic import RedirectView

    assert len(ALIH_ADMIN) > 30 and ALIH_ADMIN[0] in POLA
    assert set(_SEMUA) - set(POLA) == set(ALIH_ADMIN[1:])
    for pola in ALIH_ADMIN:
        assert resolve(isi(pola)).func.view_class is RedirectView, pola


@pytest.fixture(scope="module", autouse=True)
def _tanpa_debug():
    """The production error pages (DEBUG off) for the whole module, entered once: each change of DEBUG makes
    Django drop its template engines and compile every template again (about 10 ms a test)."""
    with override_settings(DEBUG=False):
        yield


@pytest.fixture(scope="module")
def _sesi_admin(_world_of_module, django_db_blocker) -> str:
    """One admin session for the whole module (rolled back with the module's world), as in the access matrix: a
    login for each pattern was a tenth of this module's time. What a request does to the session (a logout, a new
    key) is rolled back with its test."""
    with django_db_blocker.unblock():
        return kunci_sesi(_world_of_module.admin)


def _admin(sesi: str) -> Client:
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = sesi
    return client


def _lima_ratus(respons: dict) -> dict:
    return {kunci: status for kunci, status in respons.items() if status >= 500}


VARIAN = list(BURUK)


def _cookie(nilai: str, sesi: str) -> str:
    return "; ".join([f"sessionid={sesi}", *(f"{c}={nilai[:4000]}" for c in COOKIE if c != "sessionid")])


def test_the_shared_session_is_the_admins_and_a_logout_is_rolled_back(db, _sesi_admin):
    """The fuzz runs as the admin, not as a visitor sent to the login page; a logout inside a test's transaction (as
    a fuzzed logout form is) is gone with it."""
    assert _admin(_sesi_admin).get("/admin/").status_code == 200
    with transaction.atomic():
        assert _admin(_sesi_admin).post("/akun/keluar/").status_code == 302
        assert _admin(_sesi_admin).get("/admin/").status_code == 302
        transaction.set_rollback(True)
    assert _admin(_sesi_admin).get("/admin/").status_code == 200


@pytest.mark.parametrize("nomor, pola", list(enumerate(POLA)), ids=POLA)
def test_no_bad_input_gives_a_500(db, _sesi_admin, nomor, pola):
    """Six requests per pattern, each vector with another bad value; the value turns with the pattern's number, so
    every value reaches every kind of vector across the project (and the full table runs on a sample below)."""
    v = [BURUK[VARIAN[(nomor + k) % len(VARIAN)]] for k in range(6)]
    sesi = _sesi_admin
    admin = _admin(sesi)
    url = isi(pola)
    status = {}

    # Every header and every cookie but the session's bad, on the page itself (its form fields are read from it).
    halaman = admin.get(url, HTTP_COOKIE=_cookie(v[0], sesi), **{h: v[1][:8000] for h in HEADER})
    status["header, cookie"] = halaman.status_code
    body = halaman.content.decode(errors="replace") if halaman.get("Content-Type", "").startswith("text/") else ""
    fields = sorted(f for f in set(_NAMA_FIELD.findall(body)) if not _BUKAN_FIELD.fullmatch(f)) or ["x"]
    status["form"] = admin.post(url, dict.fromkeys(fields, v[2])).status_code
    status["query"] = admin.get(url, dict.fromkeys([*fields, *NAMA_KUERI], v[3])).status_code
    if _punya_argumen(pola):
        status["path"] = admin.get(isi(pola, v[4].replace("\x00", "%00")[:2000])).status_code
    # Without a session: a NUL in a session key of the engine's length (it reached the database: a 500 on every
    # URL), and every other cookie bad.
    tamu = Client(raise_request_exception=False)
    status["sesi"] = tamu.get(url, HTTP_COOKIE=_cookie(v[5], "abcdefgh\x00" + "a" * 23)).status_code
    status["host"] = tamu.get(url, HTTP_HOST=v[nomor % 6][:300]).status_code
    assert _lima_ratus(status) == {}


SAMPEL = ["", "akun/aktivasi/", "organisasi/pegawai/", "survei/isi/<periode:kode>/", "admin/organisasi/pegawai/add/"]


@pytest.mark.parametrize("pola", SAMPEL)
@pytest.mark.parametrize("nama", VARIAN)
def test_every_bad_value_in_every_vector_of_a_sample(db, _sesi_admin, pola, nama):
    nilai = BURUK[nama]
    sesi = _sesi_admin
    admin = _admin(sesi)
    url = isi(pola)
    halaman = admin.get(url)
    fields = sorted(f for f in set(_NAMA_FIELD.findall(halaman.content.decode())) if not _BUKAN_FIELD.fullmatch(f))
    status = {
        "header, cookie": admin.get(url, HTTP_COOKIE=_cookie(nilai, sesi), **{h: nilai[:8000] for h in HEADER}),
        "form multipart": admin.post(url, dict.fromkeys(fields, nilai)),
        "form urlencoded": admin.post(
            url, "&".join(f"{f}={quote(nilai)}" for f in fields), content_type="application/x-www-form-urlencoded"
        ),
        "query": admin.get(url, dict.fromkeys([*fields, *NAMA_KUERI], nilai)),
        "path": admin.get(isi(pola, quote(nilai)[:2000])),
        "sesi": Client(raise_request_exception=False).get(url, HTTP_COOKIE=f"sessionid={(nilai * 32)[:32]}"),
        "host": admin.get(url, HTTP_HOST=nilai[:300]),
    }
    assert _lima_ratus({k: r.status_code for k, r in status.items()}) == {}
