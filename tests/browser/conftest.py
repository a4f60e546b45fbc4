"""Browser tests: Playwright driving Debian's Chromium against a live server seeded by `seed_demo`.

The demo is seeded from the pemda pack of env PAKET_PEMDA (default `kupang`; docs/paket.md): tests read what a pack
decides (names, the number of items per section) from `PAKET`, never write it."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from apps.akun.models import User
from apps.paket.muat import baca, kode_bawaan
from tests import demo_tersimpan
from tests.conftest import chromium_path, kunci_sesi

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEMO_PASSWORD = "demo12345"
# The pack the demo is seeded from, and the item numbers of each section of its instrument.
PAKET = baca(kode_bawaan())
NOMOR_BAGIAN = {}
for _bagian in PAKET.data["instrumen"]["bagian"]:
    _nomor = [b["nomor"] for b in _bagian["butir"]]
    NOMOR_BAGIAN[_bagian["kode"]] = range(min(_nomor), max(_nomor) + 1)
JUMLAH_BUTIR = sum(len(r) for r in NOMOR_BAGIAN.values())
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 360, "height": 740}
PHONE_390 = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Work a test never looks at: extensions, translation and hint services, smooth scrolling, paint holding, and the
    # throttling of a page that is not in front (which only delays it). Together about 3 % of the CPU of the tests.
    "--disable-extensions",
    "--disable-features=Translate,OptimizationHints,MediaRouter,PaintHolding",
    "--disable-smooth-scrolling",
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]


def pytest_collection_modifyitems(config, items) -> None:
    if chromium_path() is None:
        skip = pytest.mark.skip(reason="Chromium tidak terpasang (apt-get install -y chromium): tes browser dilewati")
        for item in items:
            if "tests/browser/" in str(item.fspath):
                item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _serve_collected_static():
    """Serve static files from STATIC_ROOT with their hashed names, as WhiteNoise does in production.

    pytest-django's live server otherwise serves through the finders, which know no hashed names.
    """
    import django.contrib.staticfiles.handlers as handlers
    from django.test.testcases import _StaticFilesHandler

    original = handlers.StaticFilesHandler
    handlers.StaticFilesHandler = _StaticFilesHandler
    yield
    handlers.StaticFilesHandler = original


_SHARED: dict = {}


def _shared_browser():
    """One Playwright and one Chromium per test process, also for browser tests outside tests/browser (which
    import these fixtures, e.g. tests/security): two sync Playwright instances cannot live in one process."""
    if "browser" not in _SHARED:
        import atexit

        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        _SHARED["browser"] = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )

        def stop() -> None:
            _SHARED.pop("browser").close()
            playwright.stop()

        atexit.register(stop)
    return _SHARED["browser"]


@pytest.fixture(scope="session")
def browser():
    return _shared_browser()


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker) -> Path | None:
    """On SQLite: the database as `seed_demo` leaves it, kept between runs (tests/demo_tersimpan.py). Each browser
    test starts from a copy of it (`demo_server`), so every test sees the pristine demo whatever the tests before it
    changed. None on PostgreSQL, where each test seeds again."""
    with django_db_blocker.unblock():
        return demo_tersimpan.salinan(PAKET.kode, DEMO_PASSWORD)


@pytest.fixture
def demo_server(live_server, transactional_db, _demo_snapshot):
    """The live server on a test database loaded by `seed_demo` (README "Login demo"), fresh for each test.

    The database is the migrated copy again afterwards (transactional_db), as before.
    """
    if _demo_snapshot is None:
        demo_tersimpan.seed(PAKET.kode, DEMO_PASSWORD)
    else:
        demo_tersimpan.muat(_demo_snapshot, settings.MEDIA_ROOT)
    return live_server


@pytest.fixture
def new_page(browser):
    """new_page(viewport) opens a page in a fresh context; closed at the end of the test."""
    contexts = []

    def make(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="id-ID", timezone_id="Asia/Makassar")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield make
    for context in contexts:
        context.close()


def login(page, server, username: str, password: str | None = None) -> None:
    """Log `username` in and open the home page.

    With a password: through the login form, as a person does (tests/browser/test_login.py, and the journeys that
    log out and in again or change who is at the device). Without: the browser is handed a session made on the
    server for that user, which saves the login page and its POST in the journeys that only start logged in.
    """
    if password is not None:
        page.goto(f"{server.url}/akun/masuk/")
        page.get_by_label("NIP atau nama pengguna").fill(username)
        page.get_by_label("Kata sandi").fill(password)
        with page.expect_navigation():
            page.get_by_role("button", name="Masuk").click()
        return
    sesi = kunci_sesi(User.objects.get(username=username))
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": sesi, "url": server.url, "httpOnly": True, "sameSite": "Lax"}]
    )
    page.goto(f"{server.url}/")


def screenshot(page, name: str) -> Path | None:
    """A full-page PNG in test-artifacts/ to look at, when SCREENSHOTS=1 (`make screenshots`); otherwise nothing,
    which keeps `make test` within its time (a screenshot costs Chromium about 70 ms)."""
    if os.environ.get("SCREENSHOTS") != "1":
        return None
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
