"""`python manage.py retensi_data [--tanggal YYYY-MM-DD]`: the retention rules of docs/pdp.md as of a day (the
same step `kerja_harian` runs daily)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from apps.pdp.retensi import retensi_jalankan


class Command(BaseCommand):
    help = "Terapkan aturan retensi data pribadi (docs/pdp.md)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--tanggal", help="YYYY-MM-DD (bawaan: hari ini, WITA)")

    def handle(self, *args, **options) -> None:
        try:
            hari = datetime.date.fromisoformat(options["tanggal"]) if options["tanggal"] else timezone.localdate()
        except ValueError:
            raise CommandError("--tanggal harus YYYY-MM-DD")
        for kunci, jumlah in retensi_jalankan(hari).items():
            self.stdout.write(f"{kunci}: {jumlah}")
