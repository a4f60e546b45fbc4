"""Raw answers of a closed periode (`ekspor_jawaban`, and the XLSX for Tim Monev): one row per counted response,
no person. Columns perangkat_daerah,unit_kerja,p1..p35.

Labels follow the reports' confidentiality rule (docs/keputusan.md, "Kerahasiaan jawaban"): a unit's name is
printed only where the reports print that unit's own staff; otherwise the rows read "(digabung)" under their PD;
a PD hidden in the consolidated report reads "(digabung)" too. So every label combination covers 0 or at least
MIN_RESPONDEN responses, and subtracting the export from a report gives no group under MIN_RESPONDEN. Rows are
sorted by their labels and answers, so their order says nothing about who submitted when.
"""

from collections import Counter, defaultdict

from django.db.models import Count

from apps.organisasi.models import UnitKerja
from apps.survei.models import Butir, Jawaban, Periode
from apps.survei.scoring import MIN_RESPONDEN
from apps.survei.selectors import respon_terhitung

from .selectors.kerahasiaan import pohon_rahasia, sembunyikan

DIGABUNG = "(digabung)"


def header(periode: Periode) -> list[str]:
    return ["perangkat_daerah", "unit_kerja", *(f"p{n}" for n in _nomor(periode))]


def _nomor(periode: Periode) -> list[int]:
    return list(
        Butir.objects.filter(bagian__instrumen_id=periode.instrumen_id)
        .order_by("nomor")
        .values_list("nomor", flat=True)
    )


def label(periode: Periode) -> dict[tuple[int, int], tuple[str, str]]:
    """(PD id, unit id) of the counted responses -> the (PD, unit) label they get in the export."""
    respon = respon_terhitung(periode)
    n = {
        (pd_id, unit_id): c
        for pd_id, unit_id, c in respon.values_list("perangkat_daerah_id", "unit_kerja_id")
        .annotate(c=Count("pk"))
        .order_by()
    }
    per_pd: Counter[int] = Counter()
    for (pd_id, _unit_id), c in n.items():
        per_pd[pd_id] += c
    pd_hidden = sembunyikan(dict(per_pd))
    units: dict[int, list[tuple[int, str]]] = defaultdict(list)
    nama_unit, nama_pd = {}, {}
    for pk, path, pd_id, unit_nama, pd_nama in UnitKerja.objects.filter(perangkat_daerah_id__in=per_pd).values_list(
        "pk", "path", "perangkat_daerah_id", "nama", "perangkat_daerah__nama"
    ):
        units[pd_id].append((pk, path))
        nama_unit[pk] = unit_nama
        nama_pd[pd_id] = pd_nama
    out = {}
    for pd_id in per_pd:
        per_unit = {unit_id: c for (p, unit_id), c in n.items() if p == pd_id}
        pohon = pohon_rahasia(units[pd_id], per_unit, pd_id in pd_hidden)
        for unit_id in per_unit:
            if pd_id in pd_hidden:
                out[(pd_id, unit_id)] = (DIGABUNG, DIGABUNG)
            elif unit_id in pohon.own or unit_id not in nama_unit:
                out[(pd_id, unit_id)] = (nama_pd.get(pd_id, DIGABUNG), DIGABUNG)
            else:
                out[(pd_id, unit_id)] = (nama_pd[pd_id], nama_unit[unit_id])
    return _paling_sedikit_minimum(out, n)


def _paling_sedikit_minimum(
    out: dict[tuple[int, int], tuple[str, str]], n: dict[tuple[int, int], int]
) -> dict[tuple[int, int], tuple[str, str]]:
    """A safety net that the rule above makes idle: merge any label shared by fewer than MIN_RESPONDEN responses
    into a coarser one; with fewer than MIN_RESPONDEN responses in the whole periode, label nothing (no rows)."""
    while True:
        count: Counter[tuple[str, str]] = Counter()
        for key, lbl in out.items():
            count[lbl] += n[key]
        kecil = sorted(lbl for lbl, c in count.items() if c < MIN_RESPONDEN)
        if not kecil:
            return out
        lbl = kecil[0]
        if lbl == (DIGABUNG, DIGABUNG):
            lain = sorted((c, lb) for lb, c in count.items() if lb != lbl)
            if not lain:
                return {}
            lbl = lain[0][1]
            ke = (DIGABUNG, DIGABUNG)
        else:
            ke = (lbl[0], DIGABUNG) if lbl[1] != DIGABUNG else (DIGABUNG, DIGABUNG)
        out = {key: (ke if lb == lbl else lb) for key, lb in out.items()}


def rows(periode: Periode) -> list[list]:
    nomor = _nomor(periode)
    labels = label(periode)
    respon = respon_terhitung(periode).values_list("pk", "perangkat_daerah_id", "unit_kerja_id")
    jawaban: dict[int, dict[int, int]] = defaultdict(dict)
    for respon_id, butir_nomor, nilai in Jawaban.objects.filter(respon__in=respon_terhitung(periode)).values_list(
        "respon_id", "butir__nomor", "nilai"
    ):
        jawaban[respon_id][butir_nomor] = nilai
    out = []
    for pk, pd_id, unit_id in respon:
        if (pd_id, unit_id) not in labels:
            continue
        out.append([*labels[(pd_id, unit_id)], *(jawaban[pk].get(n) for n in nomor)])
    out.sort(key=lambda row: [str(v) for v in row])
    return out
