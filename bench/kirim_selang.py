"""bench/kirim.py's GET+POST, measured in rounds that alternate between trees (before/after) in the same minutes.

    .venv/bin/python bench/kirim_selang.py --putaran 10 --n 50 \
        sebelum=/work/wt/sebelum,postgres://postgres@127.0.0.1:5432/kupang_perf_b \
        sesudah=.,postgres://postgres@127.0.0.1:5432/kupang_perf_a \
        "redis=.,postgres://postgres@127.0.0.1:5432/kupang_perf_a,redis://127.0.0.1:6379/3" \
        "tanpa-log=.,postgres://postgres@127.0.0.1:5432/kupang_perf_a,LOG_LEVEL_PERMINTAAN=WARNING"

One worker process per side (the tree's own Python, settings and bench/kirim.py, production settings as there),
each with its own bench periode and its own ASN; the driver asks them in turn for one round (the round's ASN
GET the form and POST it complete; CPU = the worker's process time) and prints each side's median of round
medians. Alternating rounds (A B C, C B A, ...) put every side through the same load on a shared machine, which
one `kirim.py` run after the other does not (the figures of two such runs minutes apart differ by 30 %).
Two sides on one database take different ASN (`--n` apart). VAR=VALUE after the database sets a side's environment
(above: the access log line off, as in a tree from before apps.common.permintaan).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time


def pekerja(n: int, offset: int) -> None:
    """One side: set up as bench/kirim.py, then one round per line read on stdin."""
    sys.path.insert(0, os.path.join(os.getcwd(), "bench"))
    import kirim as k  # the measured tree's bench/kirim.py: sets up Django with the production settings
    from django.test import Client
    from django.utils import timezone

    from apps.akun.models import User
    from apps.organisasi import models as organisasi
    from apps.survei import instrumen
    from apps.survei.models import InstrumenVersi, Periode, Respon

    def kode_instrumen() -> str:
        # A tree with pemda packs names the installed pack's instrument; an older tree has one fixed code.
        try:
            from apps.paket.pasang import instrumen_aktif_kode
        except ImportError:
            return instrumen.KODE
        return instrumen_aktif_kode()

    if offset == 0:
        k.siapkan(1)  # migrate, static files, leftover bench periodes removed
    today = timezone.localdate()
    periode = Periode.objects.create(
        kode=f"BENCHS{os.getpid() % 100000}",
        nama="Bench",
        instrumen=InstrumenVersi.objects.get(kode=kode_instrumen()),
        tanggal_buka=today,
        tanggal_tutup=today,
        status=Periode.Status.DIBUKA,
    )
    diterima = getattr(organisasi, "PemberitahuanDiterima", None)  # the privacy notice, where the tree has one
    users = []
    for p in organisasi.Pegawai.objects.filter(aktif=True).select_related("user").order_by("nip")[offset : offset + n]:
        if p.user_id is None:
            p.user = User.objects.create(username=f"bench-{p.nip}")
            p.save(update_fields=["user"])
        users.append(p.user)
        if diterima is not None:
            diterima.objects.get_or_create(user=p.user, versi=diterima.VERSI)
    url = f"/survei/isi/{periode.kode}/"
    data = {"aksi": "kirim", **{f"p{i}": str((i % 4) + 1) for i in range(1, 36)}}
    client = Client(enforce_csrf_checks=True, headers={"Accept-Encoding": "gzip, deflate, br"})
    try:
        for user in users[:5]:
            k.satu(client, user, url, data)
        Respon.objects.filter(periode=periode).delete()
        print("siap", *k.hitung_kueri(client, users[0], url, data), flush=True)
        for _ in sys.stdin:
            Respon.objects.filter(periode=periode).delete()
            rows = [k.satu(client, user, url, data) for user in users]
            med = [statistics.median(r[i] for r in rows) * 1000 for i in (0, 1)]
            print(*med, statistics.median((r[0] + r[1]) * 1000 for r in rows), flush=True)
    finally:
        Respon.objects.filter(periode=periode).delete()
        periode.delete()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sisi", nargs="*", help="NAMA=TREE,DATABASE_URL[,CACHE_URL][,VAR=VALUE...]")
    parser.add_argument("--putaran", type=int, default=10, help="rounds per side")
    parser.add_argument("--n", type=int, default=50, help="ASN per round")
    parser.add_argument("--pekerja", type=int, metavar="OFFSET", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pekerja is not None:
        pekerja(args.n, args.pekerja)
        return
    procs, basis = {}, {}
    for spec in args.sisi:
        nama, _, rest = spec.partition("=")
        tree, db, *more = rest.split(",")
        # After the database: an optional CACHE_URL, and VAR=VALUE pairs for this side's environment.
        extra = dict(x.split("=", 1) for x in more if "=" in x.split("://")[0])
        cache = [x for x in more if "=" not in x.split("://")[0]]
        tree = os.path.abspath(tree)
        offset = basis.setdefault(db, 0)
        basis[db] += args.n
        env = {**os.environ, "SECRET_KEY": "x", "DEBUG": "false", "DATABASE_URL": db, "CACHE_URL": "".join(cache)}
        env.update(extra)
        cmd = [f"{tree}/.venv/bin/python", os.path.abspath(__file__), "--n", str(args.n), "--pekerja", str(offset)]
        p = subprocess.Popen(cmd, cwd=tree, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        procs[nama] = p
        print(f"{nama}: {tree}, queries (GET, POST) {p.stdout.readline().split()[1:]}", flush=True)
    hasil = {nama: [] for nama in procs}
    beban0, mulai = open("/proc/loadavg").read().split()[:3], time.strftime("%H:%M", time.gmtime())
    for r in range(args.putaran):
        for nama in list(procs) if r % 2 == 0 else list(reversed(procs)):
            procs[nama].stdin.write("x\n")
            procs[nama].stdin.flush()
            hasil[nama].append([float(x) for x in procs[nama].stdout.readline().split()])
    for p in procs.values():
        p.stdin.close()
        p.wait()
    beban1 = open("/proc/loadavg").read().split()[:3]
    print(f"UTC {mulai}-{time.strftime('%H:%M', time.gmtime())}, load {' '.join(beban0)} -> {' '.join(beban1)}")
    for nama, rows in hasil.items():
        s = [r[2] for r in rows]
        print(
            f"{nama}: CPU per GET+POST, median of {len(s)} round medians x {args.n} ASN: {statistics.median(s):.1f} ms "
            f"(range {min(s):.1f}-{max(s):.1f}); GET {statistics.median(r[0] for r in rows):.1f}, "
            f"POST {statistics.median(r[1] for r in rows):.1f}"
        )


if __name__ == "__main__":
    main()
