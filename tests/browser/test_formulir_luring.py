"""Formulir 1 on a weak signal (README, «Pengisian»): answers given offline survive a reload and reach the server."""

import time

import pytest

from apps.survei.models import Jawaban

from .conftest import JUMLAH_BUTIR, PHONE, login, screenshot


def _answer(page, numbers, value: int) -> None:
    for n in numbers:
        page.locator(f"label[for=p{n}-{value}]").click()


def _on_server() -> dict[int, int]:
    qs = Jawaban.objects.filter(respon__periode__kode="2026", respon__pegawai__user__username="asn")
    return dict(qs.values_list("butir__nomor", "nilai"))


def _wait_for(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.25)
    return condition()


@pytest.mark.browser
def test_ten_answers_given_offline_survive_a_reload_and_reach_the_server_when_online(demo_server, new_page):
    page = new_page(PHONE)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.type), d.accept()))
    login(page, demo_server, "asn")
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller === null || true")
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()  # now the service worker controls the page and keeps a copy of it
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)
    _answer(page, range(1, 11), 3)
    page.get_by_text("dikirim otomatis saat sinyal kembali").first.wait_for()
    assert _on_server() == {}

    page.reload()  # without signal: the page comes from the service worker, the answers from the device
    assert dialogs == ["beforeunload"]  # leaving with answers not yet on the server asks first
    assert all(page.locator(f"input[name=p{n}][value='3']").is_checked() for n in range(1, 11))
    assert page.locator("#kemajuan-teks").inner_text() == f"10 dari {JUMLAH_BUTIR} butir terjawab"
    screenshot(page, "formulir-luring-390")

    page.context.set_offline(False)
    assert _wait_for(lambda: _on_server() == {n: 3 for n in range(1, 11)}, 10)
    page.get_by_text("· tersimpan").wait_for()


@pytest.mark.browser
def test_on_the_first_visit_answers_given_offline_survive_a_reload_and_reach_the_server(demo_server, new_page):
    """No second visit, no reload while online: the page hands itself to the service worker once it is active."""
    page = new_page(PHONE)
    page.on("dialog", lambda d: d.accept())
    login(page, demo_server, "asn")
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    # The worker tells the page once the form and its static files are kept (static/js/sw.js, "simpan").
    assert _wait_for(lambda: page.evaluate("caches.match('/survei/isi/2026/').then(r => !!r)"), 15)
    page.context.set_offline(True)
    _answer(page, range(1, 6), 2)
    page.get_by_text("dikirim otomatis saat sinyal kembali").first.wait_for()
    assert _on_server() == {}

    page.reload()  # without signal, on the first visit
    assert page.locator("#kemajuan-teks").inner_text() == f"5 dari {JUMLAH_BUTIR} butir terjawab"
    assert all(page.locator(f"input[name=p{n}][value='2']").is_checked() for n in range(1, 6))
    screenshot(page, "formulir-luring-kunjungan-pertama-390")

    page.context.set_offline(False)
    assert _wait_for(lambda: _on_server() == {n: 2 for n in range(1, 6)}, 10)


@pytest.mark.browser
def test_without_any_kept_copy_the_offline_page_is_indonesian_and_says_the_answers_are_safe(demo_server, new_page):
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    assert _wait_for(lambda: page.evaluate("caches.match('/survei/isi/2026/').then(r => !!r)"), 15)
    page.evaluate("caches.open('bk-formulir-v1').then(c => c.delete('/survei/isi/2026/'))")
    page.context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == "Tidak ada sinyal"
    assert "Jawaban Formulir 1 Anda aman" in page.locator("body").inner_text()
    assert page.evaluate("document.documentElement.lang") == "id"


@pytest.mark.browser
def test_simpan_draf_and_kirim_offline_stay_on_the_page_and_say_what_happens(demo_server, new_page):
    page = new_page(PHONE)
    page.on("dialog", lambda d: d.accept())
    login(page, demo_server, "asn")
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    url = page.url
    page.context.set_offline(True)
    _answer(page, range(1, 4), 2)
    page.get_by_role("button", name="Simpan draf (bagian I)").click()
    page.get_by_text("Tidak ada sinyal. Jawaban Anda disimpan di perangkat ini").wait_for()
    assert page.url == url
    # Still the form (the page did not navigate to a browser error page).
    assert page.get_by_role("heading", level=1).inner_text() == "Formulir 1 · Pengukuran Budaya Kerja 2026"
    page.get_by_role("button", name="Kirim", exact=True).click()
    review = page.locator("#tinjauan")
    assert review.locator("li").first.inner_text().endswith("3 dari 10 terjawab belum: butir 4, 5, 6, 7, 8, 9, 10")
    page.get_by_role("button", name="Kirim sekarang").click()
    page.get_by_text("Tidak ada sinyal: formulir belum terkirim.").wait_for()
    assert page.url == url
    screenshot(page, "formulir-kirim-luring-390")
    page.context.set_offline(False)
    assert _wait_for(lambda: _on_server() == {1: 2, 2: 2, 3: 2}, 10)


@pytest.mark.browser
def test_a_reopened_draft_scrolls_to_the_first_unanswered_item(demo_server, new_page):
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    _answer(page, range(1, 8), 2)
    page.get_by_text("· tersimpan").wait_for()
    page.goto(f"{demo_server.url}/")
    page.goto(f"{demo_server.url}/survei/isi/2026/")
    page.get_by_text("lanjut dari butir 8").wait_for()
    # Bootstrap scrolls smoothly: wait until item 8 is in view.
    page.wait_for_function("(t => t >= 0 && t < 740)(document.getElementById('butir-8').getBoundingClientRect().top)")
