"""Backups that restore everything: the database and the private files together, with a manifest
(docs/operasi.md, «Cadangan dan pemulihan»).

A backup is one folder `kupang-<UTC time>/` holding
- `database.dump`: `pg_dump --format=custom` of one consistent snapshot: the row counts in the manifest are
  counted in the same snapshot (`pg_export_snapshot`), so they are the dump's counts even while people write;
- `berkas.tar`: every file under MEDIA_ROOT, taken after the snapshot (an upload in between is an extra file no
  record points at, never a record without its file);
- `manifest.json`: when, which commit, the count of every table, the SHA-256 and size of both parts, and the
  SHA-256 of every file in the archive. Written last: a folder without it is an unfinished backup.

`uji_pulih` restores a backup into a new database and a new folder and compares: checksums of both parts, every
table's count, every file's checksum, and that every file a record points at is there.

`buat` needs no Django: scripts/upgrade runs this file as a program (`python apps/common/cadangan.py FOLDER`, with
DATABASE_URL and MEDIA_ROOT from the environment), so a release whose manage.py has no `cadangan` command yet can
be backed up with the procedure of the release being installed.
"""

import contextlib
import datetime
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg2
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import FileField

FORMAT = 1
MANIFEST = "manifest.json"
DUMP = "database.dump"
ARSIP = "berkas.tar"
AWALAN = "kupang-"
# Temporary files of the app itself: the health check's probe and an upload being written.
_SEMENTARA = (".sehat-", ".unggah-")


class CadanganGagalError(Exception):
    """A backup or a restore drill that did not hold; the message says what differed."""


def _sha256_berkas(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _dsn(db: dict, name: str | None = None) -> str:
    parts = {
        "dbname": name or db["NAME"],
        "user": db.get("USER") or "",
        "password": db.get("PASSWORD") or "",
        "host": db.get("HOST") or "",
        "port": str(db.get("PORT") or ""),
    }
    return " ".join(f"{k}='{v}'" for k, v in parts.items() if v)


def _sambung(dsn: str):
    """A psycopg2 connection closed on leaving the block (psycopg2's own `with` only ends the transaction)."""
    return contextlib.closing(psycopg2.connect(dsn))


def _env_pg(db: dict) -> dict:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _args_pg(db: dict) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args


def _pastikan_postgresql(db: dict | None = None) -> dict:
    db = db or connection.settings_dict
    if "postgresql" not in db["ENGINE"]:
        raise CadanganGagalError(
            "Cadangan ini untuk PostgreSQL (DATABASE_URL=postgres://...); SQLite: salin berkasnya."
        )
    for alat in ("pg_dump", "pg_restore"):
        if shutil.which(alat) is None:
            raise CadanganGagalError(f"{alat} tidak ada: apt-get install -y postgresql-client")
    return db


def _hitung_tabel(cursor) -> dict[str, int]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    tabel = [row[0] for row in cursor.fetchall()]
    hasil = {}
    for nama in tabel:
        cursor.execute(f'SELECT count(*) FROM "{nama}"')
        hasil[nama] = cursor.fetchone()[0]
    return hasil


def _commit(repo: Path) -> str:
    try:
        done = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10)
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _berkas_media(media: Path) -> list[Path]:
    if not media.is_dir():
        return []
    return sorted(
        p for p in media.rglob("*") if p.is_file() and not p.is_symlink() and not p.name.startswith(_SEMENTARA)
    )


@dataclass
class Hasil:
    folder: Path
    tabel: int
    baris: int
    berkas: int
    byte_berkas: int
    detik: float


def buat(tujuan: Path, *, db: dict, media: Path, repo: Path) -> Hasil:
    """Write a backup folder under `tujuan` of the database `db` (Django's settings form), the files under `media`
    and the commit checked out in `repo`; returns what it holds. Side effects: one folder, nothing else."""
    mulai = time.monotonic()
    db = _pastikan_postgresql(db)
    media = Path(media)
    waktu = datetime.datetime.now(datetime.UTC)
    tujuan.mkdir(parents=True, exist_ok=True)
    folder = tujuan / f"{AWALAN}{waktu:%Y%m%dT%H%M%SZ}"
    sementara = Path(tempfile.mkdtemp(prefix=".sedang-", dir=tujuan))
    try:
        # One snapshot for the counts and the dump: the transaction stays open while pg_dump reads it.
        with _sambung(_dsn(db)) as snap:
            snap.set_session(isolation_level="REPEATABLE READ", readonly=True)
            with snap.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                jumlah = _hitung_tabel(cursor)
                subprocess.run(
                    ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
                    + _args_pg(db)
                    + ["--file", str(sementara / DUMP), db["NAME"]],
                    check=True,
                    env=_env_pg(db),
                    capture_output=True,
                )
            snap.rollback()
        daftar = {}
        byte_berkas = 0
        with tarfile.open(sementara / ARSIP, "w") as arsip:
            for path in _berkas_media(media):
                nama = path.relative_to(media).as_posix()
                try:
                    data = path.read_bytes()
                except FileNotFoundError:  # removed while the backup ran
                    continue
                info = arsip.gettarinfo(str(path), arcname=nama)
                info.size = len(data)
                arsip.addfile(info, io.BytesIO(data))
                daftar[nama] = hashlib.sha256(data).hexdigest()
                byte_berkas += len(data)
        manifest = {
            "format": FORMAT,
            "dibuat": waktu.isoformat(timespec="seconds"),
            "commit": _commit(repo),
            "database": {
                "nama": db["NAME"],
                "berkas": DUMP,
                "sha256": _sha256_berkas(sementara / DUMP),
                "ukuran": (sementara / DUMP).stat().st_size,
                "tabel": jumlah,
            },
            "media": {
                "berkas": ARSIP,
                "sha256": _sha256_berkas(sementara / ARSIP),
                "ukuran": (sementara / ARSIP).stat().st_size,
                "jumlah": len(daftar),
                "byte": byte_berkas,
                "isi": daftar,
            },
        }
        (sementara / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
        sementara.rename(folder)
    except BaseException:
        shutil.rmtree(sementara, ignore_errors=True)
        raise
    return Hasil(folder, len(jumlah), sum(jumlah.values()), len(daftar), byte_berkas, time.monotonic() - mulai)


def rotasi(tujuan: Path, simpan: int) -> list[Path]:
    """Keep the newest `simpan` complete backups in `tujuan`; remove older ones and unfinished leftovers."""
    lengkap = sorted(p for p in tujuan.glob(f"{AWALAN}*") if (p / MANIFEST).is_file())
    hapus = lengkap[:-simpan] if simpan > 0 else []
    hapus += [p for p in tujuan.glob(".sedang-*") if time.time() - p.stat().st_mtime > 24 * 3600]
    for path in hapus:
        shutil.rmtree(path)
    return hapus


def terbaru(tujuan: Path) -> Path:
    lengkap = sorted(p for p in tujuan.glob(f"{AWALAN}*") if (p / MANIFEST).is_file())
    if not lengkap:
        raise CadanganGagalError(f"Tidak ada cadangan lengkap di {tujuan}.")
    return lengkap[-1]


def baca_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise CadanganGagalError(f"{folder / MANIFEST} tidak terbaca: {exc}")
    if manifest.get("format") != FORMAT:
        raise CadanganGagalError(f"Format manifest {manifest.get('format')!r} tidak dikenal.")
    for bagian in ("database", "media"):
        path = folder / manifest[bagian]["berkas"]
        if not path.is_file() or _sha256_berkas(path) != manifest[bagian]["sha256"]:
            raise CadanganGagalError(f"{path.name}: checksum tidak sama dengan manifest (berkas rusak atau diubah).")
    return manifest


def _berkas_yang_dirujuk(cursor) -> list[str]:
    """Paths (relative to MEDIA_ROOT) of every file a record of the restored database points at."""
    media = Path(settings.MEDIA_ROOT).resolve()
    hasil = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, FileField):
                continue
            cursor.execute(f'SELECT "{field.column}" FROM "{model._meta.db_table}" WHERE "{field.column}" <> %s', [""])
            for (nama,) in cursor.fetchall():
                hasil.append(Path(field.storage.path(nama)).resolve().relative_to(media).as_posix())
    return sorted(hasil)


def _ekstrak(arsip: tarfile.TarFile, tujuan: Path) -> None:
    """Extract an archive of `buat`: regular files inside `tujuan` only. Python's "data" filter does the same
    where it exists (3.11.4+; Debian 12 has 3.11.2), so the members are checked here first in any case."""
    akar = tujuan.resolve()
    for anggota in arsip.getmembers():
        if not anggota.isfile() or not (akar / anggota.name).resolve().is_relative_to(akar):
            raise CadanganGagalError(f"Isi arsip tidak aman atau bukan berkas biasa: {anggota.name!r}")
    if hasattr(tarfile, "data_filter"):
        arsip.extractall(tujuan, filter="data")
    else:
        arsip.extractall(tujuan)  # noqa: S202 (every member checked above)


@dataclass
class HasilUji:
    tabel: int
    baris: int
    berkas: int
    dirujuk: int
    byte_berkas: int
    detik_pulih: float


def uji_pulih(folder: Path, *, simpan: bool = False) -> HasilUji:
    """Restore `folder` into a new database and a new temporary folder and compare with its manifest. Raises
    CadanganGagalError naming the first difference. The database and the folder are removed unless `simpan`."""
    db = _pastikan_postgresql()
    manifest = baca_manifest(folder)
    nama_uji = f"{db['NAME'][:40]}_uji_pulih_{os.getpid()}"
    media_uji = Path(tempfile.mkdtemp(prefix="kupang-uji-pulih-"))
    mulai = time.monotonic()
    with _sambung(_dsn(db, "postgres")) as admin:
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{nama_uji}"')
            cursor.execute(f'CREATE DATABASE "{nama_uji}"')
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
            + _args_pg(db)
            + ["--dbname", nama_uji, str(folder / DUMP)],
            check=True,
            env=_env_pg(db),
            capture_output=True,
        )
        with tarfile.open(folder / ARSIP) as arsip:
            _ekstrak(arsip, media_uji)
        detik = time.monotonic() - mulai
        with _sambung(_dsn(db, nama_uji)) as pulih, pulih.cursor() as cursor:
            jumlah = _hitung_tabel(cursor)
            dirujuk = _berkas_yang_dirujuk(cursor)
        if jumlah != manifest["database"]["tabel"]:
            beda = sorted(set(jumlah.items()).symmetric_difference(manifest["database"]["tabel"].items()), key=str)[:10]
            raise CadanganGagalError(f"Jumlah baris berbeda setelah pemulihan: {beda}")
        isi = {p.relative_to(media_uji).as_posix(): _sha256_berkas(p) for p in _berkas_media(media_uji)}
        if isi != manifest["media"]["isi"]:
            beda = sorted(set(isi.items()).symmetric_difference(manifest["media"]["isi"].items()))[:10]
            raise CadanganGagalError(f"Berkas berbeda setelah pemulihan: {beda}")
        hilang = [nama for nama in dirujuk if nama not in isi]
        if hilang:
            raise CadanganGagalError(
                f"{len(hilang)} berkas dirujuk database tetapi tidak ada di cadangan: {hilang[:5]}"
            )
        return HasilUji(
            len(jumlah), sum(jumlah.values()), len(isi), len(dirujuk), manifest["media"]["byte"], round(detik, 1)
        )
    finally:
        if not simpan:
            shutil.rmtree(media_uji, ignore_errors=True)
            with _sambung(_dsn(db, "postgres")) as admin:
                admin.autocommit = True
                with admin.cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{nama_uji}"')


def main(argv: list[str]) -> int:
    """`python apps/common/cadangan.py FOLDER`: `buat` from DATABASE_URL and MEDIA_ROOT, without Django settings."""
    if len(argv) != 2:
        print("Pakai: DATABASE_URL=... MEDIA_ROOT=... python apps/common/cadangan.py FOLDER", file=sys.stderr)
        return 2
    # Run from the app's folder (scripts/upgrade does): the commit and the default MEDIA_ROOT are read there.
    db = dj_database_url.parse(os.environ.get("DATABASE_URL", ""))
    media = Path(os.environ.get("MEDIA_ROOT") or Path.cwd() / "media")
    try:
        hasil = buat(Path(argv[1]), db=db, media=media, repo=Path.cwd())
    except CadanganGagalError as exc:
        print(f"GAGAL: {exc}", file=sys.stderr)
        return 1
    print(
        f"OK: {hasil.folder} ({hasil.tabel} tabel, {hasil.baris} baris, {hasil.berkas} berkas "
        f"{hasil.byte_berkas / 1e6:.1f} MB, {hasil.detik:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
