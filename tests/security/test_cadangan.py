"""Fallbacks and edges of the request checks: an error page that cannot be rendered still answers in Indonesian
with its reference; the input check names what it refuses; the client address behind trusted proxies."""

import logging

from django.test import RequestFactory, override_settings

from apps.akun.security import client_ip
from apps.common import errors
from apps.common.middleware import MAX_QUERY_VALUE_LENGTH, masalah_masukan

rf = RequestFactory()


def test_a_404_page_that_fails_to_render_falls_back_to_the_plain_page(caplog):
    with caplog.at_level(logging.ERROR, logger="kupang.galat"):
        response = errors.page_not_found(rf.get("/hilang/"), template_name="tidak-ada.html")
    ref = response["X-Referensi"]
    assert response.status_code == 404
    assert ref in response.content.decode()
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == [
        f"galat 404 ref={ref}: halaman galat tidak dapat dirender"
    ]


def test_a_500_page_that_fails_to_render_is_written_inline():
    response = errors.server_error(rf.get("/x/"), template_name="tidak-ada.html")
    ref = response["X-Referensi"]
    assert response.status_code == 500
    assert response.content.decode() == (
        "<!doctype html><html lang='id'><meta charset='utf-8'><title>Terjadi kesalahan</title>"
        f"<h1>Terjadi kesalahan di server</h1><p>Kode referensi: {ref}</p></html>"
    )


def test_the_input_check_names_each_refusal():
    assert masalah_masukan(rf.get("/survei/", {"q": "biasa", "halaman": "2"})) is None
    assert masalah_masukan(rf.get("/survei/?a%01b=1")) == "control character in query key"
    assert masalah_masukan(rf.get("/survei/", {"q": "a" * (MAX_QUERY_VALUE_LENGTH + 1)})) == "query value too long"
    assert masalah_masukan(_form("nip=1%002")) == "NUL in form data"
    assert masalah_masukan(_form("a%00=1")) == "NUL in form data"
    # A text area may hold newlines and tabs.
    assert masalah_masukan(_form("catatan=baris+1%0D%0A%09baris+2")) is None


def _form(body: str):
    return rf.post("/akun/masuk/", body, content_type="application/x-www-form-urlencoded")


def test_the_client_address_ignores_forwarded_for_without_a_trusted_proxy():
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "10.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_trusted_proxies_the_client_address_is_counted_from_the_right():
    # The client may forge the left-most entries; the two proxies appended the last two.
    forged = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7, 10.0.0.2", REMOTE_ADDR="10.0.0.3")
    assert client_ip(forged) == "203.0.113.7"
    # Fewer entries than proxies: the header is not trusted.
    short = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="10.0.0.3")
    assert client_ip(short) == "10.0.0.3"
