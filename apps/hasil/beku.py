"""A closed periode's frozen world (docs/keputusan.md, «Periode tertutup dibaca, tidak dihitung»): what it stores
when it closes (`bekukan`) and the reads of it that every view of a closed periode makes instead of reading the
registry and the answers. The report levels (selectors/tingkat.py), the dashboard's data (selectors/dasbor.py),
an ASN's results and the export all fold these sums by this tree, so they agree with each other and with the
report printed at the first close, whatever the registry does afterwards.

This module imports no selector (the selectors import it).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.organisasi.models import Pegawai, PerangkatDaerah, UnitKerja
from apps.survei.models import Jawaban, Periode
from apps.survei.selectors import agregat_tersedia, respon_terhitung

from .models import AgregatButir, AgregatPeriode, AsnPeriode, PdPeriode, PeriodeBeku, UnitPeriode

BAGIAN = ("I", "II", "III")  # the sections of Formulir 1, as in selectors/data.py


def bekukan(periode: Periode) -> PeriodeBeku:
    """Store what the views of a closed periode read: the PD list and unit tree as they are now when none is
    stored yet (the first close), and the sums of the counted responses, replacing earlier ones. Queries: the
    tree (2, once), the sums per (PD, unit), per (PD, unit, item), and per section total (3)."""
    now = timezone.now()
    with transaction.atomic():
        beku = PeriodeBeku.objects.select_for_update().filter(periode=periode).first()
        if beku is None:
            beku = PeriodeBeku.objects.create(periode=periode, pohon_pada=now, agregat_pada=now)
            _bekukan_pohon(periode)
        if not AsnPeriode.objects.filter(periode=periode).exists():
            _bekukan_asn(periode)
        AgregatPeriode.objects.filter(periode=periode).delete()
        AgregatPeriode.objects.bulk_create(_agregat(periode), batch_size=500)
        AgregatButir.objects.filter(periode=periode).delete()
        AgregatButir.objects.bulk_create(_agregat_butir(periode), batch_size=1000)
        beku.histogram = _histogram(periode)
        beku.agregat_pada = now
        beku.save(update_fields=["histogram", "agregat_pada"])
    periode.__dict__["_hasil_beku"] = True
    return beku


def bekukan_bila_perlu(periode: Periode) -> bool:
    """Whether the periode reads its frozen world: a periode that closed through the service (it has a first
    close) or became FINAL. Its world was stored then; one that closed before the world was stored is frozen now,
    at its first read. Anything else (open, or closed without the service) is computed live. Cached on the
    instance. Queries: 0 (live), 1 (frozen), and the freezing once."""
    cached = periode.__dict__.get("_hasil_beku")
    if cached is not None:
        return cached
    beku = agregat_tersedia(periode) and (
        periode.ditutup_pertama_pada is not None or periode.status == Periode.Status.FINAL
    )
    if beku and not PeriodeBeku.objects.filter(periode=periode).exists():
        try:
            bekukan(periode)
        except IntegrityError:  # a concurrent first read froze it
            pass
    periode.__dict__["_hasil_beku"] = beku
    return beku


def _bekukan_asn(periode: Periode) -> None:
    """Active ASN per unit now (the same GROUP BY as selectors.agregat.jumlah_asn_sekarang)."""
    rows = (
        Pegawai.objects.filter(aktif=True)
        .values_list("unit_kerja_id", "unit_kerja__perangkat_daerah_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    AsnPeriode.objects.bulk_create(
        [AsnPeriode(periode=periode, unit_kerja_id=u, perangkat_daerah_id=pd, jumlah=n) for u, pd, n in rows],
        ignore_conflicts=True,
    )


def _bekukan_pohon(periode: Periode) -> None:
    PdPeriode.objects.bulk_create(
        PdPeriode(periode=periode, pd_id=pk, kode=kode, nama=nama, aktif=aktif)
        for pk, kode, nama, aktif in PerangkatDaerah.objects.values_list("pk", "kode", "nama", "aktif")
    )
    UnitPeriode.objects.bulk_create(
        (
            UnitPeriode(
                periode=periode,
                unit_id=pk,
                pd_id=pd_id,
                induk_id=induk_id,
                path=path,
                kode=kode,
                nama=nama,
                aktif=aktif,
            )
            for pk, pd_id, induk_id, path, kode, nama, aktif in UnitKerja.objects.values_list(
                "pk", "perangkat_daerah_id", "induk_id", "path", "kode", "nama", "aktif"
            )
        ),
        batch_size=1000,
    )


def _agregat(periode: Periode) -> list[AgregatPeriode]:
    respon = respon_terhitung(periode)
    return [
        AgregatPeriode(
            periode=periode,
            pd_id=r["perangkat_daerah_id"],
            unit_id=r["unit_kerja_id"],
            n=r["n"],
            s1=r["s1"] or 0,
            s2=r["s2"] or 0,
            s3=r["s3"] or 0,
        )
        for r in respon.values("perangkat_daerah_id", "unit_kerja_id")
        .annotate(n=Count("pk"), s1=Sum("total_1"), s2=Sum("total_2"), s3=Sum("total_3"))
        .order_by()
    ]


def _agregat_butir(periode: Periode) -> list[AgregatButir]:
    rows = (
        Jawaban.objects.filter(respon__in=respon_terhitung(periode))
        .values_list("respon__perangkat_daerah_id", "respon__unit_kerja_id", "butir__nomor")
        .annotate(s=Sum("nilai"), n=Count("pk"))
        .order_by()
    )
    return [
        AgregatButir(periode=periode, pd_id=pd_id, unit_id=unit_id, nomor=nomor, s=s, n=n)
        for pd_id, unit_id, nomor, s, n in rows
    ]


def _histogram(periode: Periode) -> dict[str, dict[str, int]]:
    respon = respon_terhitung(periode)
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for i, kode in enumerate(BAGIAN, start=1):
        field = f"total_{i}"
        for total, n in (
            respon.exclude(**{f"{field}__isnull": True}).values_list(field).annotate(n=Count("pk")).order_by()
        ):
            out[kode][str(total)] = n
    return {kode: out.get(kode, {}) for kode in BAGIAN}


# --- reads of the frozen world -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    pk: int
    kode: str
    nama: str
    path: str
    induk_id: int | None
    aktif: bool
    pd_id: int


def _kini(model, field: str):
    """The registry's current value of a name or code (a renamed unit prints its new name; the structure stays
    frozen), the frozen one when the row is gone."""
    return Coalesce(Subquery(model.objects.filter(pk=OuterRef("pk_kini")).values(field)[:1]), F(field))


_UNIT = ("unit_id", "kode_kini", "nama_kini", "path", "induk_id", "aktif", "pd_id")


def _units(periode: Periode):
    return (
        UnitPeriode.objects.filter(periode=periode)
        .annotate(pk_kini=F("unit_id"))
        .annotate(kode_kini=_kini(UnitKerja, "kode"), nama_kini=_kini(UnitKerja, "nama"))
    )


def units(periode: Periode, pd_id: int | None = None) -> list[Unit]:
    """The frozen units (of one PD), with their names and codes of now. One query."""
    qs = _units(periode)
    if pd_id is not None:
        qs = qs.filter(pd_id=pd_id)
    return [Unit(*row) for row in qs.values_list(*_UNIT).order_by("unit_id")]


def unit(periode: Periode, unit_id: int) -> Unit | None:
    """One frozen unit; None for a unit made after the first close. One query."""
    row = _units(periode).filter(unit_id=unit_id).values_list(*_UNIT).first()
    return Unit(*row) if row else None


def pds(periode: Periode) -> list[tuple[int, str, str, bool]]:
    """The frozen PDs: (pk, kode, nama, aktif) with their codes and names of now, by code. One query."""
    qs = (
        PdPeriode.objects.filter(periode=periode)
        .annotate(pk_kini=F("pd_id"))
        .annotate(kode_kini=_kini(PerangkatDaerah, "kode"), nama_kini=_kini(PerangkatDaerah, "nama"))
    )
    return list(qs.order_by("kode_kini").values_list("pd_id", "kode_kini", "nama_kini", "aktif"))


def sums(periode: Periode, *, pd_id: int | None = None, unit_ids=None) -> list:
    """The stored sum rows (pd_id, unit_id, n, s1, s2, s3) of one PD's responses, or of the responses of some
    units. One query."""
    qs = AgregatPeriode.objects.filter(periode=periode)
    if pd_id is not None:
        qs = qs.filter(pd_id=pd_id)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    return list(qs.values_list("pd_id", "unit_id", "n", "s1", "s2", "s3"))


def sums_butir(periode: Periode, *, pd_id: int | None = None, unit_ids=None) -> dict[int, tuple[int, int]]:
    """{nomor: (sum, count)} of the answers of the responses of the kabupaten, of one PD, or of some units, added
    up by the database. One query."""
    qs = AgregatButir.objects.filter(periode=periode)
    if pd_id is not None:
        qs = qs.filter(pd_id=pd_id)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    rows = qs.values_list("nomor").annotate(s_=Sum("s"), n_=Sum("n")).order_by()
    return {nomor: (s, n) for nomor, s, n in rows}


def sums_per_periode(periodes) -> dict[int, list]:
    """The stored sum rows of several periodes, by periode id. One query."""
    out: dict[int, list] = defaultdict(list)
    rows = AgregatPeriode.objects.filter(periode__in=list(periodes)).values_list(
        "periode_id", "pd_id", "unit_id", "n", "s1", "s2", "s3"
    )
    for periode_id, *row in rows:
        out[periode_id].append(tuple(row))
    return out


def histogram(periode: Periode) -> dict[str, dict[int, int]]:
    data = PeriodeBeku.objects.filter(periode=periode).values_list("histogram", flat=True).first() or {}
    return {kode: {int(t): n for t, n in data.get(kode, {}).items()} for kode in BAGIAN}


def asn_per_unit(periode: Periode) -> dict[int, int]:
    """Active ASN per unit frozen at the close. One query."""
    return dict(AsnPeriode.objects.filter(periode=periode).values_list("unit_kerja_id", "jumlah"))


def subtree(all_units: list[Unit], path: str) -> list[Unit]:
    return [u for u in all_units if u.path.startswith(path)]
