"""The report levels (Lampiran BAB IV.2): consolidated (one row per PD), per PD (one row per top-level unit), a
unit's sub-units (Tim Monev) and one unit's row (its head).

Aggregates of a periode exist only once it is closed (DITUTUP or FINAL); before that a report carries the
participation counts only (live). The snapshot taken when the periode is finalised freezes everything else.

A closed periode is read from its frozen world (apps/hasil/beku.py): the unit tree and PD list of its first close
and the sums stored at its close; a periode never closed through the service is computed live, the same way.

Every level hides rows by the one confidentiality rule (kerahasiaan.py): the consolidated level decides which PDs
are hidden, and each PD's tree (`pohon_rahasia`) which unit rows are hidden, on every level at once, so the PD
report, a unit's sub-unit view, a unit head's page and the export agree and none can be subtracted from another.
"""

from collections.abc import Mapping

from django.db.models import Count, Q
from django.utils import timezone

from apps.common.instansi import instansi_halaman
from apps.organisasi.models import Pegawai, PerangkatDaerah, UnitKerja
from apps.survei.models import Periode
from apps.survei.scoring import Band
from apps.survei.selectors import agregat_tersedia, respon_terhitung

from .. import beku
from .agregat import (
    _SUMS,
    JumlahAsn,
    _catatan_for,
    _grouped,
    _Jumlah,
    bands_for,
    baris_dari,
    baris_rata_rata,
    jumlah_asn_sekarang,
)
from .data import Baris, Laporan
from .kerahasiaan import PohonRahasia, pohon_rahasia, sembunyikan
from .penandatangan import penandatangan_kabupaten, penandatangan_pd


def _tambah(out: dict, key, row) -> None:
    out.setdefault(key, _Jumlah()).tambah(_Jumlah(*row[2:6]))


def _per_pd_beku(periode: Periode) -> dict[int | None, _Jumlah]:
    out: dict[int | None, _Jumlah] = {}
    for row in beku.sums(periode):
        _tambah(out, row[0], row)
    return out


def _per_unit_beku(periode: Periode, pd_id: int) -> dict[int | None, _Jumlah]:
    out: dict[int | None, _Jumlah] = {}
    for row in beku.sums(periode, pd_id=pd_id):
        _tambah(out, row[1], row)
    return out


def pd_tersembunyi(periode: Periode) -> set[int]:
    """The PDs hidden on the consolidated level (one GROUP BY query of respondents per PD, or of the stored sums)."""
    if beku.bekukan_bila_perlu(periode):
        return sembunyikan({pk: j.n for pk, j in _per_pd_beku(periode).items()})
    n_per_pd = respon_terhitung(periode).values_list("perangkat_daerah_id").annotate(n=Count("pk")).order_by()
    return sembunyikan(dict(n_per_pd))


def pohon_pd(periode: Periode, pd_id: int) -> PohonRahasia:
    """The hidden rows of one PD's tree: the PDs per count, the PD's units, its respondents per unit: 3 queries."""
    hidden = pd_id in pd_tersembunyi(periode)
    if beku.bekukan_bila_perlu(periode):
        units = [(u.pk, u.path) for u in beku.units(periode, pd_id)]
        return pohon_rahasia(units, {pk: j.n for pk, j in _per_unit_beku(periode, pd_id).items()}, hidden)
    units = UnitKerja.objects.filter(perangkat_daerah_id=pd_id).values_list("pk", "path")
    per_unit = respon_terhitung(periode).filter(perangkat_daerah_id=pd_id).values_list("unit_kerja_id")
    return pohon_rahasia(units, dict(per_unit.annotate(n=Count("pk")).order_by()), hidden)


def pd_unit(periode: Periode, unit: UnitKerja) -> int:
    """The PD a unit belonged to at the first close of a closed periode (its PD now otherwise, or for a unit made
    since)."""
    if beku.bekukan_bila_perlu(periode):
        frozen = beku.unit(periode, unit.pk)
        if frozen is not None:
            return frozen.pd_id
    return unit.perangkat_daerah_id


def laporan_konsolidasi(
    periode: Periode, catatan: Mapping[str, str] | None = None, asn: JumlahAsn | None = None
) -> Laporan:
    """Consolidated report: one row per PD (active, or with responses); the PDs hidden by the confidentiality
    rule show no numbers. Queries: bands, the GROUP BY per PD, the active ASN per PD, the PD list, the Sekda: 5,
    whatever the number of PDs."""
    agregat = agregat_tersedia(periode)
    bands = bands_for(periode)
    if beku.bekukan_bila_perlu(periode):
        per_pd = _per_pd_beku(periode)
        pds = [(pk, kode, nama) for pk, kode, nama, aktif in beku.pds(periode) if aktif or pk in per_pd]
    else:
        per_pd = _grouped(respon_terhitung(periode), "perangkat_daerah_id")
        pds = (
            PerangkatDaerah.objects.filter(Q(aktif=True) | Q(pk__in=[k for k in per_pd if k is not None]))
            .values_list("pk", "kode", "nama")
            .order_by("kode")
        )
    asn_pd = (asn or jumlah_asn_sekarang()).per_pd()
    hidden = sembunyikan({pk: j.n for pk, j in per_pd.items()})
    rows = [
        baris_dari(
            per_pd.get(pk, _Jumlah()),
            bands,
            agregat,
            sembunyi=pk in hidden,
            nama=nama,
            n_asn=asn_pd.get(pk, 0),
            kunci=f"pd:{pk}",
            ref_id=pk,
            ref_kode=kode,
            catatan=_catatan_for(catatan, f"pd:{pk}"),
        )
        for pk, kode, nama in pds
    ]
    return Laporan(
        tingkat="konsolidasi",
        periode_kode=periode.kode,
        periode_nama=periode.nama,
        instansi=instansi_halaman().nama,
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
    GROUP BY per unit kerja, the Kepala PD, and (closed periode) the respondents per PD for the confidentiality
    rule of the level above: 6, whatever the number of units. Rows are folded in Python through
    `UnitKerja.path` with integer sums.
    """
    agregat = agregat_tersedia(periode)
    bands = bands_for(periode)
    induk_path, induk_nama = (induk.path, induk.nama) if induk else ("/", "")
    if beku.bekukan_bila_perlu(periode):
        units = [(u.pk, u.kode, u.nama, u.path, u.induk_id, u.aktif) for u in beku.units(periode, pd.pk)]
        per_unit = _per_unit_beku(periode, pd.pk)
        if induk is not None:
            frozen = next((u for u in units if u[0] == induk.pk), None)
            # A unit outside the PD's tree at the first close has nothing of this periode's under it.
            induk_path, induk_nama = (frozen[3], frozen[2]) if frozen else ("/-/", induk.nama)
    else:
        units = list(
            UnitKerja.objects.filter(perangkat_daerah=pd).values_list("pk", "kode", "nama", "path", "induk_id", "aktif")
        )
        per_unit = _grouped(respon_terhitung(periode).filter(perangkat_daerah=pd), "unit_kerja_id")
    asn = asn or jumlah_asn_sekarang(pd)
    rahasia = PohonRahasia(False)
    if agregat:
        rahasia = pohon_rahasia(
            [(u[0], u[3]) for u in units],
            {pk: j.n for pk, j in per_unit.items()},
            pd.pk in pd_tersembunyi(periode),
        )

    depth = len(induk_path.strip("/").split("/")) if induk else 0
    prefix = induk_path
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
                sembunyi=pk in (rahasia.own if is_own else rahasia.sub),
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
        sembunyi=induk.pk in rahasia.sub if induk else rahasia.pd_tersembunyi,
        nama=f"Seluruh {induk_nama}" if induk else "Seluruh PD",
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
        induk_nama=induk_nama,
    )


def baris_unit(periode: Periode, unit: UnitKerja, asn: JumlahAsn | None = None) -> tuple[Baris, dict[str, list[Band]]]:
    """The row of one unit and its sub-units, for its head, hidden as in the PD report. Queries: bands, the
    SUM/COUNT, the ASN, and (closed periode) the PD tree's confidentiality (3): 6."""
    bands = bands_for(periode)
    agregat = agregat_tersedia(periode)
    if beku.bekukan_bila_perlu(periode):
        return _baris_unit_beku(periode, unit, bands, asn), bands
    sembunyi = agregat and unit.pk in pohon_pd(periode, unit.perangkat_daerah_id).sub
    jumlah = respon_terhitung(periode).filter(unit_kerja__path__startswith=unit.path).aggregate(**_SUMS)
    if asn is None:
        n_asn = Pegawai.objects.filter(aktif=True, unit_kerja__path__startswith=unit.path).count()
    else:
        subtree = UnitKerja.objects.filter(path__startswith=unit.path).values_list("pk", flat=True)
        n_asn = sum(asn.unit(pk) for pk in subtree)
    row = baris_dari(
        _Jumlah(jumlah["n"], jumlah["s1"] or 0, jumlah["s2"] or 0, jumlah["s3"] or 0),
        bands,
        agregat,
        sembunyi=sembunyi,
        nama=unit.nama,
        n_asn=n_asn,
        kunci=f"unit:{unit.pk}",
        ref_id=unit.pk,
        ref_kode=unit.kode,
    )
    return row, bands


def _baris_unit_beku(periode: Periode, unit: UnitKerja, bands, asn: JumlahAsn | None) -> Baris:
    """baris_unit of a closed periode: the unit's subtree, PD, name and code as frozen at the first close."""
    frozen = beku.unit(periode, unit.pk)
    if frozen is None:  # made after the first close: nothing of this periode is under it
        return baris_dari(_Jumlah(), bands, nama=unit.nama, n_asn=0, kunci=f"unit:{unit.pk}", ref_id=unit.pk)
    ids = {u.pk for u in beku.subtree(beku.units(periode, frozen.pd_id), frozen.path)}
    jumlah = _Jumlah()
    for row in beku.sums(periode, unit_ids=ids):
        jumlah.tambah(_Jumlah(*row[2:6]))
    per_unit = beku.asn_per_unit(periode) if asn is None else {pk: asn.unit(pk) for pk in ids}
    return baris_dari(
        jumlah,
        bands,
        sembunyi=frozen.pk in pohon_pd(periode, frozen.pd_id).sub,
        nama=frozen.nama,
        n_asn=sum(per_unit.get(pk, 0) for pk in ids),
        kunci=f"unit:{unit.pk}",
        ref_id=unit.pk,
        ref_kode=frozen.kode,
    )
