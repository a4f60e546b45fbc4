"""The backup and restore drill at the size of the first pemda: 7,000 ASN (README, «Cadangan»).

    createdb -h 127.0.0.1 -U postgres kupang_cadangan
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_cadangan .venv/bin/python bench/cadangan.py

Builds (or reuses) the demo data (`seed_demo`) plus a synthetic kabupaten of 7,000 more ASN, each with a submitted
Formulir 1 of 35 answers in a closed periode (bench/laporan.py's generator), and --berkas evidence files of
--kb KB each under MEDIA_ROOT/privat (default 400 files of 250 KB: 100 MB, about what a year of progress reports
and forum files holds). Then times `manage.py cadangan` and `manage.py uji_pulih` and prints one table row.
Do not point it at a production database.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kupang_cadangan")
os.environ.setdefault("MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "kupang-cadangan-media"))
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "k" * 40)

import laporan  # noqa: E402  (django.setup() and the synthetic kabupaten)
from _produksi import uptime  # noqa: E402
from django.core.management import call_command  # noqa: E402

ASN = 7000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--berkas", type=int, default=400)
    parser.add_argument("--kb", type=int, default=250)
    args = parser.parse_args()
    from django.conf import settings

    from apps.akun.models import User
    from apps.common.reference import ensure_reference_data

    call_command("migrate", verbosity=0)
    ensure_reference_data()
    if not User.objects.filter(username="admin").exists():
        call_command("seed_demo", stdout=open(os.devnull, "w"))
    instrumen, units, _sekda = laporan.kabupaten()
    laporan.generate(ASN, instrumen, units)
    folder = Path(settings.MEDIA_ROOT) / "privat" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    blok = os.urandom(args.kb * 1024)
    for i in range(args.berkas):
        path = folder / f"{i:05d}.pdf"
        if not path.exists():
            path.write_bytes(b"%PDF-1.4\n" + str(i).encode() + blok)

    tujuan = Path(tempfile.mkdtemp(prefix="kupang-cadangan-bench-"))
    beban = uptime()
    t0 = time.perf_counter()
    call_command("cadangan", str(tujuan), stdout=sys.stderr)
    t_cadangan = time.perf_counter() - t0
    t0 = time.perf_counter()
    call_command("uji_pulih", str(tujuan), stdout=sys.stderr)
    t_uji = time.perf_counter() - t0
    cadangan = next(tujuan.iterdir())
    ukuran = sum(p.stat().st_size for p in cadangan.iterdir()) / 1e6
    from apps.organisasi.models import Pegawai
    from apps.survei.models import Jawaban

    print(
        f"| {Pegawai.objects.count():,} ASN, {Jawaban.objects.count():,} jawaban, {args.berkas} berkas "
        f"({args.berkas * args.kb / 1000:.0f} MB) | {ukuran:.0f} MB | {t_cadangan:.1f} s | {t_uji:.1f} s | {beban} |"
    )


if __name__ == "__main__":
    main()
