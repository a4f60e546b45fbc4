"""`python manage.py import_pegawai PATH [--dry-run]` (docs/keputusan.md, «Antarmuka yang tetap»): the admin's import, from a shell."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.common.uploads import MAX_UPLOAD_BYTES, baca_tabel
from apps.organisasi.resources import PegawaiResource, galat_baris, impor, jumlah_galat, ringkasan


class Command(BaseCommand):
    help = "Impor pegawai dari XLSX atau CSV (upsert menurut NIP; semua baris atau tidak sama sekali)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="berkas .xlsx atau .csv")
        parser.add_argument("--dry-run", action="store_true", help="periksa saja, tidak menyimpan apa pun")

    def handle(self, *args, path: str, dry_run: bool, **options) -> None:
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {path}")
        if file.stat().st_size > MAX_UPLOAD_BYTES:
            raise CommandError(f"Berkas terlalu besar; paling besar {MAX_UPLOAD_BYTES // 1024 // 1024} MB.")
        try:
            dataset = baca_tabel(file.name, file.read_bytes())
        except ValidationError as exc:
            raise CommandError("Berkas ditolak: " + " ".join(exc.messages))
        result = impor(PegawaiResource, dataset, dry_run=dry_run, file_name=file.name)
        for error in result.base_errors:
            self.stderr.write(f"Berkas ditolak: {error.error}")
        problems = galat_baris(result)
        for row, column, reason in problems:
            self.stderr.write(f"Baris {row}, kolom {column}: {reason}")
        total = jumlah_galat(result) if problems else 0
        if total > len(problems):
            self.stderr.write(f"dan {total - len(problems)} masalah lain")
        if result.base_errors or problems:
            raise CommandError(f"Berkas ditolak: {total} masalah; tidak ada data yang disimpan.")
        counts = ringkasan(result)
        prefix = "Uji coba (tidak disimpan)" if dry_run else "Selesai"
        self.stdout.write(
            f"{prefix}: {counts['baru']} baru, {counts['diperbarui']} diperbarui, "
            f"{counts['tidak_berubah']} tidak berubah."
        )
