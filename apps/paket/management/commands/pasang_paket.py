"""`manage.py pasang_paket <paket> [--terapkan]` (docs/paket.md): the dry run prints what would change; with
--terapkan the pack is installed in one transaction and a history row is written."""

from django.core.management.base import BaseCommand, CommandError

from apps.paket.muat import PaketTidakSahError, baca
from apps.paket.pasang import rencanakan, terapkan


class Command(BaseCommand):
    help = "Pasang atau perbarui paket pemda (paket/<kode>/). Tanpa --terapkan: hanya menampilkan perubahan."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paket", help="Kode paket (folder di paket/) atau jalur foldernya.")
        parser.add_argument("--terapkan", action="store_true", help="Tulis perubahan (tanpa ini: uji kering).")
        parser.add_argument("--oleh", default="", help="Nama pemasang untuk riwayat (bawaan: pengguna sistem).")

    def handle(self, *args, **options) -> None:
        try:
            paket = baca(options["paket"])
            rencana = rencanakan(paket)
            for baris in rencana.baris():
                self.stdout.write(baris)
            if rencana.kesalahan():
                raise PaketTidakSahError(rencana.kesalahan())
            if not options["terapkan"]:
                self.stdout.write("Uji kering: tidak ada yang ditulis. Jalankan lagi dengan --terapkan untuk memasang.")
                return
            riwayat = terapkan(paket, oleh=options["oleh"])
        except PaketTidakSahError as exc:
            raise CommandError("Paket tidak dapat dipasang:\n- " + "\n- ".join(exc.kesalahan)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Paket {riwayat.kode} {riwayat.versi} terpasang (riwayat #{riwayat.pk}).")
        )
