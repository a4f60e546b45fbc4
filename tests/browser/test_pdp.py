"""The privacy notice before the first Formulir 1, and "Data saya" with its downloads (docs/pdp.md), on a 390 px
phone and a 1280 px desktop."""

import json

import pytest

from apps.organisasi.models import PemberitahuanDiterima

from .conftest import DESKTOP, JUMLAH_BUTIR, PHONE_390, login, screenshot


def _lebar_halaman(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE_390, DESKTOP], ids=["390", "1280"])
def test_asn_reads_the_privacy_notice_before_the_first_formulir_1(demo_server, new_page, viewport):
    PemberitahuanDiterima.objects.filter(user__username="asn").delete()
    page = new_page(viewport)
    login(page, demo_server, "asn")
    page.get_by_role("link", name="Buka Formulir 1").click()
    page.get_by_role("link", name="Isi formulir").click()

    page.wait_for_url("**/pdp/pemberitahuan/?next=*")
    assert page.get_by_role("heading", level=1).inner_text() == "Pemberitahuan Pelindungan Data Pribadi"
    assert page.get_by_text("Jawaban Formulir 1 Anda hanya dapat dilihat oleh Anda sendiri.").is_visible()
    assert _lebar_halaman(page) <= viewport["width"]
    screenshot(page, f"pdp-pemberitahuan-{viewport['width']}")
    page.get_by_test_id("pdp-terima").click()

    page.wait_for_url("**/survei/isi/2026/")
    assert page.get_by_role("group").count() == JUMLAH_BUTIR
    assert PemberitahuanDiterima.objects.filter(user__username="asn").count() == 1
    # The next time, straight to the form.
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    assert page.url == f"{demo_server.url}/survei/isi/2026/"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE_390, DESKTOP], ids=["390", "1280"])
def test_asn_views_and_downloads_data_saya(demo_server, new_page, viewport, tmp_path):
    page = new_page(viewport)
    login(page, demo_server, "asn")
    page.get_by_test_id("tautan-data-saya").click()
    page.wait_for_url("**/pdp/data-saya/")
    assert page.get_by_role("heading", level=1).inner_text() == "Data saya"
    registri = page.locator("[data-bagian=pegawai]")
    assert "Yuliana Bessie" in registri.inner_text()
    assert _lebar_halaman(page) <= viewport["width"]
    screenshot(page, f"pdp-data-saya-{viewport['width']}")

    with page.expect_download() as unduh:
        page.get_by_test_id("unduh-json").click()
    data = json.loads(unduh.value.path().read_text())
    assert data["pegawai"][0]["Nama"] == "Yuliana Bessie"
    assert data["akun"][0]["Nama pengguna"] == "asn"
    # The PDF through the page's own session (WeasyPrint may take longer than a click waits on a busy machine).
    href = page.get_by_test_id("unduh-pdf").get_attribute("href")
    pdf = page.request.get(f"{demo_server.url}{href}", timeout=120_000)
    assert (pdf.status, pdf.headers["content-disposition"]) == (200, 'attachment; filename="data-saya.pdf"')
    assert pdf.body()[:5] == b"%PDF-"
