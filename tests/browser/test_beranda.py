"""Home page = my tasks (apps/akun/tugas.py; docs/arsitektur.md, «Aplikasi»): on a 390 px phone each demo login's first card is its top task."""

import pytest

from .conftest import PHONE_390, login, screenshot

PERTAMA = {
    "asn": "Formulir 1 Pengukuran Budaya Kerja 2026 belum dikirim — ",
    "unit": "usulan menunggu jawaban klarifikasi Anda",
    "kbk": "usulan menunggu telaah",
    "kepala": "rekomendasi menunggu penetapan",
    "monev": "partisipasi",
    "sekda": "Laporan Evaluasi Pengukuran Budaya Kerja 2025 final — unduh PDF",
}


@pytest.mark.browser
def test_each_demo_login_sees_its_top_task_first_on_a_phone(demo_server, new_page):
    page = new_page(PHONE_390)
    seen = {}
    for username in PERTAMA:
        page.context.clear_cookies()
        login(page, demo_server, username)
        card = page.get_by_test_id("tugas-utama")
        seen[username] = card.inner_text()
        box = card.bounding_box()
        assert box["y"] + box["height"] < PHONE_390["height"], username  # in the first screen
        screenshot(page, f"beranda-{username}-390")
    print(seen)
    assert {u: PERTAMA[u] in seen[u] for u in PERTAMA} == {u: True for u in PERTAMA}, seen
