"""axe-core at 390 px and 1280 px, menu closed and open, on the home page, Formulir 1, a report, the dashboard,
the nomination page and the notices (issue 12): no serious or critical violation."""

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
@pytest.mark.parametrize("viewport", [PHONE_390, DESKTOP], ids=["390", "1280"])
def test_pages_have_no_serious_axe_violation_with_the_menu_closed_and_open(demo_server, new_page, viewport):
    page = new_page(viewport)
    found = {}
    user = None
    for username, path, name in PAGES:
        if username != user:
            page.context.clear_cookies()
            login(page, demo_server, username)
            user = username
        page.goto(f"{demo_server.url}{path}")
        found[(name, "tertutup")] = _serious(page)
        toggler = page.get_by_role("button", name="Buka menu")
        if toggler.is_visible():
            toggler.click()
            page.locator("#menu-utama.show").wait_for()
            found[(name, "terbuka")] = _serious(page)
        screenshot(page, f"axe-{name}-{viewport['width']}")
    assert {k: v for k, v in found.items() if v} == {}
