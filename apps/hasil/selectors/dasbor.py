"""The dashboard's data (Lampiran BAB IV.2): categories per section, the weakest items, the trend over periodes."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from apps.organisasi.models import PerangkatDaerah, UnitKerja
from apps.survei.models import BandKategori, Butir, Jawaban, Periode
from apps.survei.scoring import MIN_RESPONDEN, Band, Kategori, mean
from apps.survei.selectors import agregat_tersedia, respon_terhitung

from .. import beku
from .agregat import _SUMS, _Jumlah, _lengkap, baris_dari, baris_rata_rata
from .data import BAGIAN, Baris
from .kerahasiaan import sembunyikan
from .tingkat import pd_tersembunyi, pd_unit, pohon_pd


@dataclass(frozen=True)
class Distribusi:
    """How many respondents fall in each category of one section."""

    bagian: str
    jumlah: dict[str, int]  # Kategori value -> count, in band order
    tersembunyi: frozenset[str] = frozenset()  # categories hidden by the confidentiality rule

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())


def distribusi_kategori(periode: Periode, bands: Mapping[str, list[Band]]) -> list[Distribusi]:
    """Respondents per category per section: one query of conditional counts over the band ranges (Lampiran BAB IV.2).

    A respondent's own total is an integer, so its band is a plain range lookup. A category of 1-2 respondents is
    hidden, and with it the next smallest until the hidden ones hold 0 or at least MIN_RESPONDEN (kerahasiaan.py):
    the section's total minus the printed categories must not give a small group.
    """
    if beku.bekukan_bila_perlu(periode):
        hist = beku.histogram(periode)
        out = []
        for kode in BAGIAN:
            jumlah = {
                band.kategori.value: sum(n for t, n in hist[kode].items() if band.skor_min <= t <= band.skor_max)
                for band in bands[kode]
            }
            out.append(Distribusi(kode, jumlah, frozenset(sembunyikan(jumlah))))
        return out
    columns = {
        f"b{i}_{band.kategori.value}": Count(
            "pk", filter=Q(**{f"total_{i}__gte": band.skor_min, f"total_{i}__lte": band.skor_max})
        )
        for i, kode in enumerate(BAGIAN, start=1)
        for band in bands[kode]
    }
    counts = respon_terhitung(periode).aggregate(**columns)
    out = []
    for i, kode in enumerate(BAGIAN, start=1):
        jumlah = {band.kategori.value: counts[f"b{i}_{band.kategori.value}"] for band in bands[kode]}
        out.append(Distribusi(kode, jumlah, frozenset(sembunyikan(jumlah))))
    return out


@dataclass(frozen=True)
class ButirLemah:
    nomor: int
    teks: str
    bagian: str
    rata_rata: Decimal
    n: int


def butir_terlemah(
    periode: Periode, jumlah: int = 5, *, perangkat_daerah: PerangkatDaerah | None = None, unit: UnitKerja | None = None
) -> list[ButirLemah]:
    """The items with the highest mean answer (lower is better): SUM/COUNT per item in one query, Decimal mean.
    An item answered by fewer than MIN_RESPONDEN respondents is not shown.

    With `perangkat_daerah` or `unit` (the unit and its sub-units), only that group's answers; a group of fewer
    than MIN_RESPONDEN respondents, or an open periode, gives nothing (docs/keputusan.md, kerahasiaan).
    """
    if perangkat_daerah is not None or unit is not None:
        if not agregat_tersedia(periode):
            return []
        # A group the reports hide (a PD hidden on the consolidated level, a unit hidden in its PD's tree) shows
        # no items either: the kabupaten's items minus the printed groups' would give it.
        if perangkat_daerah is not None and perangkat_daerah.pk in pd_tersembunyi(periode):
            return []
        if unit is not None and unit.pk in pohon_pd(periode, pd_unit(periode, unit)).sub:
            return []
    if beku.bekukan_bila_perlu(periode):
        return _butir_terlemah_beku(periode, jumlah, perangkat_daerah, unit)
    respon = respon_terhitung(periode)
    if perangkat_daerah is not None or unit is not None:
        if perangkat_daerah is not None:
            respon = respon.filter(perangkat_daerah=perangkat_daerah)
        if unit is not None:
            respon = respon.filter(unit_kerja__path__startswith=unit.path)
        if respon.count() < MIN_RESPONDEN:
            return []
    rows = (
        Jawaban.objects.filter(respon__in=respon)
        .values("butir_id", "butir__nomor", "butir__teks", "butir__bagian__kode")
        .annotate(s=Sum("nilai"), n=Count("pk"))
        .order_by()
    )
    items = [
        ButirLemah(r["butir__nomor"], r["butir__teks"], r["butir__bagian__kode"], mean(r["s"], r["n"]), r["n"])
        for r in rows
        if r["n"] >= MIN_RESPONDEN
    ]
    items.sort(key=lambda b: (-b.rata_rata, b.nomor))
    return items[:jumlah]


def jumlah_butir_beku(periode: Periode, *, pd_id: int | None = None, unit_path: str | None = None):
    """From the stored sums of a closed periode: {nomor: (sum, count)} of the answers of the kabupaten, of one
    PD (by the responses' PD) or of a frozen unit with its sub-units, and their number of respondents. Two
    queries (three with a unit)."""
    unit_ids = None
    if unit_path is not None:
        unit_ids = {u.pk for u in beku.subtree(beku.units(periode), unit_path)}
    n = sum(row[2] for row in beku.sums(periode, pd_id=pd_id, unit_ids=unit_ids))
    return beku.sums_butir(periode, pd_id=pd_id, unit_ids=unit_ids), n


def _butir_terlemah_beku(periode: Periode, jumlah: int, perangkat_daerah, unit) -> list[ButirLemah]:
    path = None
    if unit is not None:
        frozen = beku.unit(periode, unit.pk)
        path = frozen.path if frozen else "/-/"
    per_butir, n = jumlah_butir_beku(
        periode, pd_id=perangkat_daerah.pk if perangkat_daerah is not None else None, unit_path=path
    )
    if (perangkat_daerah is not None or unit is not None) and n < MIN_RESPONDEN:
        return []
    teks = {
        nomor: (t, kode)
        for nomor, t, kode in Butir.objects.filter(bagian__instrumen_id=periode.instrumen_id).values_list(
            "nomor", "teks", "bagian__kode"
        )
    }
    items = [
        ButirLemah(nomor, teks[nomor][0], teks[nomor][1], mean(s, c), c)
        for nomor, (s, c) in per_butir.items()
        if c >= MIN_RESPONDEN
    ]
    items.sort(key=lambda b: (-b.rata_rata, b.nomor))
    return items[:jumlah]


@dataclass(frozen=True)
class TitikTren:
    periode_kode: str
    periode_nama: str
    rata_rata: Baris


def tren(periodes: Iterable[Periode]) -> list[TitikTren]:
    """RATA-RATA of the consolidated report of each closed periode, oldest first: one GROUP BY (periode, PD).

    Each periode's rows follow the report's rules (< 3 respondents, and the rows hidden with them, left out), so a point equals the RATA-RATA
    printed in that periode's report. The bands are those of each periode's instrument (one query).
    """
    periodes = [p for p in periodes if agregat_tersedia(p)]
    if not periodes:
        return []
    by_instrument: dict[int, dict[str, list[Band]]] = {}
    band_rows = BandKategori.objects.filter(bagian__instrumen_id__in={p.instrumen_id for p in periodes}).values_list(
        "bagian__instrumen_id", "bagian__kode", "kategori", "skor_min", "skor_max", "tindak_lanjut"
    )
    for instrumen_id, kode, kategori, skor_min, skor_max, tindak in band_rows:
        by_instrument.setdefault(instrumen_id, {}).setdefault(kode, []).append(
            Band(Kategori(kategori), skor_min, skor_max, tindak)
        )
    grouped: dict[int, dict[int, _Jumlah]] = {}
    frozen = [p for p in periodes if beku.bekukan_bila_perlu(p)]
    for periode_id, rows in beku.sums_per_periode(frozen).items():
        for pd_id, _unit_id, *sums in rows:
            grouped.setdefault(periode_id, {}).setdefault(pd_id, _Jumlah()).tambah(_Jumlah(*sums))
    live = [p for p in periodes if p not in frozen]
    rows = respon_terhitung(*live).values("periode_id", "perangkat_daerah_id").annotate(**_SUMS).order_by()
    for row in rows if live else []:
        grouped.setdefault(row["periode_id"], {})[row["perangkat_daerah_id"]] = _Jumlah(
            row["n"], row["s1"], row["s2"], row["s3"]
        )
    points = []
    for p in sorted(periodes, key=lambda p: (p.tanggal_buka, p.kode)):
        bands = _lengkap(by_instrument.get(p.instrumen_id, {}), p.instrumen_id)
        per_pd = grouped.get(p.pk, {})
        hidden = sembunyikan({pk: j.n for pk, j in per_pd.items()})
        pd_rows = [baris_dari(j, bands, sembunyi=pk in hidden, nama="", n_asn=None) for pk, j in per_pd.items()]
        points.append(TitikTren(p.kode, p.nama, baris_rata_rata(pd_rows, bands)))
    return points
