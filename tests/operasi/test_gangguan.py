"""Database faults and a full disk as the user meets them (docs/operasi.md, «Gangguan»): a GET retried once on a
fresh connection, otherwise the Indonesian "coba lagi" page (503) with the request's reference, never a 400; a
full disk on upload leaves no partial file and shows the form again with the message (or, without a form to show,
a page that says the file was not stored: 507)."""

import errno
import html
import importlib
import logging
import os
import re
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.urls import reverse

from apps.common import instansi as instansi_cache
from apps.common.uploads import PESAN_PENYIMPANAN_PENUH, PenyimpananPenuhError, PenyimpananPrivat
from apps.forum.models import LampiranPertemuan, Pertemuan
from tests.forum import helpers
from tests.forum.test_forum import _data_pertemuan

REF = re.compile(r'data-testid="referensi">([A-Z2-9]{8})<')


class Gagal:
    """A database execute wrapper (Django's instrumentation hook) that raises OperationalError on the first
    `kali` statements containing `pola`, as a dropped connection does."""

    def __init__(self, pola: str, kali: int = 1) -> None:
        self.pola, self.sisa, self.dilihat = pola, kali, 0

    def __call__(self, execute, sql, params, many, context):
        if self.pola in sql:
            self.dilihat += 1
            if self.sisa > 0:
                self.sisa -= 1
                raise OperationalError("server closed the connection unexpectedly (uji)")
        return execute(sql, params, many, context)


@override_settings(ROOT_URLCONF="tests.operasi.urls_db")
def test_a_get_whose_connection_dropped_is_retried_once_and_succeeds(transactional_db, caplog):
    # transactional_db: the retry closes the connection, which a test wrapped in a transaction cannot allow.
    gagal = Gagal("41 + 1", kali=1)
    with caplog.at_level(logging.WARNING, logger="kupang.permintaan"), connection.execute_wrapper(gagal):
        response = Client(raise_request_exception=False).get("/uji-baca/")
    assert (response.status_code, response.content) == (200, b"42")
    assert gagal.dilihat == 2
    assert [r.getMessage() for r in caplog.records] == ["gangguan database, dicoba sekali lagi: OperationalError"]


@override_settings(ROOT_URLCONF="tests.operasi.urls_db", DEBUG=False)
def test_a_get_that_fails_twice_gets_the_coba_lagi_page_with_its_reference(transactional_db):
    gagal = Gagal("41 + 1", kali=2)
    with connection.execute_wrapper(gagal):
        response = Client(raise_request_exception=False).get("/uji-baca/")
    body = response.content.decode()
    assert response.status_code == 503
    assert "Layanan sedang terganggu: coba lagi sebentar" in body and "Ini bukan kesalahan Anda" in body
    assert REF.search(body).group(1) == response["X-Referensi"]
    assert response["Retry-After"] == "10"
    assert gagal.dilihat == 2


@override_settings(ROOT_URLCONF="tests.operasi.urls_db", DEBUG=False)
def test_the_coba_lagi_page_names_the_pemda_from_the_first_request_of_a_process(transactional_db):
    """The plain error pages read nothing: the first request of a process has read the row before its view ran."""
    instansi_cache.lupakan()  # a process that has served nothing yet
    with connection.execute_wrapper(Gagal("41 + 1", kali=2)):
        response = Client(raise_request_exception=False).get("/uji-baca/")
    body = response.content.decode()
    assert response.status_code == 503
    assert "Budaya Kerja Kupang" in body and "Pemerintah Kabupaten Kupang" in body


def test_the_wsgi_app_reads_the_pemda_before_gunicorn_forks_and_closes_the_connection(transactional_db):
    """gunicorn preloads kupang_budaya/wsgi.py in its master: the row is read there, so that every worker's plain
    error pages name the pemda even when the database is down from its first request; no connection is shared."""
    instansi_cache.lupakan()
    importlib.reload(importlib.import_module("kupang_budaya.wsgi"))
    assert instansi_cache.instansi_tanpa_kueri().nama_aplikasi == "Budaya Kerja Kupang"
    assert connection.connection is None


@override_settings(ROOT_URLCONF="tests.operasi.urls_db", DEBUG=False)
def test_a_post_is_not_retried(db):
    gagal = Gagal("41 + 1", kali=1)
    with connection.execute_wrapper(gagal):
        response = Client(raise_request_exception=False, enforce_csrf_checks=False).post("/uji-baca/")
    assert response.status_code == 503
    assert gagal.dilihat == 1


@override_settings(DEBUG=False)
def test_a_session_that_cannot_be_saved_is_a_503_not_a_400(world):
    client = Client(raise_request_exception=False)
    client.force_login(world.user("asn"))
    # The first request after login renews the session (apps.common.middleware.SesiSegarkanMiddleware): an UPDATE
    # of django_session, which Django turns into SessionInterrupted (400 "Permintaan tidak sah") when it fails.
    gagal = Gagal('UPDATE "django_session"', kali=1)
    with connection.execute_wrapper(gagal):
        response = client.get("/")
    body = response.content.decode()
    assert gagal.dilihat == 1
    assert response.status_code == 503
    assert "Permintaan tidak sah" not in body
    assert "coba lagi sebentar" in body


def test_a_full_disk_while_writing_leaves_no_partial_file(tmp_path):
    class DiskPenuh(ContentFile):
        def chunks(self, chunk_size=None):
            yield b"%PDF-1.4 separuh"
            raise OSError(errno.ENOSPC, "No space left on device")

    storage = PenyimpananPrivat(location=tmp_path)
    with pytest.raises(PenyimpananPenuhError):
        storage.save("privat/forum/a.pdf", DiskPenuh(b""))
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == []
    # The same storage still writes whole files.
    assert storage.save("privat/forum/b.pdf", ContentFile(b"%PDF-1.4 utuh")) == "privat/forum/b.pdf"
    assert (tmp_path / "privat/forum/b.pdf").read_bytes() == b"%PDF-1.4 utuh"
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["b.pdf"]


@pytest.fixture
def disk_penuh(tmp_path, settings):
    """MEDIA_ROOT on a real tmpfs of 64 KB (root only: mount), filled to the last byte."""
    media = tmp_path / "media"
    media.mkdir()
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(media)], capture_output=True)
    if mount.returncode != 0:
        pytest.skip(f"tmpfs kecil tidak dapat dipasang (butuh root): {mount.stderr.decode().strip()}")
    try:
        with open(media / "pengisi", "wb", buffering=0) as pengisi:
            try:
                while True:
                    pengisi.write(b"\0" * 4096)
            except OSError:
                pass
        settings.MEDIA_ROOT = media
        yield media
    finally:
        subprocess.run(["umount", str(media)], check=True)


@override_settings(DEBUG=False)
def test_a_full_disk_on_upload_shows_the_form_again_and_keeps_nothing(world, client_as, disk_penuh):
    """A real full disk (tmpfs): the form again with the message, what was typed, no file, no row
    (every upload form: tests/operasi/test_disk_penuh.py)."""
    client = client_as("kbk")
    url = reverse("forum:pertemuan_tambah", kwargs={"kode": "PDX"})
    besar = helpers.PDF + b"0" * 200_000
    response = client.post(url, _data_pertemuan(world, topik="Rapat disk penuh", berkas=helpers.berkas("N.pdf", besar)))
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert body.count(str(PESAN_PENYIMPANAN_PENUH)) == 2  # at the top and beside the file field
    assert "Rapat disk penuh" in body
    assert (Pertemuan.objects.count(), LampiranPertemuan.objects.count()) == (0, 0)
    assert sorted(str(p.relative_to(disk_penuh)) for p in Path(disk_penuh).rglob("*") if p.is_file()) == ["pengisi"]


@override_settings(ROOT_URLCONF="tests.operasi.urls_db", DEBUG=False)
def test_a_full_disk_without_a_form_to_show_again_is_the_507_page(db, settings, tmp_path, monkeypatch):
    """A file the app writes itself (an issued document), or an upload through a field that is not a BerkasField:
    the page that says the file was not stored, with its reference; nothing partial is left."""
    settings.MEDIA_ROOT = tmp_path

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    client = Client(raise_request_exception=False)
    for data in ({}, {"berkas": helpers.berkas()}):
        response = client.post("/uji-simpan/", data)
        body = response.content.decode()
        assert response.status_code == 507
        assert "Berkas tidak tersimpan: penyimpanan server penuh" in body
        assert REF.search(body).group(1) == response["X-Referensi"]
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
