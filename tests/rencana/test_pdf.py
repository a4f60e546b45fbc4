"""The plan as PDF in the layout of Tabel 2 (landscape, the eight numbered column headers repeated on every page,
approval block with the Kepala PD's name, NIP, date and Plt./Pj. prefix), read back with pypdf."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from apps.akun.models import Peran
from apps.rencana.workflow import Status

from .helpers import ke_status, rencana

pytestmark = pytest.mark.django_db

KOLOM = ["Nilai Organisasi dan Core", "Sasaran", "Indikator Kinerja", "Target", "Kegiatan", "Waktu", "Keterangan"]


def _teks(response) -> list[str]:
    reader = PdfReader(io.BytesIO(response.content))
    return [" ".join(page.extract_text().split()) for page in reader.pages], reader


def test_plan_pdf_is_tabel_2_with_headers_on_every_page_and_approval_block(world, client):
    Peran.objects.filter(user=world.kepala.user, jenis=Peran.Jenis.KEPALA_PD).update(sebutan="Plt.")
    r = ke_status(world, rencana(world, baris=10, keterangan="Catatan panjang " * 30), Status.DISETUJUI)
    client.force_login(world.kbk.user)
    response = client.get(reverse("rencana:rencana_pdf", args=[r.pk]))
    assert response["Content-Type"] == "application/pdf"
    pages, reader = _teks(response)
    assert len(pages) >= 2
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    for text in pages:
        for kolom in KOLOM:
            assert kolom in text
        assert "1 2 3 4 5 6 7 8" in text
    semua = " ".join(pages)
    for n in range(1, 11):
        assert f"Pelayanan kepegawaian selesai tepat waktu sesuai standar tahap {n}" in semua
    assert "80 %" in semua
    assert f"Plt. Kepala {world.pd_x.nama}" in semua
    assert world.kepala.nama_lengkap in semua
    assert f"NIP {world.kepala.nip}" in semua
    assert "Menyetujui" in semua


def test_progress_report_pdf(world, client, settings, tmp_path):
    from decimal import Decimal

    from apps.rencana import services

    settings.MEDIA_ROOT = tmp_path
    r = ke_status(world, rencana(world), Status.DISETUJUI)
    b = r.baris.get()
    lap = services.laporan_kemajuan_kirim(
        r, aktor=world.asn.user, periode_mulai=r.mulai, isian={b.pk: (Decimal("60"), "Papan pantau dipasang.")}
    )
    client.force_login(world.kepala.user)
    pages, _reader = _teks(client.get(reverse("rencana:laporan_pdf", args=[lap.pk])))
    assert "LAPORAN KEMAJUAN RENCANA TINDAK AGEN PERUBAHAN" in pages[0]
    assert "75,0" in pages[0]  # Indonesian decimal comma
    assert "Papan pantau dipasang." in pages[0]
