"""Error pages (400, 403, 404, 500) in Indonesian, in the app's layout, without a trace, with a reference
that is in the log next to the exception."""

import logging
import re

import pytest
from django.test import Client, override_settings

REF = re.compile(r'data-testid="referensi">([A-Z2-9]{8})<')


def _ref(response) -> str:
    match = REF.search(response.content.decode())
    assert match is not None, response.content.decode()[:500]
    assert response["X-Referensi"] == match.group(1)
    return match.group(1)


@override_settings(DEBUG=False, ROOT_URLCONF="tests.security.urls_galat")
def test_500_is_indonesian_with_a_reference_in_the_log(world, caplog):
    client = Client(raise_request_exception=False)
    client.force_login(world.user("asn"))
    with caplog.at_level(logging.ERROR, logger="kupang.galat"):
        response = client.get("/uji-gagal/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Server Error" not in body
    assert "Traceback" not in body and "DatabaseError" not in body and "koneksi database" not in body
    assert "Terjadi kesalahan di server" in body
    assert "Budaya Kerja Kupang" in body and "bootstrap" in body
    ref = _ref(response)
    logged = [r for r in caplog.records if r.name == "kupang.galat" and ref in r.getMessage()]
    assert len(logged) == 1
    assert logged[0].exc_info[1].args == ("koneksi database putus (uji)",)


@override_settings(DEBUG=False)
def test_404_is_indonesian_in_the_layout_with_a_reference(world, caplog):
    client = Client(raise_request_exception=False)
    client.force_login(world.user("asn"))
    with caplog.at_level(logging.WARNING, logger="kupang.galat"):
        response = client.get("/agen/usulan/999999/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Halaman tidak ditemukan" in body and "Not Found" not in body
    assert "Keluar" in body  # the app's navigation, as on every page
    ref = _ref(response)
    assert any(ref in r.getMessage() for r in caplog.records)


@override_settings(DEBUG=False)
def test_403_is_indonesian_with_a_reference(world):
    client = Client(raise_request_exception=False)
    client.force_login(world.user("asn"))
    response = client.get("/akun/kode-aktivasi/")
    assert response.status_code == 403
    assert "Tidak diizinkan" in response.content.decode()
    _ref(response)


@override_settings(DEBUG=False)
def test_400_is_indonesian_with_a_reference(world):
    client = Client(raise_request_exception=False)
    response = client.get("/akun/masuk/?next=%00")
    assert response.status_code == 400
    assert "Permintaan tidak sah" in response.content.decode()
    assert "Bad Request" not in response.content.decode()
    _ref(response)


@override_settings(DEBUG=False, ALLOWED_HOSTS=["budaya.kupangkab.go.id"])
def test_foreign_host_is_a_400_page(db):
    response = Client(raise_request_exception=False).get("/akun/masuk/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Permintaan tidak sah" in response.content.decode()


@pytest.mark.parametrize("status", [400, 500])
def test_the_plain_error_pages_render_without_a_request(status):
    from django.template.loader import render_to_string

    html = render_to_string(f"{status}.html", {"referensi": "ABCD2345"})
    assert "ABCD2345" in html
