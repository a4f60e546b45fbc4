"""The migrated SQLite test database, kept between test runs (tests/conftest.py, `django_db_setup`).

Migrating an empty database costs each pytest-xdist worker about 10 s of CPU, nearly all of it Django building the
migration states, not SQL. On SQLite the first worker of a run that finds no kept copy migrates as before and keeps
the result as a file; every other worker, in this run and the next ones, copies that file instead of migrating.

The file's name carries a hash of everything a migration's result can depend on: our code and packs (the
migrations, the data migrations and the modules they import), the settings, the installed distributions and the
SQLite version. A change to any of them is a new name, so a stale copy is never used; older copies are removed.
PostgreSQL migrates as before. The tests of the migrations themselves (tests/paket/) still migrate for real.
"""

import fcntl
import functools
import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from importlib import metadata
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core import management
from django.db import connections

AWALAN = "test-db-migrasi-"
# alias -> the kept copy its test database was made from, in this process
_SALINAN: dict[str, Path] = {}


@functools.cache
def kunci() -> str:
    """The hash in the kept copy's name (also in the kept demo's: tests/demo_tersimpan.py)."""
    base = Path(settings.BASE_DIR)
    h = hashlib.sha256()
    files = [*base.glob("apps/**/*.py"), *base.glob("paket/**/*"), *base.glob("kupang_budaya/*.py")]
    for path in sorted(p for p in files if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    for name, version in sorted((d.metadata["Name"] or "", d.version) for d in metadata.distributions()):
        h.update(f"{name}=={version}\n".encode())
    h.update(f"sqlite {sqlite3.sqlite_version}\n{sorted(settings.INSTALLED_APPS)}".encode())
    return h.hexdigest()[:16]


def _salin(asal, tujuan) -> None:
    """Copy one SQLite database into another through SQLite's backup API (a consistent copy, page by page)."""
    asal.backup(tujuan)


@contextmanager
def migrasi_tersimpan() -> Iterator[None]:
    """While the test databases are created: each SQLite alias's `migrate` is a copy of the kept database, made
    first by migrating when there is none (under a lock: the workers of one run migrate once between them)."""
    base = Path(settings.BASE_DIR)
    asli = management.call_command

    def call_command(name, *args, **options):
        alias = options.get("database", "default")
        if name != "migrate" or connections[alias].vendor != "sqlite":
            return asli(name, *args, **options)
        connection = connections[alias]
        simpanan = base / f"{AWALAN}{kunci()}.sqlite3"
        with open(base / "test-db-migrasi.sqlite3.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            connection.ensure_connection()
            if simpanan.exists():
                with closing(sqlite3.connect(simpanan)) as asal:
                    _salin(asal, connection.connection)
                _SALINAN[alias] = simpanan
                return None
            hasil = asli(name, *args, **options)
            connection.ensure_connection()
            sebagian = simpanan.with_name(simpanan.name + ".part")
            with closing(sqlite3.connect(sebagian)) as tujuan:
                _salin(connection.connection, tujuan)
            sebagian.rename(simpanan)
            _SALINAN[alias] = simpanan
            for lama in base.glob(f"{AWALAN}*.sqlite3"):
                if lama != simpanan:
                    lama.unlink(missing_ok=True)
            return hasil

    with mock.patch.object(management, "call_command", call_command):
        yield


def salinan_migrasi(alias: str) -> Path | None:
    """The kept copy the test database of `alias` was made from, in this process (None: not made from one)."""
    simpanan = _SALINAN.get(alias)
    return simpanan if simpanan is not None and simpanan.exists() else None


def kembalikan(alias: str) -> bool:
    """Make the test database of `alias` the migrated copy again (all rows of the tests gone, the migrations' data
    there); False when it was not made from one (PostgreSQL, --nomigrations, --reuse-db)."""
    simpanan = salinan_migrasi(alias)
    if simpanan is None:
        return False
    connection = connections[alias]
    connection.ensure_connection()
    with closing(sqlite3.connect(simpanan)) as asal:
        _salin(asal, connection.connection)
    return True
