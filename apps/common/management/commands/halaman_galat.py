"""`python manage.py halaman_galat FOLDER`: write the 502, 503 and 504 pages that nginx serves when gunicorn cannot
answer (docs/operasi.md, «Halaman galat nginx»), with the app name of this instance's pack (Instansi.nama_aplikasi).
scripts/upgrade writes them after every migrate; `--nama` names the app without reading the database."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template import Context, Engine

from apps.common.models import Instansi

HALAMAN = {
    502: (
        "Aplikasi sedang dimulai ulang",
        "Server aplikasi tidak menjawab saat ini. Biasanya ini hanya beberapa detik, misalnya saat aplikasi dimulai "
        "ulang.",
    ),
    503: (
        "Sedang pemeliharaan",
        "Aplikasi sedang diperbarui atau dipelihara oleh Diskominfo. Isian yang sudah tersimpan tetap aman.",
    ),
    504: (
        "Server terlalu lama menjawab",
        "Permintaan ini tidak selesai dalam batas waktu. Isian yang baru dikirim mungkin sudah atau belum tersimpan: "
        "buka lagi halamannya untuk memeriksa sebelum mengirim ulang.",
    ),
}


# Not under templates/: a page nginx serves by itself, so its style is inline (the app's pages have none: CSP).
TEMPLAT = Path(settings.BASE_DIR) / "deploy" / "nginx" / "galat" / "halaman.html"


def tulis(folder: Path, nama_aplikasi: str) -> list[Path]:
    """Each page into `folder` (made if missing), replaced atomically so that nginx never serves half a file."""
    folder.mkdir(parents=True, exist_ok=True)
    templat = Engine.get_default().from_string(TEMPLAT.read_text(encoding="utf-8"))
    ditulis = []
    for kode, (judul, isi) in HALAMAN.items():
        html = templat.render(Context({"kode": kode, "judul": judul, "isi": isi, "nama_aplikasi": nama_aplikasi}))
        tujuan = folder / f"{kode}.html"
        sementara = tujuan.with_suffix(".html.baru")
        sementara.write_text(html, encoding="utf-8")
        sementara.chmod(0o644)
        sementara.replace(tujuan)
        ditulis.append(tujuan)
    return ditulis


class Command(BaseCommand):
    help = "Tulis halaman galat 502, 503 dan 504 untuk nginx dengan nama aplikasi paket pemda ini."

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", help="Folder tujuan, mis. /srv/kupang-budaya/galat (lihat konfigurasi nginx).")
        parser.add_argument("--nama", help="Nama aplikasi yang ditulis (bawaan: dari baris Instansi di database).")

    def handle(self, *args, folder: str, nama: str | None, **options) -> None:
        nama_aplikasi = nama or Instansi.aktif().nama_aplikasi
        for berkas in tulis(Path(folder), nama_aplikasi):
            self.stdout.write(f"{berkas} ditulis ({nama_aplikasi}).")
