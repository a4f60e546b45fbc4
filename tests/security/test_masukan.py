"""Bad input gets 400 or 404, never 500 (issue "no bare 500": NUL bytes, control characters, oversize values,
periode codes `.` and `..`)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from apps.survei.models import Periode

SAMPLE = {"int": "1", "str": "x", "slug": "x", "periode": "2026", "format": "pdf", "path": "x", "uuid": None}
_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


def _routes(resolver: URLResolver, prefix: str = ""):
    """Every path() route of the project as one string (regex patterns such as the admin's are skipped)."""
    for entry in resolver.url_patterns:
        route = getattr(entry.pattern, "_route", None)
        if route is None:
            continue
        if isinstance(entry, URLResolver):
            yield from _routes(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


def _urls_with_nul() -> list[str]:
    """For each route with path arguments, one URL per argument with %00 in its place."""
    urls = []
    for route in _routes(get_resolver()):
        params = list(_PARAM.finditer(route))
        for index in range(len(params)):
            parts, last = [], 0
            for i, match in enumerate(params):
                parts.append(route[last : match.start()])
                parts.append("%00" if i == index else SAMPLE.get(match["conv"] or "str") or "x")
                last = match.end()
            parts.append(route[last:])
            urls.append("/" + "".join(parts))
    return urls


def test_the_walk_covers_the_object_urls():
    urls = _urls_with_nul()
    assert "/survei/isi/%00/" in urls
    assert "/laporan/2026/unit/%00/" in urls
    assert len(urls) > 40


@override_settings(DEBUG=False)
@pytest.mark.parametrize("persona", ["admin", "asn", "monev"])
def test_nul_in_every_path_argument_is_never_a_500(world, persona):
    client = Client(raise_request_exception=False)
    client.force_login(world.user(persona))
    statuses = {url: client.get(url).status_code for url in _urls_with_nul()}
    assert {url: s for url, s in statuses.items() if s >= 500} == {}
    assert set(statuses.values()) <= {400, 404}


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    "url",
    [
        "/survei/?q=%00",
        "/organisasi/pegawai/?q=a%01b",
        "/organisasi/pegawai/?q=" + "a" * 5000,
        "/organisasi/pegawai/%7F/",
        "/survei/isi/2026%0A/",
        "/" + "a" * 3000 + "/",
    ],
)
def test_control_characters_and_oversize_values_are_a_400(world, url):
    client = Client(raise_request_exception=False)
    client.force_login(world.user("admin"))
    assert client.get(url).status_code in (400, 404)


@override_settings(DEBUG=False)
def test_nul_in_a_query_string_is_a_400_with_the_indonesian_page(world):
    client = Client(raise_request_exception=False)
    client.force_login(world.user("admin"))
    response = client.get("/organisasi/pegawai/?q=%00")
    assert response.status_code == 400
    assert "Permintaan tidak sah" in response.content.decode()


def _periode(kode: str) -> Periode:
    return Periode(kode=kode, nama="Uji", tanggal_buka="2026-11-01", tanggal_tutup="2026-12-31")


@pytest.mark.parametrize("kode", [".", "..", "-2026", "2026/II", "2026 II", "2026_II", "a\x00"])
def test_periode_codes_are_letters_digits_and_minus(db, kode):
    with pytest.raises(ValidationError) as raised:
        _periode(kode).clean_fields(exclude=["instrumen"])
    assert "kode" in raised.value.message_dict


@pytest.mark.parametrize("kode", ["2026", "2026-II", "A", "t2026-b"])
def test_good_periode_codes_are_accepted(db, kode):
    _periode(kode).clean_fields(exclude=["instrumen"])


@override_settings(DEBUG=False)
@pytest.mark.parametrize("kode", [".", ".."])
def test_dot_periode_urls_are_404(world, kode):
    client = Client(raise_request_exception=False)
    client.force_login(world.user("monev"))
    assert client.get(f"/survei/partisipasi/{kode}/").status_code == 404
    assert client.get(f"/laporan/{kode}/").status_code == 404
    assert Periode.objects.count() == 0
