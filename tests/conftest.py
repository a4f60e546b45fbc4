"""Shared fixtures: personas that make access rules read like a story (tests/conftest.py (personas))."""

import contextlib
import copy
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.test import Client

from apps.akun.models import Peran, User
from apps.common import instansi as instansi_cache
from apps.common.reference import ensure_reference_data
from apps.organisasi.models import Pegawai, PerangkatDaerah, UnitKerja

from .factories import PegawaiFactory, PeranFactory, PerangkatDaerahFactory, UnitKerjaFactory, UserFactory


def _static_is_stale(settings) -> bool:
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    return any(p.stat().st_mtime > built for d in settings.STATICFILES_DIRS for p in Path(d).rglob("*") if p.is_file())


def pytest_sessionstart(session) -> None:
    """Templates use hashed static names (as in production): collect static files when they changed."""
    import fcntl

    from django.conf import settings
    from django.core.management import call_command

    # pytest-xdist workers start together: one collects, the others wait for it.
    Path(settings.STATIC_ROOT).parent.mkdir(parents=True, exist_ok=True)
    with open(Path(settings.BASE_DIR) / ".collectstatic.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _static_is_stale(settings):
            call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _reference_data(request) -> None:
    """Reload the reference data of data migrations, which a transactional test's flush removes. Applies to every
    test with database access: the `db`/`transactional_db` fixtures and the `django_db` marker (with or without
    transaction=True); which test ran before on the same worker does not matter."""
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or (marker is not None and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
    elif "db" in request.fixturenames or marker is not None:
        request.getfixturevalue("db")
    else:
        return
    ensure_reference_data()
    # The Instansi row is kept per process (apps/common/instansi.py): read it now, as an earlier request of a
    # running server has, so a test counts the queries of a warm process whatever ran before.
    instansi_cache.lupakan()
    instansi_cache.instansi_halaman()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory) -> None:
    """Uploaded files of a test go to a temporary folder, never into the project's media/."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


PERSONAS = ["anonim", "asn", "pimpinan", "kbk", "kepala", "monev", "sekda", "admin", "outsider"]


@dataclass
class World:
    """PD X with unit A (sub-unit A1) and unit B; PD Y with unit Y. One persona per role.

    - asn: an ASN of unit A; asn_a1: an ASN of sub-unit A1; asn_b: an ASN of unit B
    - pimpinan: head of unit A; kbk: KBK member of PD X (works in unit B); kepala: Kepala PD X
    - monev, sekda: kabupaten roles; admin: superuser
    - outsider: Kepala PD, KBK member and head of unit Y of PD Y at once (the strongest outsider)
    """

    pd_x: PerangkatDaerah
    pd_y: PerangkatDaerah
    unit_a: UnitKerja
    unit_a1: UnitKerja
    unit_b: UnitKerja
    unit_y: UnitKerja
    asn: Pegawai
    asn_a1: Pegawai
    asn_b: Pegawai
    asn_y: Pegawai
    pimpinan: Pegawai
    kbk: Pegawai
    kepala: Pegawai
    monev: Pegawai
    sekda: Pegawai
    admin: User
    outsider: Pegawai

    def user(self, persona: str) -> User | None:
        if persona == "anonim":
            return None
        if persona == "admin":
            return self.admin
        return getattr(self, persona).user


def build_world() -> World:
    pd_x = PerangkatDaerahFactory(kode="PDX", nama="Dinas Uji X")
    pd_y = PerangkatDaerahFactory(kode="PDY", nama="Dinas Uji Y")
    setda = PerangkatDaerahFactory(kode="SETDA", nama="Sekretariat Daerah", jenis="SEKRETARIAT")
    unit_a = UnitKerjaFactory(kode="X.A", nama="Bidang A", perangkat_daerah=pd_x)
    unit_a1 = UnitKerjaFactory(kode="X.A.1", nama="Seksi A1", perangkat_daerah=pd_x, induk=unit_a)
    unit_b = UnitKerjaFactory(kode="X.B", nama="Sekretariat X", perangkat_daerah=pd_x)
    unit_y = UnitKerjaFactory(kode="Y.A", nama="Bidang Y", perangkat_daerah=pd_y)
    unit_setda = UnitKerjaFactory(kode="S.A", nama="Bagian Organisasi", perangkat_daerah=setda)
    w = World(
        pd_x=pd_x,
        pd_y=pd_y,
        unit_a=unit_a,
        unit_a1=unit_a1,
        unit_b=unit_b,
        unit_y=unit_y,
        asn=PegawaiFactory(nama="Asn Unit A", unit_kerja=unit_a),
        asn_a1=PegawaiFactory(nama="Asn Seksi A1", unit_kerja=unit_a1),
        asn_b=PegawaiFactory(nama="Asn Unit B", unit_kerja=unit_b),
        asn_y=PegawaiFactory(nama="Asn Unit Y", unit_kerja=unit_y),
        pimpinan=PegawaiFactory(nama="Kepala Bidang A", unit_kerja=unit_a),
        kbk=PegawaiFactory(nama="Anggota KBK X", unit_kerja=unit_b),
        kepala=PegawaiFactory(nama="Kepala Dinas X", unit_kerja=unit_b),
        monev=PegawaiFactory(nama="Tim Monev", unit_kerja=unit_setda),
        sekda=PegawaiFactory(nama="Sekretaris Daerah", unit_kerja=unit_setda),
        admin=UserFactory(username="admin-uji", is_staff=True, is_superuser=True),
        outsider=PegawaiFactory(nama="Kepala Dinas Y", unit_kerja=unit_y),
    )
    J = Peran.Jenis
    PeranFactory(user=w.pimpinan.user, jenis=J.PIMPINAN_UNIT, unit_kerja=unit_a)
    PeranFactory(user=w.kbk.user, jenis=J.ANGGOTA_KBK, perangkat_daerah=pd_x)
    PeranFactory(user=w.kepala.user, jenis=J.KEPALA_PD, perangkat_daerah=pd_x)
    PeranFactory(user=w.monev.user, jenis=J.TIM_MONEV)
    PeranFactory(user=w.sekda.user, jenis=J.SEKDA)
    PeranFactory(user=w.outsider.user, jenis=J.KEPALA_PD, perangkat_daerah=pd_y)
    PeranFactory(user=w.outsider.user, jenis=J.ANGGOTA_KBK, perangkat_daerah=pd_y)
    PeranFactory(user=w.outsider.user, jenis=J.PIMPINAN_UNIT, unit_kerja=unit_y)
    return w


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


@pytest.fixture(scope="module")
def _world_of_module(request, django_db_setup, django_db_blocker):
    """One world per test module, built inside a transaction that is rolled back after the module's last test;
    each test's own transaction is a savepoint inside it. None for a module with a transactional test (its
    flush and its threads need committed rows), whose tests build their own world."""
    if any(_transactional(item) for item in request.session.items if item.module is request.module):
        yield None
        return
    from apps.common.reference import ensure_reference_data

    atomics = [(alias, transaction.atomic(using=alias)) for alias in connections]
    try:
        with django_db_blocker.unblock():  # only while building: the module's tests still need `db`
            for _alias, atomic in atomics:
                atomic.__enter__()
            ensure_reference_data()  # a transactional test before this module may have flushed it
            world = build_world()
        yield world
    finally:
        with django_db_blocker.unblock():
            for alias, atomic in reversed(atomics):
                transaction.set_rollback(True, using=alias)
                atomic.__exit__(None, None, None)


@pytest.fixture
def world(_world_of_module, db) -> World:
    """The personas' world. Built once per module: each test's rows are rolled back after it (savepoint), and
    the instances are copies, so a test that changes an instance in memory (or caches a Lingkup on a user)
    changes no other test."""
    if _world_of_module is None:
        return build_world()
    return copy.deepcopy(_world_of_module)


def kunci_sesi(user) -> str:
    """The key of a new logged-in session of `user`, to send as its cookie (the access matrix and the fuzz keep one
    per module; the browser tests hand one to Chromium)."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def client_as(client, world):
    """client_as("kbk") returns the test client logged in as that persona (anonymous for "anonim")."""

    def login(persona: str):
        client.logout()
        user = world.user(persona)
        if user is not None:
            client.force_login(user)
        return client

    return login


def chromium_path() -> str | None:
    """Debian's Chromium for the browser tests: its headless shell where installed, else the full browser.

    The shell (package chromium-headless-shell, Chromium's "old headless") renders the same Blink without the
    browser's UI processes and costs less CPU per test; CHROMIUM names another binary."""
    for name in (os.environ.get("CHROMIUM"), "chromium-headless-shell", "chromium"):
        if name and (path := shutil.which(name)):
            return path
    return None


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's own fixture (pytest_django/fixtures.py), except that each SQLite test database is a copy of
    the migrated one kept between runs (tests/migrasi_tersimpan.py) instead of migrated again. --nomigrations and
    --reuse-db behave as in pytest-django."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    from .migrasi_tersimpan import migrasi_tersimpan

    keepdb = django_db_keepdb and not django_db_createdb
    if not django_db_use_migrations:
        _disable_migrations()
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    tersimpan = migrasi_tersimpan() if django_db_use_migrations and not keepdb else contextlib.nullcontext()
    with django_db_blocker.unblock(), tersimpan:
        db_cfg = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
            keepdb=keepdb,
        )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(db_cfg, verbosity=request.config.option.verbose)


@pytest.fixture(scope="session", autouse=True)
def _transactional_teardown_from_the_migrated_copy():
    """After a transactional test (browser tests, concurrency tests) Django flushes every table and emits
    post_migrate, and the next test puts the reference data back (`_reference_data`): about 0.6 s a test. On SQLite
    the database becomes the migrated copy again instead (tests/migrasi_tersimpan.py, a page-by-page copy of a
    small file): the rows of the test are gone as after a flush, and the migrations' data is there already."""
    from django.test import TransactionTestCase

    from .migrasi_tersimpan import kembalikan

    flush = TransactionTestCase._fixture_teardown

    def teardown(self) -> None:
        aliases = self._databases_names(include_mirrors=False)
        if self.available_apps is not None or self.serialized_rollback or not all(map(kembalikan, aliases)):
            flush(self)

    TransactionTestCase._fixture_teardown = teardown
    yield
    TransactionTestCase._fixture_teardown = flush
