"""Reads of Formulir 1 responses that other apps build on (the reports live in apps.laporan.selectors)."""

from django.db.models import QuerySet

from .models import Periode, Respon

TERTUTUP = (Periode.Status.DITUTUP, Periode.Status.FINAL)


def agregat_tersedia(periode: Periode) -> bool:
    """Aggregates of a periode appear only after it closes (docs/keputusan.md, kerahasiaan)."""
    return periode.status in TERTUTUP


def respon_terhitung(*periodes: Periode) -> QuerySet[Respon]:
    """The responses that count in the aggregates of the periode(s): the submitted ones."""
    return Respon.objects.filter(periode__in=[p.pk for p in periodes], status=Respon.Status.TERKIRIM)
