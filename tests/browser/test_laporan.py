"""The Laporan Evaluasi walked as the Sekda, a Kepala PD and a unit head would (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1» and 9)."""

import io
import re

import pytest
from pypdf import PdfReader

from apps.organisasi.models import PerangkatDaerah, UnitKerja
from apps.survei.models import Periode, Respon

from .conftest import ARTIFACTS, DESKTOP, PAKET, PHONE, login, screenshot


def periode_2025() -> Periode:
    """The demo's closed periode 2025 (apps.survei.demo). Until the survey app's seed provides it, responses are
    made here with the report tests' helper, so this journey runs either way."""
    periode = Periode.objects.filter(kode="2025").first()
    if periode is not None and Respon.objects.filter(periode=periode, status=Respon.Status.TERKIRIM).exists():
        return periode
    from tests.hasil.data import buat_periode, isi_respon

    periode = periode or buat_periode("2025", Periode.Status.DITUTUP)
    for i, unit in enumerate(UnitKerja.objects.filter(induk=None).order_by("kode")):
        isi_respon(periode, unit, [(12 + i % 5, 6 + i % 3, 24 + i % 7)] * (2 + i % 4))
    return periode


def periode_section(page, kode: str):
    """The card of one periode on the report index, found by its heading as a person reads it ("Pengukuran Budaya
    Kerja 2025"; the open periode 2026 is listed first)."""
    judul = page.get_by_role("heading", level=2, name=re.compile(rf"\b{re.escape(kode)}\b"))
    return page.locator("main section").filter(has=judul)


@pytest.mark.browser
def test_sekda_opens_the_2025_report_and_downloads_the_pdf(demo_server, new_page):
    periode_2025()
    page = new_page(DESKTOP)
    login(page, demo_server, "sekda")
    page.get_by_role("link", name="Laporan", exact=True).first.click()
    with page.expect_navigation():
        periode_section(page, "2025").get_by_role("link", name="Laporan konsolidasi (per perangkat daerah)").click()
    assert page.url == f"{demo_server.url}/laporan/2025/"
    table = page.locator("table.tabel-urut")  # the report table (the change and implementation tables follow it)
    assert table.locator("thead th").all_inner_texts()[:1] == ["Satuan/Unit Kerja"]
    assert table.locator("tfoot th").first.inner_text() == "RATA-RATA"
    names = table.locator("tbody th").all_inner_texts()
    assert len(names) == PerangkatDaerah.objects.filter(aktif=True).count()
    screenshot(page, "laporan-konsolidasi-sekda")

    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh PDF").click()
    download = info.value
    assert download.suggested_filename == "laporan-evaluasi-2025.pdf"
    data = open(download.path(), "rb").read()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "laporan-2025-demo.pdf").write_bytes(data)
    response = page.request.get(f"{demo_server.url}/laporan/2025/laporan.pdf")
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert f"Budaya Kerja Pada {PAKET.data['instansi']['nama']}" in text
    assert "RATA-RATA" in text
    for name in names[:5]:
        assert name.split()[0] in text

    page.goto(f"{demo_server.url}/laporan/2025/")
    with page.expect_navigation():
        page.get_by_role("link", name="Dasbor").click()
    assert page.locator("ul.grafik-daftar").count() == 3 and page.locator("svg.grafik-tren").count() == 3
    assert page.get_by_role("heading", name="Partisipasi per perangkat daerah (responden / ASN aktif)").count() == 1
    screenshot(page, "laporan-dasbor-sekda")


@pytest.mark.browser
def test_kepala_sees_only_their_pd(demo_server, new_page):
    periode_2025()
    page = new_page(PHONE)
    login(page, demo_server, "kepala")
    page.goto(f"{demo_server.url}/laporan/")
    links = page.locator("main a").all_inner_texts()
    assert "Laporan konsolidasi (per perangkat daerah)" not in links
    with page.expect_navigation():
        periode_section(page, "2025").get_by_role(
            "link", name="Laporan Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
        ).click()
    assert page.url == f"{demo_server.url}/laporan/2025/pd/BKPSDM/"
    assert "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" in page.locator("dl.identitas").inner_text()
    assert page.locator("tfoot th").all_inner_texts()[-1] == "Seluruh PD"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "laporan-pd-kepala-360")
    assert page.goto(f"{demo_server.url}/laporan/2025/").status == 403
    assert page.goto(f"{demo_server.url}/laporan/2025/pd/BAPENDA/").status == 404


@pytest.mark.browser
def test_unit_head_sees_their_row_or_the_notice(demo_server, new_page):
    periode_2025()
    page = new_page(PHONE)
    login(page, demo_server, "unit")
    page.goto(f"{demo_server.url}/laporan/")
    with page.expect_navigation():
        periode_section(page, "2025").get_by_role("link", name="Hasil Bidang Pengembangan Sumber Daya Manusia").click()
    assert page.get_by_role("heading", name="Bidang Pengembangan Sumber Daya Manusia").count() == 1
    has_row = page.locator("table.tabel-laporan tbody th").all_inner_texts() == ["I", "II", "III"]
    has_notice = page.get_by_test_id("kurang-3").count() == 1
    assert has_row != has_notice
    screenshot(page, "laporan-unit-360")
    assert page.goto(f"{demo_server.url}/laporan/2025/").status == 403
