"""Deadline day on one small server, in one command: prepare, serve, load, check.

    python3 -m venv bench/beban/.venv && bench/beban/.venv/bin/pip install -r bench/beban/requirements.txt
    .venv/bin/python bench/beban/jalankan.py                # 2 gthread workers x 4 threads, 20 users, 30 s
    .venv/bin/python bench/beban/jalankan.py --threads 1    # 2 sync workers

1. bench/beban/siapkan.py: N ASN logged in and a periode open today, in the database DATABASE_URL (default
   postgres://postgres@127.0.0.1:5432/kupang_beban; its name must contain "beban").
2. gunicorn with the production settings (bench/_produksi.py: DEBUG off, persistent connections) and
   deploy/gunicorn.conf.py, on 127.0.0.1, the given workers (threads > 1: gthread); a few GETs warm each worker.
3. locust headless (bench/beban/locustfile.py, its own venv) for the given time: U users, each a stream of fresh
   ASN doing GET then POST "Kirim", no wait.
4. The database: every POST answered 302 is one submitted response with all 35 answers and its three totals,
   one per ASN, none lost, no other response, and no failed request.
Prints throughput (complete submissions per second), p50/p95 per request, the CPU the gunicorn workers and the
PostgreSQL backends of this database spent per request (from /proc), and the machine's load.
"""

import argparse
import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from _produksi import ROOT, gunicorn, kumpulkan_statis, setel_lingkungan, uptime  # noqa: E402

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/kupang_beban"
TICK = os.sysconf("SC_CLK_TCK")


def cpu_detik(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


def anak(pid: int) -> list[int]:
    return [int(p) for p in open(f"/proc/{pid}/task/{pid}/children").read().split()]


def cpu_anak_selesai(pid: int) -> float:
    """CPU seconds of the finished (reaped) children of `pid`: for the postmaster, the backends that ended."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / TICK  # cutime, cstime


def postmaster() -> int:
    """The PostgreSQL postmaster's pid (first line of postmaster.pid in the data directory; same machine)."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT setting FROM pg_settings WHERE name = 'data_directory'")
        folder = cur.fetchone()[0]
    return int(open(f"{folder}/postmaster.pid").readline())


def backend_pg(dbname: str) -> list[int]:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [dbname])
        return [r[0] for r in cur.fetchall()]


def sesi_pg(dbname: str) -> int:
    """Connections ever opened to the database (pg_stat_database.sessions, PostgreSQL 14+)."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT sessions FROM pg_stat_database WHERE datname = %s", [dbname])
        return cur.fetchone()[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--asn", type=int, default=6000, help="ASN prepared (more than the run can submit)")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--waktu", default="30s", help="locust run time")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="1: sync workers; more: gthread")
    parser.add_argument(
        "--conn-max-age", help="DB_CONN_MAX_AGE for gunicorn (0: a connection per request); default: the settings'"
    )
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", DEFAULT_DB)
    locust = HERE / ".venv/bin/locust"
    if not locust.exists():
        sys.exit(
            "Install locust first: python3 -m venv bench/beban/.venv && "
            "bench/beban/.venv/bin/pip install -r bench/beban/requirements.txt"
        )

    python = str(ROOT / ".venv/bin/python")
    done = subprocess.run([python, str(HERE / "siapkan.py"), "--asn", str(args.asn)], check=True, capture_output=True)
    periode = done.stdout.decode().split()[-1]
    kumpulkan_statis()

    setel_lingkungan()
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count, Q

    from apps.survei.models import Periode, Respon

    dbname = settings.DATABASES["default"]["NAME"]
    port = free_port()
    conn = {} if args.conn_max_age is None else {"DB_CONN_MAX_AGE": args.conn_max_age}
    server = gunicorn(port, workers=args.workers, threads=args.threads, env=conn)
    keys = [line.split()[0] for line in (HERE / "sesi.txt").read_text().splitlines() if line]
    out = Path(tempfile.mkdtemp(prefix="beban-"))
    try:
        import urllib.request

        for key in keys[-4 * args.workers :]:  # warm every worker (GET only: these ASN submit nothing)
            req = urllib.request.Request(
                f"http://127.0.0.1:{port}/survei/isi/{periode}/", headers={"Cookie": f"sessionid={key}"}
            )
            urllib.request.urlopen(req, timeout=30).read()
        workers = anak(server.pid)
        backends = backend_pg(dbname)
        cpu_w0, cpu_pg0, load0, sesi0 = cpu_detik(workers), cpu_detik(backends), uptime(), sesi_pg(dbname)
        induk_pg = postmaster()
        cpu_selesai0 = cpu_anak_selesai(induk_pg)
        env = {
            **os.environ,
            "BEBAN_PERIODE": periode,
            "BEBAN_SESI": str(HERE / "sesi.txt"),
            "BEBAN_HASIL": str(out / "asn.json"),
        }
        subprocess.run(
            [
                str(locust), "-f", str(HERE / "locustfile.py"), "--headless", "-u", str(args.users),
                "-r", str(args.users), "-t", args.waktu, "--host", f"http://127.0.0.1:{port}",
                "--csv", str(out / "hasil"), "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "10",
            ],
            env=env, check=False, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        backends = sorted(set(backends) | set(backend_pg(dbname)))
        cpu_w, cpu_pg, load1 = cpu_detik(workers) - cpu_w0, cpu_detik(backends) - cpu_pg0, uptime()
        sesi = sesi_pg(dbname) - sesi0
        cpu_selesai = cpu_anak_selesai(induk_pg) - cpu_selesai0
    finally:
        server.terminate()
        server.wait()

    rows = {r["Name"]: r for r in csv.DictReader(open(out / "hasil_stats.csv"))}
    get, post, total = rows["GET formulir"], rows["POST kirim"], rows["Aggregated"]
    requests = int(total["Request Count"])
    failures = int(total["Failure Count"])
    sent = int(post["Request Count"]) - int(post["Failure Count"])

    asn = json.loads((out / "asn.json").read_text())
    dikirim, diterima = set(map(int, asn["dikirim"])), set(map(int, asn["diterima"]))
    p = Periode.objects.get(kode=periode)
    responses = Respon.objects.filter(periode=p).annotate(n=Count("jawaban"))
    terkirim = responses.filter(status=Respon.Status.TERKIRIM)
    di_db = set(terkirim.values_list("pegawai__user_id", flat=True))
    complete = terkirim.filter(n=35, total_1__isnull=False, total_2__isnull=False, total_3__isnull=False).count()
    checks = {
        "no failed request": failures == 0,
        "every 302 is a submitted response of that ASN (none lost)": bool(diterima) and diterima <= di_db,
        "every submitted response was posted by locust (a POST cut by the end of the run may still land)": di_db
        <= dikirim,
        "every submitted response complete (35 answers, 3 totals)": complete == terkirim.count(),
        "one response per ASN": responses.values("pegawai").distinct().count() == responses.count(),
        "no other response (drafts)": responses.filter(~Q(status=Respon.Status.TERKIRIM)).count() == 0,
    }
    connection.close()

    workers_desc = f"{args.workers} gthread x {args.threads}" if args.threads > 1 else f"{args.workers} sync"
    umur = args.conn_max_age if args.conn_max_age is not None else settings.DATABASES["default"]["CONN_MAX_AGE"]
    print(f"gunicorn {workers_desc}, {args.users} users, {args.waktu}, database {dbname}, DB_CONN_MAX_AGE {umur}")
    print(f"before: {load0}; after: {load1}")
    for name, r in (("GET formulir", get), ("POST kirim", post)):
        print(
            f"  {name}: {r['Request Count']} requests, {r['Failure Count']} failed, p50 {r['50%']} ms, "
            f"p95 {r['95%']} ms, {float(r['Requests/s']):.1f}/s"
        )
    print(
        f"complete submissions: {sent} = {float(post['Requests/s']):.1f}/s; all requests p50 {total['50%']} ms, "
        f"p95 {total['95%']} ms"
    )
    print(
        f"CPU per request: gunicorn workers {cpu_w / max(requests, 1) * 1000:.1f} ms, "
        f"PostgreSQL {cpu_pg / max(requests, 1) * 1000:.1f} ms ({requests} requests)"
    )
    print(
        f"PostgreSQL connections opened: {sesi} ({sesi / max(requests, 1):.2f} per request); CPU of the backends "
        f"that ended during the run (reaped by the postmaster; any database): "
        f"{cpu_selesai / max(requests, 1) * 1000:.1f} ms per request, so PostgreSQL in all "
        f"{(cpu_pg + cpu_selesai) / max(requests, 1) * 1000:.1f} ms per request"
    )
    print(
        f"locust: {len(dikirim)} POSTs sent, {len(diterima)} answered 302 (stats: {sent}, the last ones end after "
        f"them); database: {len(di_db)} submitted"
    )
    for name, ok in checks.items():
        print(f"  [{'OK' if ok else 'FAIL'}] {name}")
    if not all(checks.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
