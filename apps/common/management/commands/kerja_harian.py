"""`python manage.py kerja_harian [--tanggal YYYY-MM-DD]` (docs/keputusan.md «Antarmuka yang tetap»): the day's scheduled work, idempotent per day.
deploy/kupang-budaya-harian.timer runs it every morning; `--tanggal` runs it as of another day (tests, catching up
after downtime). The steps are apps/common/harian.py LANGKAH."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from apps.common.harian import jalankan


class Command(BaseCommand):
    help = "Kerja harian: pengingat, laporan dan tindak lanjut jatuh tempo/terlambat, masa SK, pembersihan."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--tanggal", help="Jalankan untuk tanggal lain (YYYY-MM-DD); bawaan: hari ini (WITA).")

    def handle(self, *args, **options) -> None:
        if options["tanggal"]:
            try:
                hari = datetime.date.fromisoformat(options["tanggal"])
            except ValueError as exc:
                raise CommandError(f"--tanggal harus YYYY-MM-DD, bukan {options['tanggal']!r}") from exc
        else:
            hari = timezone.localdate()
        for nama, hasil in jalankan(hari):
            if hasil is None:
                self.stdout.write(f"{hari} {nama}: sudah dijalankan hari ini")
            else:
                isi = ", ".join(f"{k}={v}" for k, v in hasil.items()) or "-"
                self.stdout.write(f"{hari} {nama}: {isi}")
