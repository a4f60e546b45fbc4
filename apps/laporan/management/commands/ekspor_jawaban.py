from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.common.export import csv_text
from apps.laporan import ekspor
from apps.survei.models import Periode
from apps.survei.selectors import agregat_tersedia


class Command(BaseCommand):
    help = "Jawaban mentah anonim sebuah periode sebagai CSV UTF-8: perangkat_daerah,unit_kerja,p1..p35 (docs/keputusan.md, «Antarmuka yang tetap»)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--periode", required=True, help="Kode periode, mis. 2025")
        parser.add_argument("--output", required=True, help="Berkas CSV tujuan")

    def handle(self, *args, **options) -> None:
        periode = Periode.objects.filter(kode=options["periode"]).first()
        if periode is None:
            raise CommandError(f"Periode {options['periode']!r} tidak ditemukan.")
        if not agregat_tersedia(periode):
            raise CommandError(
                f"Periode {periode.kode} belum ditutup: jawabannya belum dapat diekspor (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»)."
            )
        rows = ekspor.rows(periode)
        Path(options["output"]).write_text(csv_text(ekspor.header(periode), rows), encoding="utf-8")
        self.stdout.write(f"{len(rows)} baris ditulis ke {options['output']}")
