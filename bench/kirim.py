"""Server CPU, time and queries per Formulir 1 submission (GET the form, POST it complete), on PostgreSQL with
DEBUG off (measured, not asserted; not part of CI).

    createdb -h 127.0.0.1 -U postgres kupang_perf
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_perf .venv/bin/python bench/kirim.py --n 100 --runs 5
    ... bench/kirim.py --n 60 --profil sesudah     # cProfile of the GETs and POSTs into bench/profil/

What a gunicorn worker does, in process: the production settings (bench/_produksi.py: DEBUG off, persistent
connections), one Django test client reused for every ASN, so the middleware chain and WhiteNoise's file
index are built once as in a worker (a new client per request rebuilds both, and that dominated the old
figures). CSRF is enforced: the POST sends the token of the GET. Requests
accept gzip, as a browser does, so compressing the HTML is part of the cost. Each ASN is logged in and has opened the home
page before the clock starts (as on the deadline day). Per ASN: GET /survei/isi/<periode>/ then POST all 35
answers with "Kirim" (urlencoded, as a browser sends it); CPU is this process's CPU time (time.process_time: Python, templates, the driver; not
PostgreSQL's own). Queries are counted on separate submissions (capturing SQL costs time). Every run
deletes the bench periode's responses first, so the same N ASN submit anew; the periode is removed at the end.
"""

import argparse
import cProfile
import gzip
import io
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _produksi import kumpulkan_statis, setel_lingkungan, uptime  # noqa: E402

setel_lingkungan()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from apps.akun.models import User  # noqa: E402
from apps.organisasi.models import Pegawai, PemberitahuanDiterima  # noqa: E402
from apps.survei import instrumen  # noqa: E402
from apps.survei.models import InstrumenVersi, Periode, Respon  # noqa: E402

PROFIL = Path(__file__).resolve().parent / "profil"
URLENCODED = "application/x-www-form-urlencoded"
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def siapkan(n: int) -> tuple[Periode, list[User]]:
    call_command("migrate", verbosity=0)
    kumpulkan_statis()
    if not Periode.objects.filter(kode="2025").exists():
        call_command("seed_demo", stdout=open(os.devnull, "w"))
    # A run stopped half-way leaves its periode with responses: remove them first.
    Respon.objects.filter(periode__kode__startswith="BENCH").delete()
    Periode.objects.filter(kode__startswith="BENCH").delete()
    today = timezone.localdate()
    periode = Periode.objects.create(
        kode=f"BENCH{int(time.time()) % 100000}",
        nama="Bench",
        instrumen=InstrumenVersi.objects.get(kode=instrumen.KODE),
        tanggal_buka=today,
        tanggal_tutup=today,
        status=Periode.Status.DIBUKA,
    )
    pegawai = list(Pegawai.objects.filter(aktif=True).select_related("user").order_by("nip")[:n])
    users = []
    for p in pegawai:
        if p.user_id is None:
            p.user = User.objects.create(username=f"bench-{p.nip}")
            p.save(update_fields=["user"])
        users.append(p.user)
    # The privacy notice is read once before the first Formulir 1 (docs/pdp.md, «Pemberitahuan»): done here.
    for user in users:
        PemberitahuanDiterima.objects.get_or_create(user=user, versi=PemberitahuanDiterima.VERSI)
    return periode, users


def formulir(token: str, data: dict) -> str:
    """The body a browser posts (urlencoded, not the test client's default multipart)."""
    return urlencode({"csrfmiddlewaretoken": token, **data})


def isi(response) -> bytes:
    """The body as the browser reads it (the HTML comes gzipped, as a phone asks for it)."""
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content)
    return response.content


def masuk(client: Client, user: User) -> None:
    """Log in and open the home page (outside the clock): the ASN arrives at the form from there."""
    client.cookies.clear()
    client.force_login(user)
    assert client.get("/").status_code == 200


def satu(client: Client, user: User, url: str, data: dict) -> tuple[float, float, float, float]:
    """GET then POST for one logged-in ASN: (GET cpu, POST cpu, GET wall, POST wall) in seconds."""
    masuk(client, user)
    c0, w0 = time.process_time(), time.perf_counter()
    page = client.get(url)
    c1, w1 = time.process_time(), time.perf_counter()
    assert page.status_code == 200, page.status_code
    token = TOKEN.search(isi(page)).group(1).decode()
    c2, w2 = time.process_time(), time.perf_counter()
    response = client.post(url, formulir(token, data), content_type=URLENCODED)
    c3, w3 = time.process_time(), time.perf_counter()
    assert response.status_code == 302, response.status_code
    return c1 - c0, c3 - c2, w1 - w0, w3 - w2


def hitung_kueri(client: Client, user: User, url: str, data: dict) -> tuple[int, int]:
    masuk(client, user)
    with CaptureQueriesContext(connection) as get_q:
        page = client.get(url)
    token = TOKEN.search(isi(page)).group(1).decode()
    with CaptureQueriesContext(connection) as post_q:
        response = client.post(url, formulir(token, data), content_type=URLENCODED)
    assert response.status_code == 302, response.status_code
    if os.environ.get("BENCH_SQL"):
        for label, q in (("GET", get_q), ("POST", post_q)):
            print(f"-- {label}\n" + "\n".join(x["sql"][:140] for x in q.captured_queries))
    return len(get_q), len(post_q)


def ms(values: list[float]) -> str:
    v = sorted(x * 1000 for x in values)
    return f"median {statistics.median(v):.1f} ms (p95 {v[max(0, int(len(v) * 0.95) - 1)]:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100, help="ASN per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profil", metavar="NAMA", help="profile the GETs and POSTs into bench/profil/NAMA-*")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (this measures PostgreSQL).")
    assert not settings.DEBUG
    periode, users = siapkan(args.n)
    url = f"/survei/isi/{periode.kode}/"
    data = {"aksi": "kirim", **{f"p{n}": str((n % 4) + 1) for n in range(1, 36)}}
    client = Client(enforce_csrf_checks=True, headers={"Accept-Encoding": "gzip, deflate, br"})
    try:
        # Warm up: the first requests of a process import and compile templates and fill caches.
        for user in users[:5]:
            satu(client, user, url, data)
        Respon.objects.filter(periode=periode).delete()
        counts = {hitung_kueri(client, user, url, data) for user in users[:3]}
        Respon.objects.filter(periode=periode).delete()
        print(f"PostgreSQL {connection.pg_version // 10000}, DEBUG={settings.DEBUG}, {len(users)} ASN per run")
        print(f"queries (GET, POST): {sorted(counts)}")
        if args.profil:
            profil(client, users, url, data, periode, args.profil)
            return
        per_run = []
        for run in range(args.runs):
            Respon.objects.filter(periode=periode).delete()
            rows = [satu(client, user, url, data) for user in users]
            sent = Respon.objects.filter(periode=periode, status=Respon.Status.TERKIRIM).count()
            assert sent == len(users), sent
            cpu = [g + p for g, p, _, _ in rows]
            per_run.append(statistics.median(cpu))
            print(
                f"run {run + 1}: CPU GET+POST {ms(cpu)}; GET {ms([r[0] for r in rows])}, POST {ms([r[1] for r in rows])}"
                f"; wall GET+POST {ms([r[2] + r[3] for r in rows])}; {uptime()}"
            )
        per_run.sort()
        print(
            f"CPU per GET+POST, median of run medians: {statistics.median(per_run) * 1000:.1f} ms "
            f"(range {per_run[0] * 1000:.1f}-{per_run[-1] * 1000:.1f}) over {args.runs} runs x {len(users)}"
        )
    finally:
        Respon.objects.filter(periode=periode).delete()
        periode.delete()


def profil(client: Client, users: list, url: str, data: dict, periode: Periode, nama: str) -> None:
    """cProfile (CPU time) of GETs and of POSTs separately: .prof for pstats/snakeviz and a .txt of the top."""
    PROFIL.mkdir(exist_ok=True)
    # CPU time, not wall time: waiting for PostgreSQL is not this process's cost.
    get_prof, post_prof = cProfile.Profile(time.process_time), cProfile.Profile(time.process_time)
    for user in users:
        masuk(client, user)
        get_prof.enable()
        page = client.get(url)
        get_prof.disable()
        token = TOKEN.search(isi(page)).group(1).decode()
        post_prof.enable()
        client.post(url, formulir(token, data), content_type=URLENCODED)
        post_prof.disable()
    for label, prof in (("get", get_prof), ("post", post_prof)):
        prof.dump_stats(PROFIL / f"{nama}-{label}.prof")
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        out.write(f"{label.upper()} x {len(users)}, {uptime()}\n")
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(25)
        (PROFIL / f"{nama}-{label}.txt").write_text(out.getvalue())
        print(f"wrote bench/profil/{nama}-{label}.prof and .txt")


if __name__ == "__main__":
    main()
