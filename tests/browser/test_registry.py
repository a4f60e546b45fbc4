"""Registry journeys in the browser: a Kepala PD prints activation codes and an ASN activates with one;
the admin imports pegawai with a preview."""

import pytest

from tests.organisasi.spreadsheets import pegawai_rows, xlsx_bytes

from .conftest import DESKTOP, PHONE, login, screenshot

PASSWORD = "jagung-bose-di-oelamasi"


@pytest.mark.browser
def test_kepala_prints_codes_and_an_asn_activates_the_account(demo_server, new_page, tmp_path):
    page = new_page(PHONE)
    login(page, demo_server, "kepala")
    page.get_by_role("link", name="Cetak kode aktivasi").click()
    page.get_by_role("link", name="Bidang Pengembangan Sumber Daya Manusia").click()
    page.get_by_label("Saya akan membagikan setiap kode").check()
    page.get_by_role("button", name="Buat kode dan tampilkan lembar").click()
    first = page.get_by_test_id("lembar-kode").locator("tbody tr").first
    nip = first.locator("td").nth(0).inner_text().strip()
    code = first.locator("td.kode").inner_text().strip()
    assert len(nip) == 18 and len(code) == 11
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "kode-aktivasi-lembar-360")

    asn = new_page(PHONE)
    asn.goto(f"{demo_server.url}/akun/aktivasi/")
    asn.locator("input[name=nip]").fill(nip)
    asn.locator("input[name=kode]").fill(code)
    asn.locator("input[name=password1]").fill(PASSWORD)
    asn.locator("input[name=password2]").fill(PASSWORD)
    with asn.expect_navigation():
        asn.get_by_role("button", name="Simpan kata sandi").click()
    assert "Kata sandi tersimpan" in asn.get_by_role("alert").inner_text()
    login(asn, demo_server, nip, PASSWORD)
    assert asn.url == f"{demo_server.url}/"
    assert "Data kepegawaian saya" in asn.content()


@pytest.mark.browser
def test_admin_imports_pegawai_after_a_preview(demo_server, new_page, tmp_path):
    rows = pegawai_rows(3, "BKPSDM.02", start=70_000)
    bad = [row[:] for row in rows]
    bad[1][7] = "TIDAK.ADA"
    (tmp_path / "salah.xlsx").write_bytes(xlsx_bytes(bad))
    (tmp_path / "baik.xlsx").write_bytes(xlsx_bytes(rows))
    page = new_page(DESKTOP)
    login(page, demo_server, "admin")
    page.goto(f"{demo_server.url}/admin/organisasi/pegawai/import/")

    page.set_input_files("input[type=file]", str(tmp_path / "salah.xlsx"))
    page.select_option("select[name=format]", label="xlsx")
    page.get_by_role("button", name="Periksa berkas (uji coba)").click()
    errors = page.get_by_test_id("galat-impor")
    errors.wait_for()
    assert errors.locator("tbody tr").all_inner_texts() == [
        "3\tkode_unit_kerja\tUnit kerja dengan kode 'TIDAK.ADA' tidak ditemukan."
    ]
    screenshot(page, "impor-pegawai-galat")

    page.set_input_files("input[type=file]", str(tmp_path / "baik.xlsx"))
    page.select_option("select[name=format]", label="xlsx")
    page.get_by_role("button", name="Periksa berkas (uji coba)").click()
    assert page.get_by_test_id("ringkasan-impor").inner_text().startswith("3 baru, 0 diperbarui, 0 tidak berubah.")
    page.get_by_role("button", name="Konfirmasi impor").click()
    page.wait_for_url(f"{demo_server.url}/admin/organisasi/pegawai/")
    assert page.locator(".messagelist").inner_text() == "Impor selesai: 3 baru, 0 diperbarui, 0 tidak berubah."
