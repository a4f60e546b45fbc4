"""`python manage.py uji_pulih FOLDER [--simpan]`: the restore drill. Restores a backup (FOLDER itself, or the
newest backup inside it) into a new database and a new folder, compares counts, checksums and the files that
records point at with its manifest, and removes both (apps/common/cadangan.py). Exit 1 when anything differs."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.common import cadangan


class Command(BaseCommand):
    help = "Uji pemulihan: pulihkan cadangan ke database dan folder baru, bandingkan dengan manifest."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="folder satu cadangan, atau folder cadangan (yang terbaru)")
        parser.add_argument("--simpan", action="store_true", help="jangan hapus database dan folder uji")

    def handle(self, *args, folder: Path, simpan: bool, **options):
        try:
            if not (folder / cadangan.MANIFEST).exists():
                folder = cadangan.terbaru(folder)
            hasil = cadangan.uji_pulih(folder, simpan=simpan)
        except cadangan.CadanganGagalError as exc:
            raise CommandError(f"GAGAL: {exc}")
        self.stdout.write(
            f"OK: {folder.name} dipulihkan dalam {hasil.detik_pulih} s; {hasil.tabel} tabel dan {hasil.baris} baris "
            f"sama, {hasil.berkas} berkas ({hasil.byte_berkas / 1e6:.1f} MB) sama, {hasil.dirujuk} berkas yang "
            "dirujuk database ada"
        )
