"""Every form that refuses puts the reason at the top, in sight on a 390 px phone, and keeps what was typed: the
periode (overlapping dates), the nomination, the appointment, a problem raised by an agent and the password."""

import datetime

import pytest
from django.utils import timezone

from apps.agen.models import Nominasi
from apps.agen.workflow import Status
from apps.rencana.models import RencanaTindak

from .conftest import PHONE_390, login, screenshot


def _summary_in_sight(page) -> str:
    summary = page.get_by_test_id("ringkasan-galat")
    box = summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE_390["height"]
    return summary.inner_text()


def _without_browser_checks(page) -> None:
    """The browser's own check of required fields would stop the POST first: here the server's refusal is tested."""
    page.evaluate("document.querySelectorAll('main form').forEach(f => f.noValidate = true)")


@pytest.mark.browser
def test_a_refused_form_shows_a_summary_on_top_and_keeps_the_input(demo_server, new_page):
    url = demo_server.url
    page = new_page(PHONE_390)

    # Tim Monev: a periode that overlaps the open one.
    login(page, demo_server, "monev")
    page.goto(f"{url}/survei/periode/baru/")
    page.get_by_label("Kode").fill("2026-II")
    page.get_by_label("Nama").fill("Pengukuran susulan")
    buka = timezone.localdate() + datetime.timedelta(days=1)
    page.get_by_label("Tanggal buka").fill(buka.isoformat())
    page.get_by_label("Tanggal tutup").fill((buka + datetime.timedelta(days=10)).isoformat())
    page.locator("#id_instrumen").select_option(index=1)
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan").click()
    assert "Tanggal bertumpang tindih dengan periode Pengukuran Budaya Kerja 2026" in _summary_in_sight(page)
    assert (page.get_by_label("Kode").input_value(), page.get_by_label("Nama").input_value()) == (
        "2026-II",
        "Pengukuran susulan",
    )
    screenshot(page, "ringkasan-galat-periode-390")

    # The unit head: a nomination without a nominee; the reasons typed stay.
    page.context.clear_cookies()
    login(page, demo_server, "unit")
    page.goto(f"{url}/agen/usulan/baru/")
    _without_browser_checks(page)
    page.locator("input[name=mekanisme]").first.check()
    for k in "cdef":
        page.locator(f"#id_kriteria_{k}").check()
        page.locator(f"#id_alasan_{k}").fill(f"Alasan ({k}) yang diketik.")
    with page.expect_navigation():
        page.get_by_role("button", name="Kirim usulan").click()
    assert "Calon agen perubahan" in _summary_in_sight(page)
    assert [page.locator(f"#id_alasan_{k}").input_value() for k in "cdef"] == [
        f"Alasan ({k}) yang diketik." for k in "cdef"
    ]
    page.get_by_test_id("ringkasan-galat").get_by_role("link", name="Calon agen perubahan").click()
    assert page.evaluate("location.hash") == "#id_pegawai"

    # The Kepala PD: an appointment without its SK; the roles and the tasks typed stay.
    nominasi = Nominasi.objects.filter(status=Status.DIREKOMENDASIKAN).first()
    page.context.clear_cookies()
    login(page, demo_server, "kepala")
    page.goto(f"{url}/agen/usulan/{nominasi.pk}/penetapan/")
    _without_browser_checks(page)
    page.locator("select#id_surat_keputusan").select_option("")
    page.get_by_label("Mediator").check()
    page.get_by_label("Tugas").fill("Tugas yang saya ketik.")
    page.get_by_label("Saya yakin").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Tetapkan").click()
    assert "Surat keputusan" in _summary_in_sight(page)
    assert page.get_by_label("Tugas").input_value() == "Tugas yang saya ketik."
    assert page.get_by_label("Mediator").is_checked()
    screenshot(page, "ringkasan-galat-penetapan-390")

    # The agent: a problem without a proposed solution.
    rencana = RencanaTindak.objects.filter(status="DISETUJUI", penetapan__pegawai__user__username="agen").first()
    page.context.clear_cookies()
    login(page, demo_server, "agen")
    page.goto(f"{url}/rencana/{rencana.pk}/masalah/baru/")
    _without_browser_checks(page)
    page.locator("input[name=kepada]").first.check()
    page.get_by_label("Permasalahan").fill("Ruang rapat tidak tersedia.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert "Usulan alternatif solusi" in _summary_in_sight(page)
    assert page.get_by_label("Permasalahan").input_value() == "Ruang rapat tidak tersedia."

    # Anyone: a wrong old password (passwords are never shown again; the reason is).
    page.goto(f"{url}/akun/ganti-sandi/")
    page.locator("#id_old_password").fill("salah-sekali-123")
    page.locator("#id_new_password1").fill("Baru-sekali-2026")
    page.locator("#id_new_password2").fill("Baru-sekali-2026")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan kata sandi baru").click()
    assert "Kata sandi lama Anda salah. Ketik lagi." in _summary_in_sight(page)
