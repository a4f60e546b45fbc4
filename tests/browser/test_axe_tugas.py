"""axe-core at 390 px and 1280 px, menu closed and open, on the home page, Formulir 1, a report, the dashboard,
the nomination page and the notices: no serious or critical violation."""

import pytest

from .conftest import DESKTOP, PHONE_390, login, screenshot

PAGES = [
    ("asn", "/", "beranda-asn"),
    ("asn", "/survei/isi/2026/", "formulir"),
    ("monev", "/laporan/2025/", "laporan"),
    ("monev", "/laporan/2025/dasbor/", "dasbor"),
    ("unit", "/agen/usulan/baru/", "nominasi-baru"),
    ("kbk", "/agen/antrean-kbk/", "antrean-kbk"),
    ("asn", "/pemberitahuan/", "pemberitahuan"),
]


def _serious(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.browser
def test_pages_have_no_serious_axe_violation_with_the_menu_closed_and_open(demo_server, new_page):
    """Each page at 390 px with the menu closed and open, then the same page at 1280 px (menu always shown)."""
    page = new_page(PHONE_390)
    found = {}
    user = None
    for username, path, name in PAGES:
        if username != user:
            page.context.clear_cookies()
            login(page, demo_server, username)
            user = username
        page.set_viewport_size(PHONE_390)
        page.goto(f"{demo_server.url}{path}")
        found[(name, 390, "tertutup")] = _serious(page)
        page.get_by_role("button", name="Buka menu").click()
        page.locator("#menu-utama.show").wait_for()
        found[(name, 390, "terbuka")] = _serious(page)
        screenshot(page, f"axe-{name}-390")
        page.set_viewport_size(DESKTOP)
        assert not page.get_by_role("button", name="Buka menu").is_visible()
        found[(name, 1280)] = _serious(page)
        screenshot(page, f"axe-{name}-1280")
    assert {k: v for k, v in found.items() if v} == {}
