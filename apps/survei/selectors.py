"""Reads of Formulir 1 responses that other apps build on (the results read model is apps.hasil)."""

from django.db.models import Q, QuerySet

from .models import Periode, Respon

TERTUTUP = (Periode.Status.DITUTUP, Periode.Status.FINAL)


def agregat_tersedia(periode: Periode) -> bool:
    """Aggregates of a periode appear only after it closes (docs/keputusan.md, kerahasiaan)."""
    return periode.status in TERTUTUP


def respon_terhitung(*periodes: Periode) -> QuerySet[Respon]:
    """The responses that count in the aggregates of the periode(s): the submitted ones and, once a periode has
    been closed, only those submitted before its first close. Every report, download, the dashboard and the
    export count these, so comparing them before and after a reopening reveals nobody (docs/keputusan.md,
    "Kerahasiaan Formulir 1")."""
    q = Q(pk__in=[])
    for p in periodes:
        if p.ditutup_pertama_pada is None:
            q |= Q(periode_id=p.pk)
        else:
            q |= Q(periode_id=p.pk, dikirim_pada__lte=p.ditutup_pertama_pada)
    return Respon.objects.filter(q, status=Respon.Status.TERKIRIM)
