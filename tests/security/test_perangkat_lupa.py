"""The device forgets (docs/keamanan.md, «Kendali»): draft answers kept in the browser belong to one user. Logout clears
them, and another user logging in in the same tab finds nothing of the first user's answers."""

import pytest

from tests.browser.conftest import (  # noqa: F401 (fixtures)
    DEMO_PASSWORD,
    PHONE,
    _demo_snapshot,
    _serve_collected_static,
    browser,
    demo_server,
    login,
    new_page,
)
from tests.conftest import chromium_path

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="Chromium tidak terpasang: tes browser dilewati"),
]

KEPT = """() => Object.keys(localStorage).filter(k => k.startsWith("bk:f1:") || k.startsWith("formulir1:"))
              .concat(Object.keys(sessionStorage).filter(k => k.startsWith("formulir1:")))"""


def _answer_three(page, server) -> None:
    page.goto(f"{server.url}/survei/isi/2026/")
    for n in (1, 2, 3):
        page.locator(f"label[for=p{n}-4]").click()
    page.get_by_text("· tersimpan").wait_for()
    assert len(page.evaluate(KEPT)) == 1


def _logout(page) -> None:
    toggler = page.get_by_role("button", name="Buka menu")
    if toggler.is_visible():
        toggler.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Keluar").click()


def test_logout_clears_the_draft_kept_on_the_device(demo_server, new_page):  # noqa: F811 (fixtures imported above)
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    _answer_three(page, demo_server)
    _logout(page)
    assert page.evaluate(KEPT) == []
    assert page.evaluate("caches.keys()") == []


def test_another_user_in_the_same_tab_finds_nothing_of_the_first(demo_server, new_page):  # noqa: F811 (fixtures imported above)
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    _answer_three(page, demo_server)
    page.context.clear_cookies()  # the first user walks away without logging out; the session ends
    login(page, demo_server, "unit", DEMO_PASSWORD)
    assert page.evaluate(KEPT) == []
    assert page.evaluate("caches.keys()") == []
