"""The database as `seed_demo` leaves it, kept between test runs beside the migrated copy (tests/migrasi_tersimpan.py).

Seeding the demo costs about 10 s of CPU, most of it WeasyPrint laying out the documents the demo issues. The
browser tests (tests/browser/conftest.py), the demo's own tests (tests/test_demo.py) and the year of the demo
(tests/common/test_setahun.py) each start from a seeded demo. On SQLite the first of them to need one seeds it into
its migrated test database and keeps the result as a file, with the files the seed issued in a folder beside it;
the others, in this run and in the next ones, copy that file.

The name carries the migrated copy's hash (our code and packs, the settings, the installed distributions, the SQLite
version), and a variant: the templates, static files and translations the issued PDFs are rendered from, the pack,
the password and the date the seed ran on (the demo's periodes, deadlines and terms follow it), so a stale copy is
never used; copies of other code are removed. PostgreSQL seeds each time, as before.
"""

import fcntl
import functools
import hashlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from apps.common.reference import ensure_reference_data

from . import migrasi_tersimpan

AWALAN = "test-db-demo-"
# A copy nobody used for this long goes (one for each pack and date the tests seed on is in use at a time).
UMUR = 2 * 24 * 3600


@functools.cache
def _tampilan() -> str:
    """A hash of what the issued PDFs are rendered from besides code: templates/, static/ and locale/."""
    base = Path(settings.BASE_DIR)
    h = hashlib.sha256()
    files = [p for d in ("templates", "static", "locale") for p in (base / d).rglob("*") if p.is_file()]
    for path in sorted(files):
        h.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def seed(paket: str, password: str) -> None:
    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", password=password, paket=paket, stdout=devnull)


def berkas_media(salinan: Path) -> Path:
    """The folder of the files the seeded demo refers to (the stored PDFs of docs/keputusan.md, «Dokumen terbit»)."""
    return salinan.with_name(salinan.stem + "-media")


def salinan(paket: str, password: str) -> Path | None:
    """The kept demo database for `paket`, `password` and today's date (as the clock of the caller says), seeded
    now when there is none; None on PostgreSQL, where the caller seeds itself.

    Seeding uses this process's test database, which is the migrated copy again afterwards."""
    if connection.vendor != "sqlite" or migrasi_tersimpan.salinan_migrasi("default") is None:
        return None
    base = Path(settings.BASE_DIR)
    kode = migrasi_tersimpan.kunci()
    hari = timezone.localdate().isoformat()
    varian = hashlib.sha256(f"{_tampilan()}\0{paket}\0{password}\0{hari}".encode()).hexdigest()[:12]
    berkas = base / f"{AWALAN}{kode}-{varian}.sqlite3"
    with open(base / "test-db-demo.sqlite3.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _bersihkan(base, kode)
        if berkas.exists():
            berkas.touch()
            return berkas
        media = berkas_media(berkas)
        shutil.rmtree(media, ignore_errors=True)
        migrasi_tersimpan.kembalikan("default")
        try:
            with override_settings(MEDIA_ROOT=str(media)):
                seed(paket, password)
            connection.ensure_connection()
            sebagian = berkas.with_name(berkas.name + ".part")
            with closing(sqlite3.connect(sebagian)) as tujuan:
                connection.connection.backup(tujuan)
            sebagian.rename(berkas)
        finally:
            migrasi_tersimpan.kembalikan("default")
    return berkas


def muat(berkas: Path, media_root: str) -> None:
    """Make this process's test database the kept demo, and copy its files into `media_root`."""
    connection.ensure_connection()
    with closing(sqlite3.connect(berkas)) as asal:
        asal.backup(connection.connection)
    if berkas_media(berkas).exists():
        shutil.copytree(berkas_media(berkas), media_root, dirs_exist_ok=True)


@contextmanager
def terpasang(paket: str, password: str) -> Iterator[None]:
    """For a module's tests: this process's test database holds the seeded demo inside a transaction that is rolled
    back at the end. On SQLite the kept copy is loaded (and the migrated copy is back afterwards); on PostgreSQL the
    demo is seeded inside the transaction. Files go to MEDIA_ROOT as it is set when this is entered."""
    berkas = salinan(paket, password)
    if berkas is not None:
        muat(berkas, settings.MEDIA_ROOT)
    atomic = transaction.atomic()
    atomic.__enter__()
    try:
        if berkas is None:
            ensure_reference_data()
            seed(paket, password)
        yield
    finally:
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        if berkas is not None:
            migrasi_tersimpan.kembalikan("default")


def _bersihkan(base: Path, kode: str) -> None:
    batas = time.time() - UMUR
    for lama in base.glob(f"{AWALAN}*.sqlite3"):
        if not lama.name.startswith(f"{AWALAN}{kode}-") or lama.stat().st_mtime < batas:
            lama.unlink(missing_ok=True)
            shutil.rmtree(berkas_media(lama), ignore_errors=True)
