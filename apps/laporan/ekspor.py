"""Raw answers of a periode (SPEC 10 `ekspor_jawaban`): one row per submitted response, no person.

Columns perangkat_daerah,unit_kerja,p1..p35. A unit with fewer than 3 submitted respondents in the periode
reads "(digabung)", and so does a PD with fewer than 3 (SPEC 2). Rows are sorted by PD, unit and answers, so
their order says nothing about who submitted when.
"""

from collections import Counter, defaultdict

from apps.survei.models import Butir, Jawaban, Periode, Respon
from apps.survei.scoring import MIN_RESPONDEN

DIGABUNG = "(digabung)"


def header(periode: Periode) -> list[str]:
    nomor = (
        Butir.objects.filter(bagian__instrumen_id=periode.instrumen_id)
        .order_by("nomor")
        .values_list("nomor", flat=True)
    )
    return ["perangkat_daerah", "unit_kerja", *(f"p{n}" for n in nomor)]


def rows(periode: Periode) -> list[list]:
    nomor = list(
        Butir.objects.filter(bagian__instrumen_id=periode.instrumen_id)
        .order_by("nomor")
        .values_list("nomor", flat=True)
    )
    respon = list(
        Respon.objects.filter(periode=periode, status=Respon.Status.TERKIRIM).values_list(
            "pk", "unit_kerja_id", "unit_kerja__nama", "perangkat_daerah_id", "perangkat_daerah__nama"
        )
    )
    jawaban: dict[int, dict[int, int]] = defaultdict(dict)
    for respon_id, butir_nomor, nilai in Jawaban.objects.filter(
        respon__periode=periode, respon__status=Respon.Status.TERKIRIM
    ).values_list("respon_id", "butir__nomor", "nilai"):
        jawaban[respon_id][butir_nomor] = nilai
    per_unit = Counter(r[1] for r in respon)
    per_pd = Counter(r[3] for r in respon)
    out = []
    for pk, unit_id, unit_nama, pd_id, pd_nama in respon:
        out.append(
            [
                pd_nama if per_pd[pd_id] >= MIN_RESPONDEN else DIGABUNG,
                unit_nama if per_unit[unit_id] >= MIN_RESPONDEN else DIGABUNG,
                *(jawaban[pk].get(n) for n in nomor),
            ]
        )
    out.sort(key=lambda row: [str(v) for v in row])
    return out
