"""The dashboard and the report on a 390 px phone and a 1280 px screen: chart text is at least 12 px, tables scroll
inside a focusable region, the report table sorts, and axe finds no serious or critical issue."""

import pytest

from .conftest import DESKTOP, login, screenshot

PONSEL = {"width": 390, "height": 844}

# Every text node inside a chart (labels, values, axis, legend) and its computed font size in px.
UKURAN_TEKS_GRAFIK = """() => {
  const sizes = [];
  for (const root of document.querySelectorAll('.grafik-daftar, .tren-label, .legenda, svg')) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.textContent.trim() || node.parentElement.closest('title')) continue;
      const el = node.parentElement;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      sizes.push([node.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(el).fontSize)]);
    }
  }
  return sizes;
}"""


def _axe_serius(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.browser
def test_dashboard_text_is_readable_and_accessible(demo_server, new_page):
    """At 390 px and at 1280 px (the charts scale with the width). axe on this page at both widths:
    test_axe_tugas.py."""
    page = new_page(PONSEL)
    login(page, demo_server, "sekda")
    page.goto(f"{demo_server.url}/laporan/2025/dasbor/")
    for viewport in (PONSEL, DESKTOP):
        page.set_viewport_size(viewport)
        sizes = page.evaluate(UKURAN_TEKS_GRAFIK)
        assert len(sizes) > 20  # the labels and values of the charts are there
        assert [s for s in sizes if s[1] < 12] == [], viewport
        for region in page.locator(".table-responsive").all():
            assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
        screenshot(page, f"dasbor-{viewport['width']}")


@pytest.mark.browser
def test_report_table_sorts_and_reads_on_a_phone(demo_server, new_page):
    page = new_page(PONSEL)
    login(page, demo_server, "sekda")
    page.goto(f"{demo_server.url}/laporan/2025/")
    assert page.get_by_text("skor lebih kecil berarti penerapan nilai lebih baik").count() == 1
    page.get_by_role("button", name="Urutkan menurut TS I", exact=True).click()
    ts = page.locator("table.tabel-urut tbody tr[data-ts1]").evaluate_all(
        "rows => rows.map(r => parseFloat(r.dataset.ts1))"
    )
    assert ts == sorted(ts) and len(ts) > 5
    page.get_by_role("button", name="Urutkan menurut TS I", exact=True).click()
    ts = page.locator("table.tabel-urut tbody tr[data-ts1]").evaluate_all(
        "rows => rows.map(r => parseFloat(r.dataset.ts1))"
    )
    assert ts == sorted(ts, reverse=True)
    screenshot(page, "laporan-2025-390")
    assert _axe_serius(page) == []
