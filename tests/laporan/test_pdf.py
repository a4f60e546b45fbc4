"""The PDF of the Laporan Evaluasi read back with pypdf (docs/keputusan.md, «Laporan Evaluasi: angka per baris»; docs/keamanan.md, «Kendali»)."""

import io
from pathlib import Path

from django.urls import reverse
from pypdf import PdfReader

from apps.common import pdf as common_pdf
from apps.laporan.render import pdf_bytes
from apps.laporan.services import laporan_live
from tests.factories import PerangkatDaerahFactory, UnitKerjaFactory
from tests.hasil.data import isi_respon

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HEADINGS = ["Satuan/Unit Kerja", "TS I", "Ka I", "TS II", "Ka II", "TS III", "Ka III", "Keterangan"]


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_consolidated_pdf_has_title_columns_every_pd_rata_rata_and_the_sekda(laporan_world, client_as):
    w = laporan_world.w
    response = client_as("sekda").get(reverse("laporan:konsolidasi_unduh", args=["2025", "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "laporan-konsolidasi.pdf").write_bytes(response.content)
    pages = pages_text(response.content)
    surat, first = pages[0], pages[1]
    assert "Yth. Bupati Kupang" in surat and "melalui Sekretaris Daerah" in surat
    assert "Laporan Evaluasi" in first
    assert "Budaya Kerja Pada Pemerintah Kabupaten Kupang" in first
    for heading in HEADINGS:
        assert heading in first
    for name in ["Dinas Uji X", "Dinas Uji Y", "Sekretariat Daerah"]:
        assert name in first
    assert "RATA-RATA" in first
    assert "11,42" in first
    assert f"NIP. {w.sekda.nip}" in first
    assert "Oelamasi, " in first
    assert "Halaman 2 dari 3" in first
    # The band tables and the scoring rule on the last page.
    assert "Tabel Kategori dan Aturan Penilaian" in pages[-1]
    assert "61-80" in pages[-1]
    assert "Halaman 3 dari 3" in pages[-1]


def test_long_report_repeats_the_header_row_on_page_two(laporan_world):
    for i in range(62):
        pd = PerangkatDaerahFactory(kode=f"K{i:03d}", nama=f"Kecamatan Uji {i:02d}")
        unit = UnitKerjaFactory(perangkat_daerah=pd)
        isi_respon(laporan_world.periode, unit, [(12, 7, 30)] * 3)
    pages = pages_text(pdf_bytes(laporan_live(laporan_world.periode)))
    assert len(pages) >= 3
    second = pages[1]
    assert "Kecamatan Uji" in second
    for heading in HEADINGS:
        assert heading in second
    assert "Halaman 2 dari" in second


def test_a_name_with_markup_is_printed_as_text_and_fetches_nothing(laporan_world, monkeypatch, tmp_path):
    w = laporan_world.w
    hostile = '<img src="file:///etc/passwd">'
    w.pd_y.nama = hostile
    w.pd_y.save()
    log = tmp_path / "fetched.txt"
    original = common_pdf.StaticOnlyURLFetcher.fetch

    def spy(self, url, headers=None):  # runs in the forked renderer: record every URL asked for
        with open(log, "a") as f:
            f.write(url + "\n")
        return original(self, url, headers)

    monkeypatch.setattr(common_pdf.StaticOnlyURLFetcher, "fetch", spy)
    data = pdf_bytes(laporan_live(laporan_world.periode))
    text = "".join(pages_text(data))
    assert hostile in text
    fetched = log.read_text().split()
    assert len(fetched) == 1
    assert fetched[0].startswith("file:///static/css/laporan-pdf.")
    for page in PdfReader(io.BytesIO(data)).pages:  # no image embedded (the DRAF mark is a transparency group)
        xobjects = page["/Resources"].get("/XObject", {})
        assert [k for k, x in xobjects.items() if x.get_object().get("/Subtype") == "/Image"] == []


def test_pd_pdf_is_signed_by_the_kepala_pd(laporan_world, client_as):
    w = laporan_world.w
    response = client_as("kepala").get(reverse("laporan:pd_unduh", args=["2025", "PDX", "pdf"]))
    assert response.status_code == 200
    text = "".join(pages_text(response.content))
    assert "Dinas Uji X" in text
    assert "Seluruh PD" in text
    assert "< 3 responden" in text
    assert f"NIP. {w.kepala.nip}" in text
