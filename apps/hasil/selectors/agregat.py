"""Aggregation for the reports (Lampiran BAB IV.2): every report level is one GROUP BY query that returns SUM and
COUNT per row, never a query per row and never AVG. The division and the half-up rounding happen in Decimal in
`scoring.mean`, categories in `scoring.band_for_mean`, the RATA-RATA row in `scoring.rata_rata`; this module only
shapes rows:

- a row with 0 respondents shows "—", a row with 1-2 shows "< 3 responden" (docs/keputusan.md, kerahasiaan);
  neither enters RATA-RATA, but their respondents still count in the rows above (the "Seluruh PD" row);
- participation is "respondents / active ASN of the row". While a periode is open the ASN are counted now; for a
  closed periode the reporting app passes the counts it froze when the periode closed (`JumlahAsn`).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, Sum

from apps.organisasi.models import Pegawai, PerangkatDaerah
from apps.survei.models import BandKategori, Periode
from apps.survei.scoring import MIN_RESPONDEN, Band, Kategori, band_for_mean, mean, rata_rata

from .data import BAGIAN, DISEMBUNYIKAN, KOSONG, KURANG, Baris, Nilai
from .kerahasiaan import ALASAN


def bands_for(periode: Periode) -> dict[str, list[Band]]:
    """The category table of the periode's instrument version (one query).

    An instrument version is saved only with a complete table (the admin checks it), so a missing section is a
    broken instrument: it raises instead of printing another version's categories.
    """
    rows = BandKategori.objects.filter(bagian__instrumen_id=periode.instrumen_id).values_list(
        "bagian__kode", "kategori", "skor_min", "skor_max", "tindak_lanjut"
    )
    bands: dict[str, list[Band]] = {}
    for kode, kategori, skor_min, skor_max, tindak_lanjut in rows:
        bands.setdefault(kode, []).append(Band(Kategori(kategori), skor_min, skor_max, tindak_lanjut))
    return _lengkap(bands, periode.instrumen_id)


def _lengkap(bands: dict[str, list[Band]], instrumen_id: int) -> dict[str, list[Band]]:
    if set(bands) != set(BAGIAN):
        raise ImproperlyConfigured(f"Instrumen {instrumen_id} tidak punya tabel kategori untuk bagian I, II dan III.")
    return {kode: sorted(bands[kode], key=lambda b: b.skor_min) for kode in BAGIAN}


@dataclass
class _Jumlah:
    """Integer sums of one row: respondents and the three section totals."""

    n: int = 0
    s1: int = 0
    s2: int = 0
    s3: int = 0

    def tambah(self, other: "_Jumlah") -> None:
        self.n += other.n
        self.s1 += other.s1
        self.s2 += other.s2
        self.s3 += other.s3


_SUMS = {"n": Count("pk"), "s1": Sum("total_1"), "s2": Sum("total_2"), "s3": Sum("total_3")}


def _grouped(qs, key: str) -> dict[int | None, _Jumlah]:
    """One GROUP BY query: SUM and COUNT of the submitted responses per `key`."""
    return {
        row[key]: _Jumlah(row["n"], row["s1"] or 0, row["s2"] or 0, row["s3"] or 0)
        for row in qs.values(key).annotate(**_SUMS).order_by()
    }


def baris_dari(
    jumlah: _Jumlah, bands: Mapping[str, list[Band]], agregat: bool = True, sembunyi: bool = False, **fields
) -> Baris:
    """A report row from integer sums: TS, Ka, or the "—" / "< 3 responden" / "disembunyikan" marker.

    `sembunyi`: the row is hidden by the confidentiality rule (kerahasiaan.sembunyikan) although it has enough
    respondents of its own.
    """
    row = Baris(n_responden=jumlah.n, **fields)
    if not agregat:
        return row
    if jumlah.n == 0:
        row.tanda = KOSONG
    elif jumlah.n < MIN_RESPONDEN:
        row.tanda = KURANG
    elif sembunyi:
        row.tanda = DISEMBUNYIKAN
        row.alasan = ALASAN
    else:
        row.nilai = tuple(
            _nilai(mean(total, jumlah.n), bands[kode])
            for kode, total in zip(BAGIAN, (jumlah.s1, jumlah.s2, jumlah.s3), strict=True)
        )
    return row


def _nilai(ts: Decimal, bands: list[Band]) -> Nilai:
    return Nilai(ts, band_for_mean(ts, bands).kategori)


def baris_rata_rata(rows: Iterable[Baris], bands: Mapping[str, list[Band]]) -> Baris:
    """RATA-RATA: the mean of the printed TS of the rows with numbers, and its Ka the same way (Lampiran BAB IV.2)."""
    rows = list(rows)
    shown = [r.nilai for r in rows if r.nilai is not None]
    total = Baris(
        nama="RATA-RATA",
        n_responden=sum(r.n_responden for r in rows),
        n_asn=sum(r.n_asn or 0 for r in rows),
    )
    if not shown:
        total.tanda = KOSONG
        return total
    total.nilai = tuple(_nilai(rata_rata(n[i].ts for n in shown), bands[kode]) for i, kode in enumerate(BAGIAN))
    return total


@dataclass(frozen=True)
class JumlahAsn:
    """Active ASN per unit kerja (unit id -> (PD id, count)): the denominator of participation.

    The reporting app passes the counts it froze when the periode closed; without them the counts are read
    from the registry now (one GROUP BY over the active pegawai).
    """

    per_unit: Mapping[int, tuple[int, int]]

    def per_pd(self) -> dict[int, int]:
        totals: dict[int, int] = {}
        for pd_id, n in self.per_unit.values():
            totals[pd_id] = totals.get(pd_id, 0) + n
        return totals

    def unit(self, unit_id: int) -> int:
        return self.per_unit.get(unit_id, (0, 0))[1]


def jumlah_asn_sekarang(pd: PerangkatDaerah | None = None) -> JumlahAsn:
    """Active ASN per unit now, from the registry: one GROUP BY query (of one PD, or of the kabupaten)."""
    qs = Pegawai.objects.filter(aktif=True)
    if pd is not None:
        qs = qs.filter(unit_kerja__perangkat_daerah=pd)
    rows = qs.values_list("unit_kerja_id", "unit_kerja__perangkat_daerah_id").annotate(n=Count("pk")).order_by()
    return JumlahAsn({unit_id: (pd_id, n) for unit_id, pd_id, n in rows})


def _catatan_for(catatan: Mapping[str, str] | None, kunci: str) -> str:
    return (catatan or {}).get(kunci, "")
