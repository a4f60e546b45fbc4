"""Queries and time per Formulir 1 submission on PostgreSQL (measured, not asserted; not part of CI).

    createdb -h 127.0.0.1 -U postgres kupang_survei_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_survei_bench .venv/bin/python bench/kirim.py --n 200

Migrates and seeds the database (seed_demo) when needed, opens a throwaway periode for today and submits a
full Formulir 1 through the real view and middleware (Django test client, no network) for N ASN without a
response: half straight away ("baru"), half after an autosaved draft of 12 items ("setelah draf", the usual
case with JavaScript). Prints queries per submission and the time per submission (p50, p95, max).
The periode and its responses are deleted afterwards.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kupang_budaya.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from apps.akun.models import User  # noqa: E402
from apps.organisasi.models import Pegawai  # noqa: E402
from apps.survei import instrumen  # noqa: E402
from apps.survei.models import InstrumenVersi, Periode, Respon  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (this measures PostgreSQL).")
    call_command("migrate", verbosity=0)
    if not Periode.objects.filter(kode="2025").exists():
        call_command("seed_demo", stdout=open(os.devnull, "w"))
    today = timezone.localdate()
    periode = Periode.objects.create(
        kode=f"BENCH{int(time.time()) % 100000}",
        nama="Bench",
        instrumen=InstrumenVersi.objects.get(kode=instrumen.KODE),
        tanggal_buka=today,
        tanggal_tutup=today,
        status=Periode.Status.DIBUKA,
    )
    pegawai = list(Pegawai.objects.filter(aktif=True).order_by("nip")[: args.n])
    for p in pegawai:
        if p.user_id is None:
            p.user = User.objects.create(username=f"bench-{p.nip}")
            p.save(update_fields=["user"])
    full = {"aksi": "kirim", **{f"p{n}": str((n % 4) + 1) for n in range(1, 36)}}
    draft = {"aksi": "draf", **{f"p{n}": "2" for n in range(1, 13)}}
    url = f"/survei/isi/{periode.kode}/"
    results: dict[str, list[tuple[int, float]]] = {"baru": [], "setelah draf": []}
    try:
        for i, p in enumerate(pegawai):
            client = Client()
            client.force_login(p.user)
            kind = "baru" if i % 2 == 0 else "setelah draf"
            if kind == "setelah draf":
                client.post(url, draft, headers={"X-Autosave": "1"})
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.post(url, full)
                elapsed = time.perf_counter() - start
            assert response.status_code == 302, response.status_code
            results[kind].append((len(queries), elapsed))
            if os.environ.get("BENCH_SQL") and i < 2:
                print("\n".join(q["sql"][:110] for q in queries.captured_queries), "\n")
        sent = Respon.objects.filter(periode=periode, status="TERKIRIM").count()
        print(f"PostgreSQL {connection.pg_version // 10000}, {len(pegawai)} submissions, {sent} responses TERKIRIM")
        for kind, rows in results.items():
            counts = sorted({q for q, _ in rows})
            times = sorted(t * 1000 for _, t in rows)
            p95 = times[int(len(times) * 0.95) - 1]
            print(
                f"{kind:>13}: queries {counts}, time p50 {statistics.median(times):.1f} ms, "
                f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms"
            )
    finally:
        Respon.objects.filter(periode=periode).delete()
        periode.delete()


if __name__ == "__main__":
    main()
