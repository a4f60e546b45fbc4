"""`python manage.py cadangan FOLDER [--simpan N]`: back up the database and the private files together, with a
manifest (apps/common/cadangan.py, docs/operasi.md «Cadangan dan pemulihan»); keep the newest N backups."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from apps.common import cadangan


class Command(BaseCommand):
    help = "Cadangkan database dan berkas privat (MEDIA_ROOT) dengan manifest; simpan N cadangan terbaru."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--simpan", type=int, default=0, help="simpan N cadangan terbaru (0: jangan hapus)")

    def handle(self, *args, folder: Path, simpan: int, **options):
        try:
            hasil = cadangan.buat(
                folder, db=connection.settings_dict, media=Path(settings.MEDIA_ROOT), repo=Path(settings.BASE_DIR)
            )
        except cadangan.CadanganGagalError as exc:
            raise CommandError(str(exc))
        self.stdout.write(
            f"OK: {hasil.folder} ({hasil.tabel} tabel, {hasil.baris} baris, {hasil.berkas} berkas "
            f"{hasil.byte_berkas / 1e6:.1f} MB, {hasil.detik:.1f} s)"
        )
        for path in cadangan.rotasi(folder, simpan):
            self.stdout.write(f"dihapus (rotasi): {path}")
