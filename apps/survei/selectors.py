"""Reads of Formulir 1 results for the Laporan Evaluasi and the dashboard (Lampiran BAB IV.2; SPEC 9).

Every report level is one GROUP BY query that returns SUM and COUNT per row, never a query per row and never
AVG: the division and the half-up rounding happen in Decimal in `scoring.mean`, categories in
`scoring.band_for_mean`, the RATA-RATA row in `scoring.rata_rata`. This module only shapes rows:

- a row with 0 respondents shows "—", a row with 1-2 shows "< 3 responden" (SPEC 2, for every viewer); neither
  enters RATA-RATA, but their respondents still count in the rows above (the "Seluruh PD" row);
- aggregates of a periode exist only once it is closed (DITUTUP or FINAL); before that a report carries the
  participation counts only (live);
- participation is "respondents / active ASN of the row". While a periode is open the ASN are counted now. For a
  closed periode the reporting app passes the counts it froze the first time the periode's report was read after
  closing (`JumlahAsn`; the registry keeps no history of `aktif`, so the closing date itself cannot be replayed);
  the snapshot taken when Tim Monev finalises the periode freezes everything else.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from apps.akun.models import Peran
from apps.organisasi.models import Pegawai, PerangkatDaerah, UnitKerja

from .models import BandKategori, Jawaban, Periode, Respon
from .scoring import PERBUP_BANDS, Band, Kategori, band_for_mean, mean, rata_rata

MIN_RESPONDEN = 3
BAGIAN = ("I", "II", "III")
INSTANSI_KABUPATEN = "Pemerintah Kabupaten Kupang"
TERTUTUP = (Periode.Status.DITUTUP, Periode.Status.FINAL)

KOSONG = "—"
KURANG = "< 3 responden"


def agregat_tersedia(periode: Periode) -> bool:
    """SPEC 2: aggregates of a periode appear only after it closes."""
    return periode.status in TERTUTUP


@dataclass(frozen=True)
class Nilai:
    """TS and Ka of one section in one row."""

    ts: Decimal
    ka: Kategori

    @property
    def ka_label(self) -> str:
        return self.ka.label


@dataclass
class Baris:
    """One row of the Laporan Evaluasi. `nilai` is None when `tanda` says why ("—", "< 3 responden")."""

    nama: str
    n_responden: int
    n_asn: int | None
    nilai: tuple[Nilai, ...] | None = None
    tanda: str = ""
    catatan: str = ""
    kunci: str = ""  # "pd:<id>" or "unit:<id>": where a Tim Monev note attaches
    ref_id: int | None = None
    ref_kode: str = ""
    ada_sub_unit: bool = False

    @property
    def anker(self) -> str:
        return self.kunci.replace(":", "-")

    @property
    def partisipasi(self) -> str:
        return f"{self.n_responden} / {self.n_asn}" if self.n_asn is not None else str(self.n_responden)

    @property
    def keterangan(self) -> str:
        text = f"Partisipasi {self.partisipasi}"
        return f"{text}. {self.catatan}" if self.catatan else text


@dataclass(frozen=True)
class Penandatangan:
    """Penanggung Jawab Evaluasi: the Sekda (consolidated) or the Kepala PD (per PD)."""

    nama: str
    jabatan: str
    pangkat_golongan: str
    nip: str
    sebutan: str = ""

    @property
    def nama_tampil(self) -> str:
        return f"{self.sebutan} {self.nama}".strip()


@dataclass
class Laporan:
    """The Laporan Evaluasi of one level: consolidated (rows per PD) or one PD (rows per unit)."""

    tingkat: str  # "konsolidasi" or "pd"
    periode_kode: str
    periode_nama: str
    instansi: str
    agregat: bool
    baris: list[Baris]
    rata_rata: Baris | None
    seluruh: Baris | None
    bands: dict[str, list[Band]]
    penandatangan: Penandatangan | None
    tanggal: datetime.date
    pd_id: int | None = None
    pd_kode: str = ""
    induk_id: int | None = None
    induk_nama: str = ""
    versi: int | None = None  # the snapshot version of a FINAL periode's report

    @property
    def jumlah_responden(self) -> int:
        return sum(b.n_responden for b in self.baris)

    def to_json(self) -> dict:
        """Plain JSON (Decimals as strings) for the snapshot of a finalised report."""
        data = asdict(self)
        data["tanggal"] = self.tanggal.isoformat()
        return _jsonable(data)

    @classmethod
    def from_json(cls, data: dict) -> "Laporan":
        def baris(d: dict | None) -> Baris | None:
            if d is None:
                return None
            nilai = d.pop("nilai")
            return Baris(**d, nilai=tuple(Nilai(Decimal(n["ts"]), Kategori(n["ka"])) for n in nilai) if nilai else None)

        data = dict(data)
        return cls(
            **{
                **data,
                "baris": [baris(dict(b)) for b in data["baris"]],
                "rata_rata": baris(dict(data["rata_rata"])) if data["rata_rata"] else None,
                "seluruh": baris(dict(data["seluruh"])) if data["seluruh"] else None,
                "bands": {
                    k: [Band(Kategori(b["kategori"]), **_without(b, "kategori")) for b in v]
                    for k, v in data["bands"].items()
                },
                "penandatangan": Penandatangan(**data["penandatangan"]) if data["penandatangan"] else None,
                "tanggal": datetime.date.fromisoformat(data["tanggal"]),
            }
        )


def _without(d: dict, key: str) -> dict:
    return {k: v for k, v in d.items() if k != key}


def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


# ---------------------------------------------------------------------------------------------------------------
# Building blocks


def bands_for(periode: Periode) -> dict[str, list[Band]]:
    """The category table of the periode's instrument version (one query); the Perbup table if it has none."""
    rows = BandKategori.objects.filter(bagian__instrumen_id=periode.instrumen_id).values_list(
        "bagian__kode", "kategori", "skor_min", "skor_max", "tindak_lanjut"
    )
    bands: dict[str, list[Band]] = {}
    for kode, kategori, skor_min, skor_max, tindak_lanjut in rows:
        bands.setdefault(kode, []).append(Band(Kategori(kategori), skor_min, skor_max, tindak_lanjut))
    if set(bands) != set(BAGIAN):
        return {kode: list(PERBUP_BANDS[kode]) for kode in BAGIAN}
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


def _terkirim(periode: Periode):
    return Respon.objects.filter(periode=periode, status=Respon.Status.TERKIRIM)


def _grouped(qs, key: str) -> dict[int | None, _Jumlah]:
    """One GROUP BY query: SUM and COUNT of the submitted responses per `key`."""
    return {
        row[key]: _Jumlah(row["n"], row["s1"] or 0, row["s2"] or 0, row["s3"] or 0)
        for row in qs.values(key).annotate(**_SUMS).order_by()
    }


def baris_dari(jumlah: _Jumlah, bands: Mapping[str, list[Band]], agregat: bool = True, **fields) -> Baris:
    """A report row from integer sums: TS, Ka, or the "—" / "< 3 responden" marker (SPEC 9)."""
    row = Baris(n_responden=jumlah.n, **fields)
    if not agregat:
        return row
    if jumlah.n == 0:
        row.tanda = KOSONG
    elif jumlah.n < MIN_RESPONDEN:
        row.tanda = KURANG
    else:
        row.nilai = tuple(
            _nilai(mean(total, jumlah.n), bands[kode])
            for kode, total in zip(BAGIAN, (jumlah.s1, jumlah.s2, jumlah.s3), strict=True)
        )
    return row


def _nilai(ts: Decimal, bands: list[Band]) -> Nilai:
    return Nilai(ts, band_for_mean(ts, bands).kategori)


def baris_rata_rata(rows: Iterable[Baris], bands: Mapping[str, list[Band]]) -> Baris:
    """RATA-RATA: the mean of the printed TS of the rows with numbers, and its Ka the same way (SPEC 9)."""
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


# ---------------------------------------------------------------------------------------------------------------
# Signers


def _penandatangan(peran: Peran | None) -> Penandatangan | None:
    pegawai = getattr(peran.user, "pegawai", None) if peran else None
    if pegawai is None:
        return None
    golongan = pegawai.golongan
    return Penandatangan(
        nama=pegawai.nama_lengkap,
        jabatan=pegawai.jabatan,
        pangkat_golongan=str(golongan) if golongan else "",
        nip=pegawai.nip,
        sebutan=peran.sebutan,
    )


def penandatangan_kabupaten() -> Penandatangan | None:
    """The active Sekretaris Daerah: penanggung jawab evaluasi for a Kab/Kota (Petunjuk Pengisian). One query."""
    peran = (
        Peran.objects.aktif()
        .filter(jenis=Peran.Jenis.SEKDA)
        .select_related("user__pegawai__golongan")
        .order_by("-mulai", "-pk")
        .first()
    )
    return _penandatangan(peran)


def penandatangan_pd(pd_id: int) -> Penandatangan | None:
    """The active Kepala PD (definitive, Plt. or Pj.). One query."""
    peran = (
        Peran.objects.aktif()
        .filter(jenis=Peran.Jenis.KEPALA_PD, perangkat_daerah_id=pd_id)
        .select_related("user__pegawai__golongan")
        .order_by("sebutan", "-mulai", "-pk")  # the definitive head ("") before a Plt./Pj.
        .first()
    )
    return _penandatangan(peran)


# ---------------------------------------------------------------------------------------------------------------
# Reports


def laporan_konsolidasi(
    periode: Periode, catatan: Mapping[str, str] | None = None, asn: JumlahAsn | None = None
) -> Laporan:
    """Consolidated report: one row per PD (active, or with responses). Queries: bands, the GROUP BY per PD,
    the active ASN per PD, the PD list, the Sekda: 5, whatever the number of PDs."""
    agregat = agregat_tersedia(periode)
    bands = bands_for(periode)
    per_pd = _grouped(_terkirim(periode), "perangkat_daerah_id")
    asn_pd = (asn or jumlah_asn_sekarang()).per_pd()
    pds = PerangkatDaerah.objects.filter(Q(aktif=True) | Q(pk__in=[k for k in per_pd if k is not None])).values_list(
        "pk", "kode", "nama"
    )
    rows = [
        baris_dari(
            per_pd.get(pk, _Jumlah()),
            bands,
            agregat,
            nama=nama,
            n_asn=asn_pd.get(pk, 0),
            kunci=f"pd:{pk}",
            ref_id=pk,
            ref_kode=kode,
            catatan=_catatan_for(catatan, f"pd:{pk}"),
        )
        for pk, kode, nama in pds.order_by("kode")
    ]
    return Laporan(
        tingkat="konsolidasi",
        periode_kode=periode.kode,
        periode_nama=periode.nama,
        instansi=INSTANSI_KABUPATEN,
        agregat=agregat,
        baris=rows,
        rata_rata=baris_rata_rata(rows, bands) if agregat else None,
        seluruh=None,
        bands=bands,
        penandatangan=penandatangan_kabupaten(),
        tanggal=timezone.localdate(),
    )


def laporan_perangkat_daerah(
    periode: Periode,
    pd: PerangkatDaerah,
    induk: UnitKerja | None = None,
    catatan: Mapping[str, str] | None = None,
    asn: JumlahAsn | None = None,
) -> Laporan:
    """Per-PD report: one row per top-level unit (its sub-units folded in), plus "Seluruh PD".

    With `induk` (Tim Monev opening a unit), one row for the unit's own staff and one per direct sub-unit, each
    with its subtree, plus "Seluruh <unit>". Queries: bands, the units of the PD, the active ASN per unit, the
    GROUP BY per unit kerja, the Kepala PD: 5, whatever the number of units. Rows are folded in Python through
    `UnitKerja.path` with integer sums.
    """
    agregat = agregat_tersedia(periode)
    bands = bands_for(periode)
    units = list(
        UnitKerja.objects.filter(perangkat_daerah=pd).values_list("pk", "kode", "nama", "path", "induk_id", "aktif")
    )
    asn = asn or jumlah_asn_sekarang(pd)
    per_unit = _grouped(_terkirim(periode).filter(perangkat_daerah=pd), "unit_kerja_id")

    depth = len(induk.path.strip("/").split("/")) if induk else 0
    prefix = induk.path if induk else "/"
    has_children = {induk_id for _, _, _, _, induk_id, _ in units if induk_id}
    own_key = induk.pk if induk else None
    groups: dict[int, _Jumlah] = {}
    group_asn: dict[int, int] = {}
    seluruh, seluruh_asn = _Jumlah(), 0
    for pk, _kode, _nama, path, _induk_id, _aktif in units:
        if not path.startswith(prefix):
            continue
        ids = [int(x) for x in path.strip("/").split("/")]
        key = ids[depth] if len(ids) > depth else own_key
        jumlah = per_unit.get(pk, _Jumlah())
        groups.setdefault(key, _Jumlah()).tambah(jumlah)
        group_asn[key] = group_asn.get(key, 0) + asn.unit(pk)
        seluruh.tambah(jumlah)
        seluruh_asn += asn.unit(pk)
    if induk is None:
        # Every response of the PD counts in Seluruh PD, even one whose unit has since left the PD's tree.
        seluruh = _Jumlah()
        for jumlah in per_unit.values():
            seluruh.tambah(jumlah)

    rows = []
    for pk, kode, nama, _path, induk_id, aktif in sorted(units, key=lambda u: u[1]):
        is_own = induk is not None and pk == induk.pk
        if not (is_own or induk_id == (induk.pk if induk else None)):
            continue
        if not aktif and not groups.get(pk, _Jumlah()).n and not is_own:
            continue
        rows.append(
            baris_dari(
                groups.get(pk, _Jumlah()),
                bands,
                agregat,
                nama=f"{nama} (pegawai langsung)" if is_own else nama,
                n_asn=group_asn.get(pk, 0),
                kunci=f"unit:{pk}",
                ref_id=pk,
                ref_kode=kode,
                ada_sub_unit=pk in has_children and not is_own,
                catatan="" if is_own else _catatan_for(catatan, f"unit:{pk}"),
            )
        )
    seluruh_row = baris_dari(
        seluruh,
        bands,
        agregat,
        nama=f"Seluruh {induk.nama}" if induk else "Seluruh PD",
        n_asn=seluruh_asn,
        kunci=f"unit:{induk.pk}" if induk else f"pd:{pd.pk}",
        ref_id=pd.pk,
        catatan=_catatan_for(catatan, f"unit:{induk.pk}" if induk else f"pd:{pd.pk}"),
    )
    return Laporan(
        tingkat="pd",
        periode_kode=periode.kode,
        periode_nama=periode.nama,
        instansi=pd.nama,
        agregat=agregat,
        baris=rows,
        rata_rata=baris_rata_rata(rows, bands) if agregat else None,
        seluruh=seluruh_row,
        bands=bands,
        penandatangan=penandatangan_pd(pd.pk),
        tanggal=timezone.localdate(),
        pd_id=pd.pk,
        pd_kode=pd.kode,
        induk_id=induk.pk if induk else None,
        induk_nama=induk.nama if induk else "",
    )


def baris_unit(periode: Periode, unit: UnitKerja, asn: JumlahAsn | None = None) -> tuple[Baris, dict[str, list[Band]]]:
    """The row of one unit and its sub-units, for its head (SPEC 2). Queries: bands, the SUM/COUNT, the ASN: 3."""
    bands = bands_for(periode)
    jumlah = _terkirim(periode).filter(unit_kerja__path__startswith=unit.path).aggregate(**_SUMS)
    if asn is None:
        n_asn = Pegawai.objects.filter(aktif=True, unit_kerja__path__startswith=unit.path).count()
    else:
        subtree = UnitKerja.objects.filter(path__startswith=unit.path).values_list("pk", flat=True)
        n_asn = sum(asn.unit(pk) for pk in subtree)
    row = baris_dari(
        _Jumlah(jumlah["n"], jumlah["s1"] or 0, jumlah["s2"] or 0, jumlah["s3"] or 0),
        bands,
        agregat_tersedia(periode),
        nama=unit.nama,
        n_asn=n_asn,
        kunci=f"unit:{unit.pk}",
        ref_id=unit.pk,
        ref_kode=unit.kode,
    )
    return row, bands


# ---------------------------------------------------------------------------------------------------------------
# Dashboard


@dataclass(frozen=True)
class Distribusi:
    """How many respondents fall in each category of one section."""

    bagian: str
    jumlah: dict[str, int]  # Kategori value -> count, in band order

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())


def distribusi_kategori(periode: Periode, bands: Mapping[str, list[Band]]) -> list[Distribusi]:
    """Respondents per category per section: one query of conditional counts over the band ranges (SPEC 9).

    A respondent's own total is an integer, so its band is a plain range lookup.
    """
    columns = {
        f"b{i}_{band.kategori.value}": Count(
            "pk", filter=Q(**{f"total_{i}__gte": band.skor_min, f"total_{i}__lte": band.skor_max})
        )
        for i, kode in enumerate(BAGIAN, start=1)
        for band in bands[kode]
    }
    counts = _terkirim(periode).aggregate(**columns)
    return [
        Distribusi(kode, {band.kategori.value: counts[f"b{i}_{band.kategori.value}"] for band in bands[kode]})
        for i, kode in enumerate(BAGIAN, start=1)
    ]


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

    With `perangkat_daerah` or `unit` (the unit and its sub-units), only that group's answers; a group of fewer
    than MIN_RESPONDEN respondents, or an open periode, gives nothing (docs/keamanan.md).
    """
    respon = Respon.objects.filter(periode=periode, status=Respon.Status.TERKIRIM)
    if perangkat_daerah is not None or unit is not None:
        if not agregat_tersedia(periode):
            return []
        if perangkat_daerah is not None:
            respon = respon.filter(perangkat_daerah=perangkat_daerah)
        if unit is not None:
            respon = respon.filter(unit_kerja__path__startswith=unit.path)
        if respon.count() < MIN_RESPONDEN:
            return []
    rows = (
        Jawaban.objects.filter(respon__in=respon.values("pk"))
        .values("butir_id", "butir__nomor", "butir__teks", "butir__bagian__kode")
        .annotate(s=Sum("nilai"), n=Count("pk"))
        .order_by()
    )
    items = [
        ButirLemah(r["butir__nomor"], r["butir__teks"], r["butir__bagian__kode"], mean(r["s"], r["n"]), r["n"])
        for r in rows
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

    Each periode's rows follow the report's rules (< 3 respondents left out), so a point equals the RATA-RATA
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
    grouped: dict[int, list[_Jumlah]] = {}
    rows = (
        Respon.objects.filter(periode__in=periodes, status=Respon.Status.TERKIRIM)
        .values("periode_id", "perangkat_daerah_id")
        .annotate(**_SUMS)
        .order_by()
    )
    for row in rows:
        grouped.setdefault(row["periode_id"], []).append(_Jumlah(row["n"], row["s1"], row["s2"], row["s3"]))
    points = []
    for p in sorted(periodes, key=lambda p: (p.tanggal_buka, p.kode)):
        bands = by_instrument.get(p.instrumen_id, {})
        if set(bands) != set(BAGIAN):
            bands = {kode: list(PERBUP_BANDS[kode]) for kode in BAGIAN}
        pd_rows = [baris_dari(j, bands, nama="", n_asn=None) for j in grouped.get(p.pk, [])]
        points.append(TitikTren(p.kode, p.nama, baris_rata_rata(pd_rows, bands)))
    return points
