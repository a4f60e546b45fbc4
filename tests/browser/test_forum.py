"""Kelompok Agen and the Forum Agen Perubahan on a phone (390 px): kepala forms a group, a KBK member records a
meeting with a PDF, an ASN searches praktik baik by value. Screenshots at 390 and 1280 px in test-artifacts/."""

import pytest

from apps.agen.models import KelompokAgen
from apps.forum.models import Pertemuan

from .conftest import DESKTOP, PAKET, login, screenshot

PONSEL = {"width": 390, "height": 844}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _fits(page, viewport) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def _shots(page, name: str) -> None:
    """Screenshots of the current page at 390 and 1280 px; the page must fit the phone's width. A link clicked
    before it is awaited (expect_navigation): otherwise the width may be read while the next page replaces it."""
    for label, viewport in (("390", PONSEL), ("1280", DESKTOP)):
        page.set_viewport_size(viewport)
        screenshot(page, f"forum-{name}-{label}")
        _fits(page, viewport)
    page.set_viewport_size(PONSEL)


@pytest.mark.browser
def test_group_meeting_and_praktik_baik_search_on_a_phone(demo_server, new_page):
    url = demo_server.url

    # 1. kepala forms a group of two active agents and lists it in the SK.
    page = new_page(PONSEL)
    login(page, demo_server, "kepala")
    page.goto(f"{url}/agen/kelompok/")
    _shots(page, "01-kelompok-daftar")
    page.get_by_role("link", name="Bentuk kelompok").click()
    page.get_by_label("Nama kelompok").fill("Tim Inovasi Layanan")
    anggota = page.locator("input[name=anggota]")
    assert anggota.count() >= 2
    anggota.nth(0).check()
    anggota.nth(1).check()
    page.get_by_label("Dicantumkan dalam SK (opsional)").select_option(index=1)
    _shots(page, "02-kelompok-bentuk")
    with page.expect_navigation():
        page.get_by_role("button", name="Bentuk kelompok").click()
    kelompok = KelompokAgen.objects.get(nama="Tim Inovasi Layanan")
    assert page.url == f"{url}/agen/kelompok/{kelompok.pk}/"
    assert kelompok.anggota.count() == 2
    assert page.get_by_test_id("riwayat").inner_text().startswith("Dibentuk")
    _shots(page, "03-kelompok-detail")
    page.context.close()

    # 2. A KBK member records a meeting of the BKPSDM forum with a PDF.
    page = new_page(PONSEL)
    login(page, demo_server, "kbk")
    page.get_by_role("button", name="Buka menu").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Forum", exact=True).click()
    _shots(page, "04-forum-index")
    with page.expect_navigation():
        page.get_by_role("link", name="Forum Agen Perubahan BKPSDM").click()
    _shots(page, "05-forum-pd")
    page.get_by_role("link", name="Catat pertemuan").click()
    page.get_by_label("Tanggal").fill("2026-11-20")
    page.get_by_label("Topik").fill("Tindak lanjut janji temu daring")
    page.get_by_label("Fasilitator").fill("Kepala Bidang Mutasi")
    page.locator("input[name=peserta]").nth(0).check()
    page.get_by_label("Catatan pertemuan").fill("Janji temu daring diperluas ke semua bidang mulai Desember.")
    page.get_by_label("Lampiran (opsional)").set_input_files(
        {"name": "notulen.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    _shots(page, "06-pertemuan-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan").click()
    pertemuan = Pertemuan.objects.get(topik="Tindak lanjut janji temu daring")
    assert page.url == f"{url}/forum/pertemuan/{pertemuan.pk}/"
    assert page.get_by_test_id("lampiran").inner_text().startswith("notulen.pdf")
    _shots(page, "07-pertemuan-detail")
    page.context.close()

    # 3. An ASN searches praktik baik by value.
    page = new_page(PONSEL)
    login(page, demo_server, "asn")
    page.goto(f"{url}/forum/praktik-baik/")
    assert page.get_by_test_id("jumlah-praktik").inner_text() == "2 praktik baik"
    page.get_by_label("Nilai").select_option(PAKET.data["nilai"]["lokal"][1]["kode"])  # the second local value
    with page.expect_navigation():
        page.get_by_role("button", name="Cari").click()
    assert page.get_by_test_id("jumlah-praktik").inner_text() == "1 praktik baik"
    assert "Apel pagi bergilir" in page.get_by_test_id("daftar-praktik").inner_text()
    _shots(page, "08-praktik-cari")
    with page.expect_navigation():
        page.get_by_role("link", name="Apel pagi bergilir dengan satu pesan nilai").click()
    _shots(page, "09-praktik-detail")
    page.goto(f"{url}/")
    _shots(page, "10-beranda-asn")
