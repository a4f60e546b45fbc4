"""Raw answers of a closed periode (`ekspor_jawaban`, and the XLSX for Tim Monev): one row per counted response,
no person. Columns perangkat_daerah,unit_kerja,p1..p35.

Labels follow the reports' confidentiality rule (docs/keputusan.md, "Kerahasiaan Formulir 1"): a unit's name is
printed only where the reports print that unit's own staff; otherwise the rows read "(digabung)" under their PD;
a PD hidden in the consolidated report reads "(digabung)" too. So every label combination covers 0 or at least
MIN_RESPONDEN responses, and subtracting the export from a report gives no group under MIN_RESPONDEN. Rows are
sorted by their labels and answers, so their order says nothing about who submitted when.
"""

from collections import Counter, defaultdict
from collections.abc import Mapping

from django.db.models import Count

from apps.hasil import beku
from apps.hasil.beku import bekukan_bila_perlu
from apps.hasil.selectors.kerahasiaan import pohon_rahasia, sembunyikan
from apps.organisasi.models import UnitKerja
from apps.survei.models import Butir, Jawaban, Periode
from apps.survei.scoring import MIN_RESPONDEN
from apps.survei.selectors import respon_terhitung

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
    """(PD id, unit id) of the counted responses -> the (PD, unit) label they get in the export. Two queries."""
    respon = respon_terhitung(periode)
    n = {
        (pd_id, unit_id): c
        for pd_id, unit_id, c in respon.values_list("perangkat_daerah_id", "unit_kerja_id")
        .annotate(c=Count("pk"))
        .order_by()
    }
    units: dict[int, list[tuple[int, str]]] = defaultdict(list)
    nama_unit, nama_pd = {}, {}
    if bekukan_bila_perlu(periode):  # the tree and names of the first close (apps/hasil/beku.py)
        for u in beku.units(periode):
            units[u.pd_id].append((u.pk, u.path))
            nama_unit[u.pk] = u.nama
        nama_pd = {pk: nama for pk, _kode, nama, _aktif in beku.pds(periode)}
    else:
        for pk, path, pd_id, unit_nama, pd_nama in UnitKerja.objects.filter(
            perangkat_daerah_id__in={pd_id for pd_id, _ in n}
        ).values_list("pk", "path", "perangkat_daerah_id", "nama", "perangkat_daerah__nama"):
            units[pd_id].append((pk, path))
            nama_unit[pk] = unit_nama
            nama_pd[pd_id] = pd_nama
    return {
        key: (nama_pd.get(pd_id, DIGABUNG) if pd_id else DIGABUNG, nama_unit[unit_id] if unit_id else DIGABUNG)
        for key, (pd_id, unit_id) in kelompok(n, units).items()
    }


def kelompok(
    n: Mapping[tuple[int, int], int], units: Mapping[int, list[tuple[int, str]]]
) -> dict[tuple[int, int], tuple[int | None, int | None]]:
    """The export's grouping, pure: (PD id, unit id) -> (PD id or None, unit id or None), None read "(digabung)".

    `n`: counted responses per (PD, unit kerja); `units`: (pk, path) of each PD's units. A PD hidden in the
    consolidated report loses both labels; a unit whose own staff the reports hide loses its unit label.
    """
    per_pd: Counter[int] = Counter()
    for (pd_id, _unit_id), c in n.items():
        per_pd[pd_id] += c
    pd_hidden = sembunyikan(dict(per_pd))
    out: dict[tuple[int, int], tuple[int | None, int | None]] = {}
    for pd_id in per_pd:
        per_unit = {unit_id: c for (p, unit_id), c in n.items() if p == pd_id}
        known = {pk for pk, _ in units.get(pd_id, [])}
        pohon = pohon_rahasia(units.get(pd_id, []), per_unit, pd_id in pd_hidden)
        for unit_id in per_unit:
            if pd_id in pd_hidden:
                out[(pd_id, unit_id)] = (None, None)
            elif unit_id in pohon.own or unit_id not in known:
                out[(pd_id, unit_id)] = (pd_id, None)
            else:
                out[(pd_id, unit_id)] = (pd_id, unit_id)
    return _paling_sedikit_minimum(out, n)


def _paling_sedikit_minimum(
    out: dict[tuple[int, int], tuple[int | None, int | None]], n: Mapping[tuple[int, int], int]
) -> dict[tuple[int, int], tuple[int | None, int | None]]:
    """A safety net that the rule above makes idle: merge any label shared by fewer than MIN_RESPONDEN responses
    into a coarser one; with fewer than MIN_RESPONDEN responses in the whole periode, label nothing (no rows)."""
    while True:
        count: Counter[tuple[int | None, int | None]] = Counter()
        for key, lbl in out.items():
            count[lbl] += n[key]
        kecil = sorted((lbl for lbl, c in count.items() if c < MIN_RESPONDEN), key=str)
        if not kecil:
            return out
        lbl = kecil[0]
        if lbl == (None, None):
            lain = sorted(((c, str(lb), lb) for lb, c in count.items() if lb != lbl), key=lambda t: t[:2])
            if not lain:
                return {}
            lbl, ke = lain[0][2], (None, None)
        else:
            ke = (lbl[0], None) if lbl[1] is not None else (None, None)
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
