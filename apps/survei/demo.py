"""Demo Formulir 1 data (docs/keputusan.md, «Antarmuka yang tetap»): periode 2025 (closed, responses from most units) and 2026 (open).

Answers are drawn with a random generator seeded from ctx.rng (one draw per run, so the modules after this
one draw the same sequence every time). Each PD has its own culture level and each respondent varies around
it, so categories spread over all four: mostly CUKUP BAIK and KURANG BAIK, some BAIK and BURUK.
Idempotent: a response that exists is left as it is; only missing ones are created.
"""

import datetime
import random

from django.utils import timezone

from apps.common.demo import DemoContext
from apps.organisasi.models import Pegawai

from . import scoring
from .models import Butir, InstrumenVersi, Jawaban, Periode, Respon, RiwayatPeriode

PERIODE = [
    # kode, nama, buka, tutup, status, share of ASN who submitted, share with a draft only
    ("2025", "Pengukuran Budaya Kerja 2025", datetime.date(2025, 10, 1), datetime.date(2025, 10, 31), "DITUTUP", 0.8, 0.05),
    ("2026", "Pengukuran Budaya Kerja 2026", datetime.date(2026, 11, 1), datetime.date(2026, 12, 31), "DIBUKA", 0.35, 0.1),
]  # fmt: skip


def unit_khusus(kecamatan: list[str]) -> tuple[set[str], str]:
    """Units with no respondent in 2025 (two PD units and the third unit of the pack's third-last kecamatan), and a
    unit with exactly two (the second unit of its fourth-last kecamatan; shows "< 3 responden" in reports)."""
    return {"BAPPEDA.03", "NAK.03", f"{kecamatan[-3]}.03"}, f"{kecamatan[-4]}.02"


def _periode(kode, nama, buka, tutup, status, versi, monev) -> Periode:
    periode, created = Periode.objects.get_or_create(
        kode=kode,
        defaults={"nama": nama, "instrumen": versi, "tanggal_buka": buka, "tanggal_tutup": tutup, "status": "DRAFT"},
    )
    if created:
        # The history a real periode would have (services.periode_ubah_status needs today's date).
        steps = [("DRAFT", "DIBUKA")] + ([("DIBUKA", "DITUTUP")] if status == "DITUTUP" else [])
        for dari, ke in steps:
            RiwayatPeriode.objects.create(periode=periode, dari=dari, ke=ke, oleh=monev, catatan="data demo")
        periode.status = status
        if status == "DITUTUP":
            periode.ditutup_pada = timezone.make_aware(datetime.datetime.combine(tutup, datetime.time(23, 59)))
            periode.ditutup_pertama_pada = periode.ditutup_pada
        periode.save(update_fields=["status", "ditutup_pada", "ditutup_pertama_pada"])
    return periode


def _answers(rng: random.Random, level: float, nomor: list[int]) -> dict[int, int]:
    person = min(3.6, max(1.0, rng.gauss(level, 0.35)))
    return {n: min(4, max(1, round(rng.gauss(person, 0.55)))) for n in nomor}


def seed(ctx: DemoContext) -> None:
    rng = random.Random(ctx.rng.randrange(2**32))
    versi = InstrumenVersi.objects.get(kode=ctx.refs["instrumen_kode"])
    tanpa_responden, dua_responden = unit_khusus([kode for kode, _ in ctx.kecamatan()])
    butir = list(Butir.objects.filter(bagian__instrumen=versi).select_related("bagian").order_by("nomor"))
    nomor = [b.nomor for b in butir]
    urutan = {b.nomor: b.bagian.urutan for b in butir}
    monev = ctx.refs.get("user:monev")
    asn_demo = ctx.refs.get("pegawai:asn")
    pegawai = list(Pegawai.objects.filter(aktif=True).select_related("unit_kerja").order_by("nip"))
    pd_ids = sorted({p.unit_kerja.perangkat_daerah_id for p in pegawai})
    # Culture level of each PD: the mean answer its ASN tend to give (1 best, 4 worst).
    level_pd = {pd: min(3.2, max(1.1, rng.gauss(2.1, 0.45))) for pd in pd_ids}

    for kode, nama, buka, tutup, status, share_sent, share_draft in PERIODE:
        periode = _periode(kode, nama, buka, tutup, status, versi, monev)
        existing = set(Respon.objects.filter(periode=periode).values_list("pegawai_id", flat=True))
        plan = []
        two_left = 2
        for p in pegawai:
            draw, answers = rng.random(), _answers(rng, level_pd[p.unit_kerja.perangkat_daerah_id], nomor)
            seconds = rng.randrange(0, (tutup - buka).days * 86400 if kode == "2025" else 20 * 86400)
            if kode == "2025" and p.unit_kerja.kode in tanpa_responden:
                continue
            if kode == "2025" and p.unit_kerja.kode == dua_responden:
                if two_left == 0:
                    continue
                two_left -= 1
                draw = 0.0
            if asn_demo is not None and p.pk == asn_demo.pk:
                if kode == "2026":
                    continue  # docs/keputusan.md, «Antarmuka yang tetap»: the demo `asn` has not answered the open periode
                draw = 0.0  # ... and has a past result to look at
            if draw < share_sent:
                plan.append((p, "TERKIRIM", answers, seconds))
            elif draw < share_sent + share_draft:
                plan.append((p, "DRAF", {n: v for n, v in answers.items() if n <= 12}, seconds))
        _create(periode, buka, [row for row in plan if row[0].pk not in existing], butir, urutan)


def _create(periode: Periode, buka: datetime.date, plan: list, butir: list[Butir], urutan: dict[int, int]) -> None:
    start = timezone.make_aware(datetime.datetime.combine(buka, datetime.time(8, 0)))
    rows = []
    for p, status, answers, seconds in plan:
        respon = Respon(periode=periode, pegawai=p, status=status)
        if status == "TERKIRIM":
            per_bagian = {1: [], 2: [], 3: []}
            for n, v in answers.items():
                per_bagian[urutan[n]].append(v)
            respon.total_1, respon.total_2, respon.total_3 = (scoring.section_total(per_bagian[i]) for i in (1, 2, 3))
            respon.unit_kerja_id, respon.perangkat_daerah_id = p.unit_kerja_id, p.unit_kerja.perangkat_daerah_id
            respon.dikirim_pada = start + datetime.timedelta(seconds=seconds)
        rows.append(respon)
    Respon.objects.bulk_create(rows, batch_size=500)
    by_nomor = {b.nomor: b for b in butir}
    jawaban = [
        Jawaban(respon=respon, butir=by_nomor[n], nilai=v)
        for respon, (_, _, answers, _) in zip(rows, plan, strict=True)
        for n, v in answers.items()
    ]
    Jawaban.objects.bulk_create(jawaban, batch_size=2000)
