"""Time and peak memory of the SIASN import: parse + dry-run diff, then apply, of a SIASN-shaped file of N rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_siasn .venv/bin/python bench/siasn.py [--rows 20000]
    ... bench/siasn.py --rows 7000 --mutasi 50 --keluar 10   # 7,000 ASN, 50 transfers, 10 leavers
    .venv/bin/python bench/siasn.py --rows 20000             # SQLite file in a temporary folder

The parent writes the XLSX (tests/organisasi/siasn_data.py: 15 columns as BKN exports them, 100 units of 20 PDs
that share unit names) and prepares the database (migrate, the units, an admin). Each measured step runs in a
fresh child process, as one gunicorn worker would: (1) parse + diff of the file against an empty registry,
(2) apply it (it reads and compares again under lock, then writes N pegawai with history), (3) parse + diff of a
second file with 1% transfers and 0.1% leavers (--mutasi, --keluar), (4) apply that. Each child prints wall time, CPU time and its
peak RSS (VmHWM); with BENCH_TRACEMALLOC=1 also the tracemalloc peak of Python allocations (which then slows the
step several times over, so its times do not count). Targets (issue "Any pemda can run it", item
3): 20,000 rows in at most 20 s and 250 MB. The benchmark's rows are removed afterwards. Do not point it at a
production database. Record `uptime` with the figures: the machine is shared.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from _proses import peak_rss_mb, setup_django

AWALAN = "BSIASN"


def child(langkah: str, path: str) -> None:
    setup_django()
    from apps.akun.models import User
    from apps.organisasi import services, siasn

    data = Path(path).read_bytes()
    admin = User.objects.get(username="bench-siasn")
    rss_awal = peak_rss_mb()
    # tracemalloc slows every allocation several times over: only when asked (BENCH_TRACEMALLOC=1), and then the
    # times printed are not the step's times.
    jejak = os.environ.get("BENCH_TRACEMALLOC") == "1"
    if jejak:
        tracemalloc.start()
    cpu, mulai = time.process_time(), time.perf_counter()
    bacaan = siasn.baca(path, data, services.pemetaan_siasn().kolom)
    selisih = siasn.bandingkan(bacaan, hashlib.sha256(data).hexdigest())
    if langkah == "terapkan":
        services.impor_siasn_terapkan(Path(path).name, data, digest=selisih.digest, aktor=admin)
    detik, cpu = time.perf_counter() - mulai, time.process_time() - cpu
    puncak = tracemalloc.get_traced_memory()[1] if jejak else None
    if jejak:
        tracemalloc.stop()
    print(
        json.dumps(
            {
                "langkah": langkah,
                "jumlah": selisih.jumlah(),
                "detik": round(detik, 2),
                "cpu_detik": round(cpu, 2),
                "tracemalloc_puncak_mb": None if puncak is None else round(puncak / 1024 / 1024),
                "rss_awal_mb": rss_awal,
                "rss_puncak_mb": peak_rss_mb(),
            }
        )
    )


def _bersihkan() -> None:
    """Remove what a run of this bench wrote (also what an interrupted run left)."""
    from apps.organisasi.models import ImporSiasn, Pegawai, PerangkatDaerah, RiwayatUnit, UnitKerja

    ids = list(Pegawai.objects.filter(unit_kerja__kode__startswith=AWALAN).values_list("pk", flat=True))
    # History rows are append-only in the app; a bench removes its own with a raw delete.
    RiwayatUnit.objects.filter(pegawai_id__in=ids)._raw_delete(RiwayatUnit.objects.db)
    Pegawai.history.filter(id__in=ids).delete()
    Pegawai.objects.filter(pk__in=ids).delete()
    ImporSiasn.objects.filter(oleh__username="bench-siasn")._raw_delete(ImporSiasn.objects.db)
    UnitKerja.objects.filter(kode__startswith=AWALAN).delete()
    PerangkatDaerah.objects.filter(kode__startswith=AWALAN).delete()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--mutasi", type=int, help="transfers in the second file (default: 1%% of the rows)")
    parser.add_argument("--keluar", type=int, help="leavers in the second file (default: 0.1%% of the rows)")
    args = parser.parse_args()
    mutasi = args.rows // 100 if args.mutasi is None else args.mutasi
    keluar = args.rows // 1000 if args.keluar is None else args.keluar
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
        setup_django()
        from django.core.management import call_command
        from django.db import connection

        from apps.akun.models import User
        from apps.organisasi.models import ImporSiasn, Pegawai
        from tests.organisasi.siasn_data import HEADER, siapkan_unit, siasn_rows, xlsx_bytes

        call_command("migrate", verbosity=0)
        _bersihkan()
        if Pegawai.objects.exists() or ImporSiasn.objects.exists():
            sys.exit("Basis data ini sudah berisi pegawai atau impor SIASN: pakai basis data bench yang kosong.")
        User.objects.filter(username="bench-siasn").exists() or User.objects.create_superuser(
            "bench-siasn", password="bench-siasn-2026"
        )
        units = siapkan_unit(20, awalan=AWALAN)
        rows = siasn_rows(args.rows, units)
        pertama = Path(tmp) / "siasn-1.xlsx"
        pertama.write_bytes(xlsx_bytes(rows))
        # The second export: `mutasi` rows moved to a unit of the same name in another PD, `keluar` rows gone.
        induk = HEADER.index("UNOR INDUK NAMA")
        pd_nama = [u.perangkat_daerah.nama for u in units]
        for n, row in enumerate(rows[1000 : 1000 + mutasi]):
            row[induk] = pd_nama[(pd_nama.index(row[induk]) + 5 * (n % 3 + 1)) % len(pd_nama)]
        del rows[500 : 500 + keluar]
        kedua = Path(tmp) / "siasn-2.xlsx"
        kedua.write_bytes(xlsx_bytes(rows))
        print(
            f"{connection.vendor}: {args.rows} baris; berkas {pertama.stat().st_size / 1024 / 1024:.1f} MB; "
            f"load {os.getloadavg()[0]:.2f}"
        )
        try:
            for langkah, path in [
                ("pratinjau", pertama),
                ("terapkan", pertama),
                ("pratinjau", kedua),
                ("terapkan", kedua),
            ]:
                load = os.getloadavg()[0]
                done = subprocess.run(
                    [sys.executable, __file__, "--child", langkah, str(path)],
                    env=dict(os.environ),
                    capture_output=True,
                    text=True,
                )
                if done.returncode:
                    sys.exit(done.stderr)
                hasil = json.loads(done.stdout.strip().splitlines()[-1])
                print(json.dumps({"berkas": path.name, "load_1m": round(load, 2), **hasil}))
        finally:
            _bersihkan()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        main()
