"""The user's own appointments and groups, from the role facts (apps.akun.scope.Lingkup): an active appointment
holds a Peran AGEN_PERUBAHAN (written and ended by apps.agen.services), so these read agen only for an agent, once
per request. The predicates of the apps above (apps/rencana/hak.py) are built on them."""

from apps.akun.scope import Lingkup

from .models import Penetapan


def penetapan_aktif_ids(scope: Lingkup) -> frozenset[int]:
    """The user's appointments (Penetapan) whose role is active today (its term covers today, not revoked)."""
    if not scope.agen_peran_ids:
        return frozenset()
    return scope.ingat(
        "agen.penetapan",
        lambda: frozenset(
            Penetapan.objects.filter(peran_akses_id__in=scope.agen_peran_ids).values_list("pk", flat=True)
        ),
    )


def kelompok_agen_ids(scope: Lingkup) -> frozenset[int]:
    """Kelompok Agen (not disbanded) in which the user holds an active appointment."""
    if not scope.agen_peran_ids:
        return frozenset()
    return scope.ingat(
        "agen.kelompok",
        lambda: frozenset(
            Penetapan.objects.filter(peran_akses_id__in=scope.agen_peran_ids, kelompok__dibubarkan_pada__isnull=True)
            .values_list("kelompok", flat=True)
            .distinct()
        ),
    )
