"""Every demo login reaches its home page, at phone and desktop width; a wrong password is explained."""

import pytest

from .conftest import DEMO_PASSWORD, DESKTOP, PHONE, login, screenshot

# username -> a text that only that role's home page shows
HOME_MARKERS = {
    "admin": "Buka admin",
    "sekda": "Sekretaris Daerah",
    "monev": "Tim Monitoring, Evaluasi dan Pelaporan",
    "kepala": "Kepala Perangkat Daerah",
    "kbk": "Anggota KBK / Tim RB",
    "unit": "Pimpinan Unit Kerja",
    "asn": "Data kepegawaian saya",
}


@pytest.mark.browser
def test_every_demo_login_reaches_its_home_page(demo_server, new_page):
    """Each demo login through the form on a 360 px phone; the same page then at desktop width."""
    for username, marker in HOME_MARKERS.items():
        page = new_page(PHONE)
        login(page, demo_server, username, DEMO_PASSWORD)
        assert page.url == f"{demo_server.url}/"
        assert page.get_by_role("heading", name="Selamat datang").count() == 1
        assert marker in page.content()
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], (username, viewport)
            screenshot(page, f"beranda-{username}-{viewport['width']}")
        page.context.close()


@pytest.mark.browser
def test_wrong_password_shows_a_clear_message(demo_server, new_page):
    page = new_page(PHONE)
    login(page, demo_server, "asn", "salah-sekali")
    alert = page.get_by_role("alert")
    assert "kata sandi salah" in alert.inner_text()
    assert page.url.startswith(f"{demo_server.url}/akun/masuk/")
    screenshot(page, "login-salah-360")
