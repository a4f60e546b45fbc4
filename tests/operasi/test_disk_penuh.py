"""A full disk on upload, on every upload form (docs/operasi.md, «Sehat dan gangguan»): the same form comes back with
the message at the top and beside the file field, everything else typed is still there, no partial or orphan file
is left, nothing of the submission is in the database, and one JSON log line with the request id says so.

The disk is "full" when the file is flushed (`os.fsync` raises ENOSPC, as a full disk does on a delayed write):
by then the bytes were written to the temporary file, so the test also shows that it is removed. The logo is
kept in the database: there the database's write fails ("database or disk is full").
"""

import errno
import html
import io
import json
import logging
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection, models
from django.test import RequestFactory
from django.urls import reverse

from apps.common.models import Instansi
from apps.common.permintaan import FilterPermintaan, JsonFormatter
from apps.common.uploads import PESAN_PENYIMPANAN_PENUH, BerkasField
from apps.forum.models import LampiranPertemuan, Pertemuan
from apps.internalisasi.models import DeklarasiNilai, KegiatanInternalisasi
from apps.nilai.models import Nilai
from apps.organisasi.models import Pegawai
from apps.rencana.models import BuktiDukung, LaporanKemajuan, RencanaTindak
from apps.rencana.workflow import Status
from apps.survei.models import Periode
from apps.survei.services import periode_finalkan
from apps.tindaklanjut.models import RiwayatTindakLanjut, TindakLanjut
from apps.tindaklanjut.workflow import Status as StatusTL
from tests.forum import helpers as forum
from tests.forum.test_forum import _data_pertemuan
from tests.hasil.data import buat_periode, isi_respon
from tests.organisasi.spreadsheets import pegawai_rows, xlsx_bytes
from tests.rencana.helpers import ke_status, rencana

PESAN = str(PESAN_PENYIMPANAN_PENUH)
PDF = forum.PDF
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def folder(settings, tmp_path):
    """MEDIA_ROOT and the import preview folder in a fresh temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IMPORT_PREVIEW_DIR = tmp_path / "pratinjau"
    return tmp_path


def _berkas(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def penuh(monkeypatch):
    """The disk is full when a written file is flushed: every `os.fsync` raises ENOSPC. Returns the call count."""
    dipanggil = []

    def fsync(fd):
        dipanggil.append(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    return dipanggil


def _kirim(client, url: str, data: dict):
    """POST with the JSON log lines the configured handler (filter + formatter of settings.LOGGING) writes."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.addFilter(FilterPermintaan())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        response = client.post(url, data)
    finally:
        root.removeHandler(handler)
    return response, [json.loads(line) for line in buffer.getvalue().splitlines()]


def _form_lagi(response, log, *ketikan: str) -> str:
    """The same form again: the message in the alert at the top and beside the file field, every typed value kept,
    and the event in one JSON log line with the request id."""
    body = html.unescape(response.content.decode())
    assert response.status_code in (200, 400), response.status_code
    # At the top: the page's messages (the app's alert, the admin's message list), before the form.
    atas = re.search(
        r'(<div class="alert alert-danger[^"]*"[^>]*>|<ul class="messagelist">\s*<li class="error">)\s*'
        + re.escape(PESAN),
        body,
    )
    assert atas, "pesan tidak ada di atas halaman"
    # Beside the file field: the field's own error (crispy: invalid-feedback; admin: errorlist), after the alert.
    samping = [m.start() for m in re.finditer(re.escape(PESAN), body) if m.start() > atas.end()]
    assert samping, "pesan tidak ada di samping isian berkas"
    for teks in ketikan:
        assert teks in body, f"isian hilang: {teks}"
    [baris] = [line for line in log if line["logger"] == "kupang.unggahan"]
    assert (baris["tingkat"], baris["kejadian"], baris["request_id"]) == (
        "ERROR",
        "penyimpanan_penuh",
        response["X-Referensi"],
    )
    return body


# 1. Evidence of a rencana tindak's progress report ------------------------------------------------------------


def test_progress_report_evidence(world, client, folder, penuh):
    r = ke_status(world, rencana(world, baris=2), Status.DISETUJUI)
    b1, b2 = r.baris.all()
    client.force_login(world.asn.user)
    data = {
        "periode": r.mulai.isoformat(),
        f"realisasi_{b1.pk}": "1,5",
        f"narasi_{b1.pk}": "Daftar periksa antrean disusun",
        f"realisasi_{b2.pk}": "2",
        f"narasi_{b2.pk}": "Sosialisasi ke tiga bidang",
        "yakin": "on",
        # Two files: the first is flushed (and fails); nothing of either may stay.
        f"bukti_{b1.pk}": [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF)],
    }
    response, log = _kirim(client, reverse("rencana:laporan_tambah", args=[r.pk]), data)
    _form_lagi(response, log, "Daftar periksa antrean disusun", "Sosialisasi ke tiga bidang", 'value="1,5"')
    assert response.context["form"].errors == {f"bukti_{b1.pk}": [PESAN]}
    assert (LaporanKemajuan.objects.count(), BuktiDukung.objects.count()) == (0, 0)
    assert RencanaTindak.objects.get(pk=r.pk).status == Status.DISETUJUI
    assert _berkas(folder) == [] and penuh


# 2. Evidence of a follow-up (tindak lanjut) -------------------------------------------------------------------


def test_follow_up_evidence(world, client_as, folder, penuh):
    periode = buat_periode("2025", Periode.Status.DITUTUP)
    isi_respon(periode, world.unit_a, [(20, 10, 65)] * 4)
    periode_finalkan(periode, aktor=world.monev.user)
    tl = TindakLanjut.objects.filter(perangkat_daerah=world.pd_x, unit_kerja=None).first()
    response, log = _kirim(
        client_as("kepala"),
        reverse("tindaklanjut:transisi", args=[tl.pk, "laporkan"]),
        {"catatan": "Apel pagi setiap Senin dengan daftar hadir", "bukti": forum.berkas("hadir.pdf")},
    )
    _form_lagi(response, log, "Apel pagi setiap Senin dengan daftar hadir")
    [bound] = [form for aksi, _label, form in response.context["forms"] if aksi == "laporkan"]
    assert bound.errors == {"bukti": [PESAN]}
    tl.refresh_from_db()
    assert (tl.status, tl.uraian, tl.bukti.name) == (StatusTL.TERBUKA, "", "")
    assert RiwayatTindakLanjut.objects.filter(tindak_lanjut=tl).count() == 0
    assert _berkas(folder) == [] and penuh


# 3. Declarations and activities (internalisasi) ---------------------------------------------------------------


def test_declaration_document(world, client_as, folder, penuh):
    response, log = _kirim(
        client_as("kepala"),
        reverse("internalisasi:deklarasi_tambah", args=["PDX"]),
        {"tanggal": "2025-01-15", "bentuk": "Apel deklarasi nilai", "dokumen": "800/12/2025", "berkas": forum.berkas()},
    )
    _form_lagi(response, log, "Apel deklarasi nilai", "800/12/2025")
    assert response.context["deklarasi_form"].errors == {"berkas": [PESAN]}
    assert DeklarasiNilai.objects.count() == 0
    assert _berkas(folder) == [] and penuh


def test_activity_evidence(world, client_as, folder, penuh):
    nilai = list(Nilai.objects.values_list("pk", flat=True)[:2])
    response, log = _kirim(
        client_as("kepala"),
        reverse("internalisasi:kegiatan_tambah", args=["PDX"]),
        {
            "tanggal": "2025-02-03",
            "jenis": "INTERNALISASI",
            "bentuk": "Berbagi pengetahuan layanan",
            "jumlah_peserta": "25",
            "nilai": nilai,
            "berkas": forum.berkas("foto.png", PNG, "image/png"),
        },
    )
    _form_lagi(response, log, "Berbagi pengetahuan layanan", 'value="25"')
    assert response.context["kegiatan_form"].errors == {"berkas": [PESAN]}
    assert KegiatanInternalisasi.objects.count() == 0
    assert _berkas(folder) == [] and penuh


# 4. The forum: a meeting with its file, and a file added to a meeting -----------------------------------------


def test_meeting_with_a_file(world, client_as, folder, penuh):
    data = _data_pertemuan(world, topik="Janji temu daring", berkas=forum.berkas("Notulen.pdf"))
    response, log = _kirim(client_as("kbk"), reverse("forum:pertemuan_tambah", kwargs={"kode": "PDX"}), data)
    _form_lagi(response, log, "Janji temu daring", "Dibahas kendala antrean.")
    assert response.context["form"].errors == {"berkas": [PESAN]}
    assert (Pertemuan.objects.count(), LampiranPertemuan.objects.count()) == (0, 0)
    assert _berkas(folder) == [] and penuh


def test_file_added_to_a_meeting(world, client_as, folder, penuh):
    pertemuan = forum.pertemuan(world, dengan_lampiran=False)
    response, log = _kirim(
        client_as("kepala"), reverse("forum:lampiran_tambah", kwargs={"pk": pertemuan.pk}), {"berkas": forum.berkas()}
    )
    _form_lagi(response, log)
    assert response.context["form_lampiran"].errors == {"berkas": [PESAN]}
    assert LampiranPertemuan.objects.count() == 0
    assert _berkas(folder) == [] and penuh


# 5. The admin: the pegawai import, the logo, evidence edited in the admin -------------------------------------


def test_pegawai_import_preview(world, client_as, folder, penuh):
    sebelum = Pegawai.objects.count()
    data = {
        "format": "0",
        "resource": "0",
        "import_file": SimpleUploadedFile("pegawai.xlsx", xlsx_bytes(pegawai_rows(2, world.unit_a.kode))),
    }
    response, log = _kirim(client_as("admin"), reverse("admin:organisasi_pegawai_import"), data)
    _form_lagi(response, log)
    assert response.context["form"].errors == {"import_file": [PESAN]}
    assert "confirm_form" not in response.context
    assert Pegawai.objects.count() == sebelum
    assert _berkas(folder) == [] and penuh


def test_logo_in_the_database(world, client_as, folder):
    """The logo is kept in the database: its full disk is the database's ("database or disk is full")."""

    def penuh_db(execute, sql, params, many, context):
        if 'INSERT INTO "common_instansi"' in sql:
            raise OperationalError("database or disk is full")
        return execute(sql, params, many, context)

    data = {
        "nama": "Pemerintah Kota Contoh",
        "alamat": "Jl. Uji Nomor 7",
        "berkas_logo": SimpleUploadedFile("l.png", PNG),
    }
    with connection.execute_wrapper(penuh_db):
        response, log = _kirim(client_as("admin"), reverse("admin:common_instansi_add"), data)
    _form_lagi(response, log, "Pemerintah Kota Contoh", "Jl. Uji Nomor 7")
    assert response.context["adminform"].form.errors == {"berkas_logo": [PESAN]}
    assert Instansi.objects.count() == 0


def test_activity_evidence_in_the_admin(world, client_as, folder, penuh):
    data = {
        "perangkat_daerah": world.pd_x.pk,
        "tanggal": "2025-02-03",
        "jenis": "SOSIALISASI",
        "bentuk": "Apel pagi bersama",
        "jumlah_peserta": "12",
        "nilai": list(Nilai.objects.values_list("pk", flat=True)[:1]),
        "bukti": forum.berkas(),
    }
    response, log = _kirim(client_as("admin"), reverse("admin:internalisasi_kegiataninternalisasi_add"), data)
    _form_lagi(response, log, "Apel pagi bersama")
    assert response.context["adminform"].form.errors == {"bukti": [PESAN]}
    assert KegiatanInternalisasi.objects.count() == 0
    assert _berkas(folder) == [] and penuh


# 6. Every upload field is one that says so ---------------------------------------------------------------------


def test_every_upload_field_of_the_app_refuses_a_file_that_was_not_stored(db):
    """A plain forms.FileField would try to store again and end on the 507 page, with what was typed lost."""
    polos = []
    for path in Path("apps").rglob("*.py"):
        if path.name != "uploads.py" and "migrations" not in path.parts:
            teks = path.read_text()
            if re.search(r"\bforms\.FileField\b|\bforms\.ImageField\b", teks):
                polos.append(str(path))
    assert polos == []
    siapa_saja = RequestFactory().get("/")
    siapa_saja.user = SimpleNamespace(is_active=True, is_staff=True, is_superuser=True, has_perm=lambda *a: True)
    for model, model_admin in admin.site._registry.items():
        if not (model_admin.has_add_permission(siapa_saja) or model_admin.has_change_permission(siapa_saja)):
            continue  # read-only in the admin: no upload there
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and field.editable:
                formfield = model_admin.formfield_for_dbfield(field, request=None)
                assert isinstance(formfield, BerkasField), f"{model.__name__}.{field.name} di admin"
