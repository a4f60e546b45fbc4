"""python manage.py laporan_evaluasi --periode KODE [--perangkat-daerah KODE] --format pdf|xlsx|html --output PATH
(docs/keputusan.md, «Antarmuka yang tetap»)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string

from apps.laporan import render, terbit
from apps.laporan.services import laporan_lengkap
from apps.organisasi.models import PerangkatDaerah
from apps.survei.models import Periode


class Command(BaseCommand):
    help = "Tulis Laporan Evaluasi (konsolidasi, atau satu perangkat daerah) sebagai PDF, XLSX atau HTML."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--periode", required=True, help="Kode periode, misalnya 2025.")
        parser.add_argument("--perangkat-daerah", dest="pd", help="Kode perangkat daerah; tanpa ini: konsolidasi.")
        parser.add_argument("--format", required=True, choices=["pdf", "xlsx", "html"])
        parser.add_argument("--output", required=True, help="Berkas tujuan.")

    def handle(self, *args, **options) -> None:
        periode = Periode.objects.exclude(status=Periode.Status.DRAFT).filter(kode=options["periode"]).first()
        if periode is None:
            raise CommandError(f"Periode {options['periode']!r} tidak ada (atau masih draf).")
        pd = None
        if options["pd"]:
            pd = PerangkatDaerah.objects.filter(kode=options["pd"]).first()
            if pd is None:
                raise CommandError(f"Perangkat daerah {options['pd']!r} tidak ada.")
        lengkap = laporan_lengkap(periode, pd)
        laporan = lengkap["laporan"]
        if not laporan.agregat:
            raise CommandError(f"Periode {periode.kode} belum ditutup: agregat baru tersedia setelah ditutup.")
        fmt = options["format"]
        dokumen = terbit.laporan_final_pdf(periode, pd) if fmt == "pdf" else None
        if dokumen is not None:  # a FINAL report: the issued bytes (docs/keputusan.md, «Dokumen terbit»)
            data = dokumen.isi()
        elif fmt == "pdf":
            data = render.pdf_bytes(**lengkap)
        elif fmt == "xlsx":
            data = render.xlsx(**lengkap)
        else:
            data = render_to_string("laporan/pdf/laporan.html", render.konteks(**lengkap)).encode()
        output = Path(options["output"])
        output.write_bytes(data)
        self.stdout.write(f"{output} ({len(data)} bytes): {laporan.instansi}, periode {periode.kode}")
