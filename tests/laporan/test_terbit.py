"""A FINAL Laporan Evaluasi is an issued document (docs/keputusan.md, «Dokumen terbit», «Tata naskah dinas»): its
PDF is rendered once and kept, every download returns the same bytes with the FINAL date, the covering letter takes
its number from the outgoing-letter register, and the verification page confirms the copy."""

import datetime
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from apps.common.models import SuratKeluar
from apps.laporan.models import SnapshotLaporan
from apps.laporan.services import tanggal_indonesia

from .conftest import LaporanWorld

FINAL = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def _teks(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def final(laporan_world: LaporanWorld, client_as):
    client = client_as("monev")
    with time_machine.travel(FINAL, tick=False):
        response = client.post(
            reverse("laporan:finalisasi", args=["2025"]),
            {"yakin": "on", "nomor_surat": "000.5/012/TIM-MONEV/2026", "sifat": "PENTING"},
        )
    assert response.status_code == 302
    return laporan_world


def test_two_downloads_of_a_final_report_are_byte_identical_and_carry_the_final_date(final, client_as):
    client = client_as("sekda")
    url = reverse("laporan:konsolidasi_unduh", args=["2025", "pdf"])
    pertama = client.get(url).content
    kedua = client.get(url).content
    assert pertama[:5] == b"%PDF-"
    assert kedua == pertama
    teks = _teks(pertama)
    assert "Oelamasi, 2 Maret 2026" in teks
    assert tanggal_indonesia(timezone.localdate()) not in teks  # downloaded later, dated at FINAL


def test_the_letter_follows_tata_naskah_dinas(final, client_as):
    pdf = client_as("sekda").get(reverse("laporan:konsolidasi_unduh", args=["2025", "pdf"])).content
    teks = _teks(pdf)
    for baris in [
        "PEMERINTAH KABUPATEN KUPANG",
        "Nomor : 000.5/012/TIM-MONEV/2026",
        "Sifat : Penting",
        "Lampiran : 1 (satu) berkas",
        "Yth. Bupati Kupang",
        "Ketua Tim Monitoring, Evaluasi dan Pelaporan,",
        "Tembusan:",
    ]:
        assert baris in teks, baris
    assert "Halaman 1 dari" in teks
    surat = SuratKeluar.objects.get()
    assert (surat.nomor, surat.sifat, surat.dipakai_untuk) == ("000.5/012/TIM-MONEV/2026", "PENTING", "laporan:2025")


def test_a_used_letter_number_is_refused(laporan_world: LaporanWorld, client_as):
    SuratKeluar.objects.create(
        nomor="000.5/001/2026", tanggal=datetime.date(2026, 1, 5), hal="Undangan rapat", dipakai_untuk="lain"
    )
    response = client_as("monev").post(
        reverse("laporan:finalisasi", args=["2025"]), {"yakin": "on", "nomor_surat": "000.5/001/2026", "sifat": "BIASA"}
    )
    assert response.status_code == 200
    assert "Nomor 000.5/001/2026 sudah dipakai untuk surat lain." in response.content.decode()
    assert SnapshotLaporan.objects.count() == 0


def test_the_pd_report_has_the_pd_kop_and_is_signed_by_its_head(final, client_as):
    client = client_as("kepala")
    url = reverse("laporan:pd_unduh", args=["2025", "PDX", "pdf"])
    pertama = client.get(url).content
    assert client.get(url).content == pertama
    teks = _teks(pertama)
    assert "DINAS UJI X" in teks
    assert "Jabatan: Kepala Dinas Uji X" in teks
    assert "TIM MONITORING" not in teks


def test_verification_confirms_the_final_report_and_refuses_an_altered_copy(final, client_as):
    pdf = client_as("sekda").get(reverse("laporan:konsolidasi_unduh", args=["2025", "pdf"])).content
    snapshot = SnapshotLaporan.objects.get(perangkat_daerah=None, versi=1)
    kode = snapshot.dokumen.kode
    assert f"Kode verifikasi {kode}" in _teks(pdf)
    client = client_as("asn")
    url = reverse("dokumen:verifikasi", args=[kode])
    ok = client.post(url, {"berkas": SimpleUploadedFile("l.pdf", pdf, "application/pdf")})
    assert ok.context["hasil"] is True
    diubah = pdf.replace(b"%%EOF", b"%%EOF\n% diubah", 1)
    assert diubah != pdf
    salah = client.post(url, {"berkas": SimpleUploadedFile("l.pdf", diubah, "application/pdf")})
    assert salah.context["hasil"] is False
