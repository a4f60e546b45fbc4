"""`manage.py cadangan` and `manage.py uji_pulih` on PostgreSQL (apps/common/cadangan.py, docs/operasi.md
«Cadangan dan pemulihan»): the database and the private files together with a manifest, restored into a new
database and folder and compared; a damaged archive and a record whose file is missing are refused."""

import datetime
import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from apps.akun.models import User
from apps.common import cadangan
from apps.forum.models import LampiranPertemuan, Pertemuan

PDF = b"%PDF-1.4\n% cadangan\n%%EOF\n"


@pytest.fixture
def pg(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (DATABASE_URL=postgres://...)")
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump tidak terpasang (apt-get install -y postgresql-client)")


def _lampiran(isi: bytes) -> LampiranPertemuan:
    user = User.objects.get_or_create(username="pencatat")[0]
    pertemuan = Pertemuan.objects.create(
        tanggal=datetime.date(2026, 11, 2), topik="Forum", fasilitator="Tim Monev", catatan="-", dicatat_oleh=user
    )
    lampiran = LampiranPertemuan(
        pertemuan=pertemuan, nama_asli="n.pdf", content_type="application/pdf", ukuran=len(isi), diunggah_oleh=user
    )
    lampiran.berkas.save("n.pdf", ContentFile(isi), save=False)
    lampiran.save()
    return lampiran


def _jalankan(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_backup_and_restore_drill_compare_rows_files_and_references(pg, tmp_path, settings):
    lampiran = _lampiran(PDF)
    (Path(settings.MEDIA_ROOT) / "privat" / ".sehat-1-abc").write_bytes(b"sementara")  # never backed up

    keluar = _jalankan("cadangan", str(tmp_path / "cadangan"), "--simpan", "1")
    folder = next((tmp_path / "cadangan").iterdir())
    manifest = json.loads((folder / "manifest.json").read_text())
    assert keluar.startswith(f"OK: {folder} (")
    assert sorted(p.name for p in folder.iterdir()) == ["berkas.tar", "database.dump", "manifest.json"]
    assert manifest["media"]["isi"] == {lampiran.berkas.name: hashlib.sha256(PDF).hexdigest()}
    assert manifest["media"]["jumlah"] == 1
    assert manifest["database"]["tabel"]["forum_lampiranpertemuan"] == 1
    assert manifest["database"]["tabel"]["akun_user"] == User.objects.count()

    hasil = _jalankan("uji_pulih", str(tmp_path / "cadangan"))
    assert hasil.startswith(f"OK: {folder.name} dipulihkan dalam ")
    assert hasil.endswith(" 1 berkas (0.0 MB) sama, 1 berkas yang dirujuk database ada\n")


def test_the_restore_drill_refuses_a_damaged_archive(pg, tmp_path):
    _lampiran(PDF)
    _jalankan("cadangan", str(tmp_path))
    folder = next(tmp_path.iterdir())
    with open(folder / "berkas.tar", "r+b") as arsip:
        arsip.seek(600)
        arsip.write(b"X")
    with pytest.raises(CommandError) as exc:
        _jalankan("uji_pulih", str(folder))
    assert str(exc.value) == ("GAGAL: berkas.tar: checksum tidak sama dengan manifest (berkas rusak atau diubah).")


def test_the_restore_drill_refuses_a_record_whose_file_is_missing(pg, tmp_path):
    lampiran = _lampiran(PDF)
    Path(lampiran.berkas.path).unlink()
    _jalankan("cadangan", str(tmp_path))
    with pytest.raises(CommandError) as exc:
        _jalankan("uji_pulih", str(tmp_path))
    assert str(exc.value) == (
        f"GAGAL: 1 berkas dirujuk database tetapi tidak ada di cadangan: ['{lampiran.berkas.name}']"
    )


def test_rotation_keeps_the_newest_complete_backups(pg, tmp_path):
    for nama in ("kupang-20260101T000000Z", "kupang-20260102T000000Z"):
        (tmp_path / nama).mkdir()
        (tmp_path / nama / "manifest.json").write_text("{}")
    (tmp_path / "kupang-20260103T000000Z").mkdir()  # unfinished: no manifest, left alone
    keluar = _jalankan("cadangan", str(tmp_path), "--simpan", "2")
    assert keluar.splitlines()[1:] == [f"dihapus (rotasi): {tmp_path / 'kupang-20260101T000000Z'}"]
    assert len([p for p in tmp_path.iterdir() if (p / "manifest.json").exists()]) == 2


@pytest.mark.parametrize("nama", ["../keluar.pdf", "/etc/kupang.pdf"])
def test_extraction_refuses_a_member_outside_the_folder(tmp_path, nama):
    path = tmp_path / "a.tar"
    with tarfile.open(path, "w") as arsip:
        info = tarfile.TarInfo(nama)
        info.size = 3
        arsip.addfile(info, io.BytesIO(b"abc"))
    tujuan = tmp_path / "pulih"
    tujuan.mkdir()
    with tarfile.open(path) as arsip, pytest.raises(cadangan.CadanganGagalError) as exc:
        cadangan._ekstrak(arsip, tujuan)
    assert str(exc.value) == f"Isi arsip tidak aman atau bukan berkas biasa: {nama!r}"
    assert list(tujuan.iterdir()) == []
