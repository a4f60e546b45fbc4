"""Benchmark of the Laporan Evaluasi at kabupaten-to-national scale (figures in README, «Ukuran»).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_bench python bench/laporan.py --responses 100000

Builds (or reuses) a synthetic kabupaten of 40 PD x 10 units and a closed periode `bench-N` with N submitted
responses, generated in SQL (INSERT ... SELECT generate_series: one ASN per response), then times, each the
median of --repeat runs after one warm-up:
- agg: the consolidated aggregation as the report runs it: apps.hasil.selectors.laporan_konsolidasi with the ASN
  counts frozen at close (apps.hasil.services.jumlah_asn), all its queries;
- agg GROUP BY: only the selector's ORM GROUP BY over the responses (the part the floor does);
- agg PD: the per-PD selector for one PD;
- floor: the single hand-written SQL GROUP BY that returns the same per-PD SUMs and COUNTs;
- HTML, PDF, XLSX: the consolidated report through the Django test client (whole request, as the Sekda);
- dashboard: the dashboard page. Answers (Jawaban) are generated only for the first 20,000 responses of a
  periode (35 rows each), so the weakest-items query reads at most 700,000 answers.
Memory: tracemalloc peak of the Python allocations during aggregation + HTML + XLSX, and the process's max RSS.
Prints one Markdown table row.
"""

import argparse
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kupang_budaya.settings")
# A bench is not production: a throwaway key (kupang_budaya/settings.py refuses to start without one).
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "k" * 40)
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kupang_bench")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

N_PD, N_UNIT = 40, 10
ANSWER_SAMPLE = 20_000
HEADER = (
    "| N responses | generate (s) | agg (ms) | agg GROUP BY (ms) | agg PD (ms) | floor (ms) | GROUP BY/floor | agg/floor | HTML (ms) | PDF (ms) "
    "| XLSX (ms) | dashboard (ms) | Python peak (MB) | max RSS (MB) |\n"
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def kabupaten():
    """40 PD x 10 units, an instrument with the Perbup bands, and a Sekda with a pegawai record."""
    from apps.akun.models import Peran, User
    from apps.organisasi.models import Golongan, Pegawai, PerangkatDaerah, UnitKerja
    from apps.survei.models import Bagian, BandKategori, Butir, InstrumenVersi
    from apps.survei.scoring import PERBUP_BANDS

    instrumen, created = InstrumenVersi.objects.get_or_create(kode="bench", defaults={"nama": "Formulir 1 (bench)"})
    if created:
        items = {"I": range(1, 11), "II": range(11, 16), "III": range(16, 36)}
        for urutan, (kode, bands) in enumerate(PERBUP_BANDS.items(), start=1):
            bagian = Bagian.objects.create(
                instrumen=instrumen, kode=kode, judul=kode, urutan=urutan, label_skala=["1", "2", "3", "4"]
            )
            for band in bands:
                BandKategori.objects.create(
                    bagian=bagian,
                    kategori=band.kategori.value,
                    skor_min=band.skor_min,
                    skor_max=band.skor_max,
                    tindak_lanjut=band.tindak_lanjut,
                )
            for nomor in items[kode]:
                Butir.objects.create(bagian=bagian, nomor=nomor, teks=f"Butir {nomor}")
    units = []
    for i in range(N_PD):
        pd, _ = PerangkatDaerah.objects.get_or_create(
            kode=f"B{i:02d}", defaults={"nama": f"Perangkat Daerah Bench {i:02d}", "jenis": "DINAS"}
        )
        for j in range(N_UNIT):
            unit = UnitKerja.objects.filter(kode=f"B{i:02d}.{j:02d}").first()
            if unit is None:
                unit = UnitKerja.objects.create(kode=f"B{i:02d}.{j:02d}", nama=f"Bidang {j:02d}", perangkat_daerah=pd)
            units.append(unit)
    user, _ = User.objects.get_or_create(username="bench-sekda")
    if not Pegawai.objects.filter(user=user).exists():
        Pegawai.objects.create(
            user=user,
            nip="196501011990031001",
            nama="Sekda Bench",
            jenis_asn="PNS",
            golongan=Golongan.objects.get(jenis_asn="PNS", kode="IV/d"),
            jabatan="Sekretaris Daerah",
            unit_kerja=units[0],
        )
    Peran.objects.get_or_create(user=user, jenis=Peran.Jenis.SEKDA, defaults={"mulai": "2020-01-01"})
    return instrumen, units, user


def generate(n: int, instrumen, units) -> tuple[object, float]:
    """N ASN and N submitted responses of periode bench-N, in SQL. Reused when already there."""
    from apps.survei.models import Periode, Respon

    periode, _ = Periode.objects.get_or_create(
        kode=f"bench-{n}",
        defaults={
            "nama": f"Bench {n}",
            "instrumen": instrumen,
            "tanggal_buka": "2025-10-01",
            "tanggal_tutup": "2025-10-31",
            "status": Periode.Status.DITUTUP,
        },
    )
    if Respon.objects.filter(periode=periode).count() == n:
        return periode, 0.0
    start = time.perf_counter()
    unit_ids = [u.pk for u in units]
    from apps.organisasi.models import Golongan

    golongan = Golongan.objects.get(jenis_asn="PNS", kode="III/a").pk
    with connection.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM organisasi_pegawai WHERE nip LIKE 'X%%'")
        have = cur.fetchone()[0]
        if have < n:
            # ASN g works in unit g mod 400; NIP "X" + 17 digits: synthetic, outside the real format on purpose.
            cur.execute(
                """
                INSERT INTO organisasi_pegawai (nip, nama, gelar_depan, gelar_belakang, jenis_asn, golongan_id,
                    jabatan, unit_kerja_id, email, telepon, aktif)
                SELECT 'X' || lpad(g::text, 17, '0'), 'ASN ' || g, '', '', 'PNS', %s, 'Pelaksana',
                    (%s::bigint[])[1 + g %% %s], '', '', true
                FROM generate_series(%s, %s) AS g
                """,
                [golongan, unit_ids, len(unit_ids), have + 1, n],
            )
        cur.execute("DELETE FROM survei_respon WHERE periode_id = %s", [periode.pk])
        cur.execute(
            """
            INSERT INTO survei_respon (periode_id, pegawai_id, status, unit_kerja_id, perangkat_daerah_id,
                total_1, total_2, total_3, dibuat_pada, diperbarui_pada, dikirim_pada)
            SELECT %s, p.id, 'TERKIRIM', p.unit_kerja_id, u.perangkat_daerah_id,
                10 + (p.id * 7919) %% 31, 5 + (p.id * 104729) %% 16, 20 + (p.id * 1299709) %% 61, now(), now(), now()
            FROM organisasi_pegawai p JOIN organisasi_unitkerja u ON u.id = p.unit_kerja_id
            WHERE p.nip LIKE 'X%%' AND substr(p.nip, 2)::bigint <= %s
            """,
            [periode.pk, n],
        )
        cur.execute(
            """
            INSERT INTO survei_jawaban (respon_id, butir_id, nilai)
            SELECT r.id, b.id, 1 + (r.id * 31 + b.nomor * 17) %% 4
            FROM (SELECT id FROM survei_respon WHERE periode_id = %s ORDER BY id LIMIT %s) r
            CROSS JOIN survei_butir b JOIN survei_bagian bg ON bg.id = b.bagian_id AND bg.instrumen_id = %s
            """,
            [periode.pk, ANSWER_SAMPLE, instrumen.pk],
        )
        cur.execute("ANALYZE organisasi_pegawai; ANALYZE survei_respon; ANALYZE survei_jawaban")
    return periode, time.perf_counter() - start


def timed(fn, repeat: int) -> float:
    fn()  # warm-up (caches, connection, template loading)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
        reset_queries()
    return statistics.median(runs) * 1000


def floor(periode_id: int):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT perangkat_daerah_id, COUNT(*), SUM(total_1), SUM(total_2), SUM(total_3) FROM survei_respon "
            "WHERE periode_id = %s AND status = 'TERKIRIM' GROUP BY perangkat_daerah_id",
            [periode_id],
        )
        return cur.fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--header", action="store_true", help="print the table header first")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    from django.conf import settings

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)
    from apps.common.reference import ensure_reference_data
    from apps.hasil.selectors import laporan_konsolidasi, laporan_perangkat_daerah
    from apps.hasil.selectors.agregat import _grouped
    from apps.hasil.services import jumlah_asn
    from apps.organisasi.models import PerangkatDaerah
    from apps.survei.selectors import respon_terhitung

    ensure_reference_data()
    instrumen, units, sekda = kabupaten()
    periode, generate_s = generate(args.responses, instrumen, units)
    pd = PerangkatDaerah.objects.get(kode="B00")

    laporan = laporan_konsolidasi(periode)
    assert laporan.jumlah_responden == args.responses, (laporan.jumlah_responden, args.responses)
    floor_rows = {row[0]: row[1:] for row in floor(periode.pk)}
    for row in laporan.baris:  # the selector and the floor agree on every count
        if row.ref_id in floor_rows:
            assert row.n_responden == floor_rows[row.ref_id][0]

    client = Client()
    client.force_login(sekda)

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        b"".join(response) if response.streaming else response.content

    kode = periode.kode
    jumlah_asn(periode)  # the first read after closing freezes the ASN counts per unit (once per periode)
    t_agg = timed(lambda: laporan_konsolidasi(periode, asn=jumlah_asn(periode)), args.repeat)
    t_agg_query = timed(lambda: _grouped(respon_terhitung(periode), "perangkat_daerah_id"), args.repeat)
    t_agg_pd = timed(lambda: laporan_perangkat_daerah(periode, pd, asn=jumlah_asn(periode)), args.repeat)
    t_floor = timed(lambda: floor(periode.pk), args.repeat)
    t_html = timed(lambda: get(reverse("laporan:konsolidasi", args=[kode])), args.repeat)
    t_pdf = timed(lambda: get(reverse("laporan:konsolidasi_unduh", args=[kode, "pdf"])), args.repeat)
    t_xlsx = timed(lambda: get(reverse("laporan:konsolidasi_unduh", args=[kode, "xlsx"])), args.repeat)
    t_dash = timed(lambda: get(reverse("laporan:dasbor", args=[kode])), args.repeat)

    tracemalloc.start()
    laporan_konsolidasi(periode, asn=jumlah_asn(periode))
    get(reverse("laporan:konsolidasi", args=[kode]))
    get(reverse("laporan:konsolidasi_unduh", args=[kode, "xlsx"]))
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if args.header:
        print(HEADER)
    print(
        f"| {args.responses:,} | {generate_s:.1f} | {t_agg:.0f} | {t_agg_query:.0f} | {t_agg_pd:.0f} | {t_floor:.0f} | "
        f"{t_agg_query / t_floor:.2f} | {t_agg / t_floor:.2f} | {t_html:.0f} | {t_pdf:.0f} | {t_xlsx:.0f} | {t_dash:.0f} | {peak:.1f} | {rss:.0f} |"
    )


if __name__ == "__main__":
    main()
