"""axe-core at 390 px and 1280 px: the main pages with the menu closed and open, then every page each demo login
reaches (no serious or critical violation, and no sideways scrolling of the page on a phone)."""

import re
from urllib.parse import urljoin, urlparse

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


# Every page a demo login reaches from its home page by following links (one page per URL pattern, the first
# found), at 390 px and 1280 px: axe finds no serious or critical violation, and at 390 px the page itself never
# scrolls sideways; a table wider than the phone scrolls inside its own box, with the cue above it.
PERSONAS = ["asn", "agen", "unit", "kbk", "kepala", "monev", "sekda", "admin"]
TIDAK_DIBUKA = re.compile(r"/(keluar|admin)/|\.(pdf|xlsx|csv)$|/(pdf|xlsx|csv|unduh|ekspor|cetak)/")
GESER = """() => {
  const doc = document.documentElement;
  const boxes = [...document.querySelectorAll('main .table-responsive')].filter(b => b.scrollWidth > b.clientWidth + 1);
  const cue = b => { const p = b.previousElementSibling;
    return !!p && p.classList.contains('geser-petunjuk') && p.getBoundingClientRect().height > 0; };
  return {halaman: doc.scrollWidth - doc.clientWidth, tanpa_petunjuk: boxes.filter(b => !cue(b)).length,
          kepala: document.querySelector('nav.navbar').getBoundingClientRect().height <= 56};
}"""
TAUTAN = "els => els.map(e => e.getAttribute('href'))"


def _view_name(path: str) -> str | None:
    from django.urls import Resolver404, resolve

    try:
        return resolve(path.split("?")[0]).view_name
    except Resolver404:
        return None


@pytest.mark.browser
def test_every_page_of_every_login_passes_axe_and_never_scrolls_sideways_on_a_phone(demo_server, new_page):
    """The logins one after the other, each following the links of its pages; a URL pattern already checked for an
    earlier login is not checked again (its home page is: it differs by role). The header stays one 56 px row on a
    phone, "N baru" badge or not."""
    page = new_page(PHONE_390)
    dilihat, found = set(), {}
    for username in PERSONAS:
        page.context.clear_cookies()
        login(page, demo_server, username)
        antrean = ["/"]
        dilihat.discard("beranda")
        while antrean:
            path = antrean.pop(0)
            name = _view_name(path)
            if name is None or name in dilihat:
                continue
            dilihat.add(name)
            page.set_viewport_size(PHONE_390)
            response = page.goto(f"{demo_server.url}{path}")
            if "text/html" not in response.headers.get("content-type", ""):
                continue
            if response.status != 200:  # a link to a page the login may not open
                found[(username, path, "status")] = response.status
                continue
            found[(username, path, 390, "geser")] = page.evaluate(GESER)
            found[(username, path, 390)] = _serious(page)
            screenshot(page, f"halaman-{username}-{name.replace(':', '-')}-390")
            page.set_viewport_size(DESKTOP)
            found[(username, path, 1280)] = _serious(page)
            screenshot(page, f"halaman-{username}-{name.replace(':', '-')}-1280")
            for href in page.eval_on_selector_all("main a[href], nav a[href]", TAUTAN):
                url = urlparse(urljoin(f"{demo_server.url}{path}", href))
                if url.netloc == urlparse(demo_server.url).netloc and not TIDAK_DIBUKA.search(url.path):
                    antrean.append(url.path + (f"?{url.query}" if url.query and "page=" not in url.query else ""))
    ok = {"halaman": 0, "tanpa_petunjuk": 0, "kepala": True}
    problems = {k: v for k, v in found.items() if (v != ok if k[-1] == "geser" else v)}
    assert problems == {}
    assert len(dilihat) >= 45  # 50 URL patterns in the demo (28-11-2026); fewer means the walk broke off
