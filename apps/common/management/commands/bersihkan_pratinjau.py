"""`python manage.py bersihkan_pratinjau`: delete import preview files older than an hour (run hourly)."""

from django.core.management.base import BaseCommand

from apps.common.pratinjau import bersihkan


class Command(BaseCommand):
    help = "Hapus berkas pratinjau impor yang lebih tua dari satu jam."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{bersihkan()} berkas pratinjau dihapus.")
