from django.core.management.base import BaseCommand

from apps.survei.pemberitahuan import beri_tahu_periode_akan_tutup


class Command(BaseCommand):
    help = "Beri tahu ASN yang belum mengirim Formulir 1 bahwa periode segera ditutup (jalankan sekali sehari)."

    def handle(self, *args, **options) -> None:
        n = beri_tahu_periode_akan_tutup()
        self.stdout.write(f"{n} pemberitahuan dibuat")
