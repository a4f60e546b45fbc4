"""The values catalogue as plain data (docs/paket.md): the local values and BerAKHLAK's seven of a pemda pack
(paket/<kode>/nilai.json) are compared with and written to the database through these functions (`apps.paket`)."""

from collections import Counter

from django.db import transaction
from django.db.models import F

from .models import Nilai

KOLOM = ("kode", "sistem", "nama", "urutan", "definisi", "indikator", "situasi", "perilaku")


def isi_katalog() -> list[dict]:
    """Every value as data, ordered by system and position."""
    return [{k: getattr(n, k) for k in KOLOM} for n in Nilai.objects.order_by("sistem", "urutan")]


def dipakai(kode: list[str]) -> dict[str, int]:
    """Value code -> how many records (rencana tindak rows, praktik baik, internalisasi) name it, for those named."""
    per_pk = dict(Nilai.objects.filter(kode__in=kode).values_list("pk", "kode"))
    hitung: Counter = Counter()
    for rel in Nilai._meta.get_fields(include_hidden=True):
        if rel.many_to_many and rel.auto_created:
            through = rel.through
            kolom = next(f.name for f in through._meta.fields if f.related_model is Nilai)
            for nilai_id in through.objects.filter(**{f"{kolom}__in": per_pk}).values_list(f"{kolom}_id", flat=True):
                hitung[per_pk[nilai_id]] += 1
    return dict(hitung)


@transaction.atomic
def tulis_katalog(baris: list[dict]) -> None:
    """Make the catalogue exactly `baris` (the shape of `isi_katalog`): values not in it are removed (the caller
    checks `dipakai` first), the others created or updated by code."""
    Nilai.objects.exclude(kode__in=[b["kode"] for b in baris]).delete()
    # Positions move in two steps so that (sistem, urutan) stays unique at every statement.
    Nilai.objects.update(urutan=F("urutan") + 1000)
    for b in baris:
        Nilai.objects.update_or_create(kode=b["kode"], defaults={k: v for k, v in b.items() if k != "kode"})
