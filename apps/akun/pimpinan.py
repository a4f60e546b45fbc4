"""Who heads each PD and unit on a given day: the definitive head, else the acting one (Plt., Plh., Pj.).

Every task that waits for a leader (a follow-up, a plan decision, a report to acknowledge, a problem addressed to
them) is routed through these functions; where they find nobody, the task is listed for Tim Monev as "tanpa
penanggung jawab" (docs/keputusan.md, «Setiap tugas punya orang»). Heads are `Peran` records with dates, so a
head whose term ended, or who starts next month, is not today's head.
"""

import datetime
from collections.abc import Iterable

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from apps.organisasi.models import PerangkatDaerah, UnitKerja

from .models import Peran


def _urut(qs):
    """The definitive head ("") before an acting one; among acting heads (Plt., Plh., Pj.) the latest
    appointment, since no rule ranks them."""
    return qs.annotate(
        sebutan_urut=Case(When(sebutan="", then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("sebutan_urut", "-mulai", "-pk")


def kepala_pd(pd_ids: Iterable[int], pada: datetime.date | None = None) -> dict[int, Peran]:
    """The head of each PD on `pada` (today): the definitive Kepala PD, else the acting one. One query.
    PDs without either are missing from the result."""
    hasil: dict[int, Peran] = {}
    qs = Peran.objects.aktif(pada).filter(jenis=Peran.Jenis.KEPALA_PD, perangkat_daerah_id__in=set(pd_ids))
    for peran in _urut(qs.select_related("user")):
        hasil.setdefault(peran.perangkat_daerah_id, peran)
    return hasil


def pimpinan_unit(units: Iterable[UnitKerja], pada: datetime.date | None = None) -> dict[int, Peran]:
    """The head of each unit on `pada`: of the unit itself, else of the nearest unit above it that has one
    (definitive before acting). One query. Units without a head up their tree are missing from the result."""
    units = list(units)
    ancestors = {int(x) for u in units for x in u.path.strip("/").split("/") if x}
    by_unit: dict[int, Peran] = {}
    qs = Peran.objects.aktif(pada).filter(jenis=Peran.Jenis.PIMPINAN_UNIT, unit_kerja_id__in=ancestors)
    for peran in _urut(qs.select_related("user")):
        by_unit.setdefault(peran.unit_kerja_id, peran)
    hasil = {}
    for u in units:
        for anc in reversed([int(x) for x in u.path.strip("/").split("/") if x]):
            if anc in by_unit:
                hasil[u.pk] = by_unit[anc]
                break
    return hasil


def pd_tanpa_kepala(pada: datetime.date | None = None) -> list[PerangkatDaerah]:
    """Active PDs with neither a definitive nor an acting head on `pada`. Two queries."""
    pada = pada or timezone.localdate()
    pds = list(PerangkatDaerah.objects.filter(aktif=True).order_by("kode"))
    ada = kepala_pd([pd.pk for pd in pds], pada)
    return [pd for pd in pds if pd.pk not in ada]
