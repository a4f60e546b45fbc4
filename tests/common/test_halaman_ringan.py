"""A light page for phones on weak signals: compressed HTML, no Bootstrap JavaScript, a favicon, purged CSS."""

import gzip
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_html_is_gzip_compressed_when_the_client_accepts_it(client_as, world):
    from tests.survei.helpers import buat_periode

    url = f"/survei/isi/{buat_periode().kode}/"
    client = client_as("asn")
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert plain.get("Content-Encoding") is None
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content)
    assert b"<!doctype html>" in html
    assert len(packed.content) < len(html) / 5


def test_pages_load_no_bootstrap_javascript_and_name_an_icon(client_as, world):
    text = client_as("asn").get("/").content.decode()
    assert "bootstrap.bundle" not in text
    assert '<link rel="icon" href="/static/root/favicon' in text
    assert "/static/js/menu" in text and "bootstrap.kupang.min" in text


def test_favicon_is_served_at_the_site_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # ICO header


def test_purged_bootstrap_css_is_current():
    """static/vendor/bootstrap/bootstrap.kupang.min.css is what scripts/purge_css.py makes of the templates now:
    a template that starts using another Bootstrap class fails here until the script is run again."""
    script = Path(settings.BASE_DIR) / "scripts/purge_css.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
