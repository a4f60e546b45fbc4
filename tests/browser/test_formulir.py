"""Formulir 1 on a 360 px phone: draft, logout, resume, submit, result; a double click (axe-core on the form:
test_axe_tugas.py)."""

import pytest

from apps.survei.models import Jawaban, Respon
from apps.survei.scoring import band_for_total

from .conftest import DEMO_PASSWORD, JUMLAH_BUTIR, NOMOR_BAGIAN, PAKET, PHONE, login, screenshot


def _answer(page, numbers, value: int) -> None:
    for n in numbers:
        page.locator(f"label[for=p{n}-{value}]").click()


def _answer_all(page, value: int) -> None:
    """Every item answered with `value` by a click on each radio in the page: the events a tap fires, without
    Playwright's waits per tap (for the tests about what happens after the form is filled)."""
    page.evaluate(
        "v => document.querySelectorAll(`#formulir input[type=radio][value='${v}']`).forEach(r => r.click())",
        str(value),
    )
    assert page.evaluate("document.getElementById('kemajuan').value") == JUMLAH_BUTIR


def _logout(page) -> None:
    toggler = page.get_by_role("button", name="Buka menu")
    if toggler.is_visible():
        toggler.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Keluar").click()


@pytest.mark.browser
def test_asn_saves_a_draft_logs_out_resumes_and_submits_on_a_phone(demo_server, new_page):
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    assert "belum diisi" in page.get_by_test_id("kartu-formulir1").inner_text()
    page.get_by_role("link", name="Buka Formulir 1").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Isi formulir").click()
    assert page.get_by_role("group").count() == JUMLAH_BUTIR
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _answer(page, NOMOR_BAGIAN["I"], 2)
    assert page.locator("#kemajuan").get_attribute("value") is not None
    assert page.evaluate("document.getElementById('kemajuan').value") == len(NOMOR_BAGIAN["I"])
    screenshot(page, "formulir-bagian-I-360")
    page.get_by_role("button", name="Simpan draf (bagian I)").click()
    page.get_by_text(f"Draf tersimpan: {len(NOMOR_BAGIAN['I'])} dari {JUMLAH_BUTIR} butir terjawab.").wait_for()
    _logout(page)

    login(page, demo_server, "asn", DEMO_PASSWORD)
    assert "draf, belum dikirim" in page.get_by_test_id("kartu-formulir1").inner_text()
    page.get_by_role("link", name="Buka Formulir 1").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Lanjutkan draf").click()
    assert page.locator("input[name=p1][value='2']").is_checked()
    assert page.locator(f"input[name=p{NOMOR_BAGIAN['I'][-1]}][value='2']").is_checked()
    assert page.locator("#kemajuan-teks").inner_text() == f"{len(NOMOR_BAGIAN['I'])} dari {JUMLAH_BUTIR} butir terjawab"
    _answer(page, NOMOR_BAGIAN["II"], 3)
    _answer(page, NOMOR_BAGIAN["III"], 1)
    page.get_by_role("button", name="Kirim", exact=True).click()
    n_i = len(NOMOR_BAGIAN["I"])
    assert page.locator("#tinjauan li").all_inner_texts()[0].endswith(f"{n_i} dari {n_i} terjawab")
    page.get_by_role("button", name="Kirim sekarang").click()
    page.wait_for_url("**/survei/respon/*/")
    rows = {k: page.get_by_test_id(f"hasil-{k}").locator("td").all_inner_texts()[:2] for k in ("I", "II", "III")}
    # Kupang: I 10 x 2 = 20 KURANG BAIK, II 5 x 3 = 15 BURUK, III 20 x 1 = 20 BAIK; other packs by their own bands.
    bands = PAKET.bands()
    harapan = {}
    for kode, nilai in (("I", 2), ("II", 3), ("III", 1)):
        total = len(NOMOR_BAGIAN[kode]) * nilai
        harapan[kode] = [str(total), band_for_total(total, bands[kode]).kategori.label]
    assert rows == harapan
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "formulir-hasil-360")
    respon = Respon.objects.get(periode__kode="2026", pegawai__user__username="asn")
    totals = tuple(int(harapan[kode][0]) for kode in ("I", "II", "III"))
    assert (respon.status, respon.total_1, respon.total_2, respon.total_3) == ("TERKIRIM", *totals)


@pytest.mark.browser
def test_a_double_click_on_kirim_leaves_one_response(demo_server, new_page):
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    _answer_all(page, 2)
    page.get_by_role("button", name="Kirim", exact=True).click()
    page.get_by_role("button", name="Kirim sekarang").dblclick()
    page.wait_for_url("**/survei/respon/*/")
    assert page.get_by_role("heading", name="Hasil Formulir 1").count() == 1
    assert Respon.objects.filter(periode__kode="2026", pegawai__user__username="asn").count() == 1


@pytest.mark.browser
def test_two_posts_at_once_without_javascript_guard_leave_one_response(demo_server, new_page):
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    _answer_all(page, 3)
    statuses = page.evaluate(
        """async () => {
          const form = document.getElementById("formulir");
          const send = () => { const d = new FormData(form); d.set("aksi", "kirim");
                               return fetch(location.href, {method: "POST", body: d}).then(r => r.status); };
          return Promise.all([send(), send()]);
        }"""
    )
    assert statuses == [200, 200]
    respon = Respon.objects.get(periode__kode="2026", pegawai__user__username="asn")
    assert (respon.status, respon.total_1) == ("TERKIRIM", 30)


@pytest.mark.browser
def test_answers_given_after_the_session_expired_come_back_after_login(demo_server, new_page):
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    _answer(page, range(1, 4), 2)
    page.get_by_text("· tersimpan").wait_for()
    page.context.clear_cookies()  # the session expires (30 minutes idle)
    _answer(page, range(4, 6), 4)
    page.get_by_text("sesi berakhir").wait_for()
    login(page, demo_server, "asn", DEMO_PASSWORD)
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    assert page.locator("input[name=p5][value='4']").is_checked()
    page.get_by_text("· tersimpan").wait_for()
    saved = Jawaban.objects.filter(respon__periode__kode="2026", respon__pegawai__user__username="asn")
    assert dict(saved.values_list("butir__nomor", "nilai")) == {1: 2, 2: 2, 3: 2, 4: 4, 5: 4}
