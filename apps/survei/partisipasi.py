"""Participation in a periode: who has submitted, who has not (SPEC 2: never what they answered)."""

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from apps.akun.scope import lingkup, pegawai_for_user
from apps.organisasi.models import Pegawai

from .models import Periode, Respon


def pegawai_dalam_lingkup(user) -> QuerySet[Pegawai]:
    """Active pegawai whose participation the user may see: the unit subtree of a unit head, the PD of a
    Kepala PD or KBK member, everyone for kabupaten roles. An ASN's own record is not "participation"."""
    scope = lingkup(user)
    qs = pegawai_for_user(user).filter(aktif=True)
    if not scope.kabupaten:
        qs = qs.filter(Q(unit_kerja__perangkat_daerah_id__in=scope.pd_ids) | scope.unit_q("unit_kerja__"))
    return qs


def daftar_partisipasi(user, periode: Periode) -> QuerySet[Pegawai]:
    """Pegawai in scope with the status (and id, for Tim Monev's reopen) of their response: names, no answers."""
    respon = Respon.objects.filter(periode=periode, pegawai=OuterRef("pk"))
    return (
        pegawai_dalam_lingkup(user)
        .annotate(status_respon=Subquery(respon.values("status")[:1]), respon_id=Subquery(respon.values("pk")[:1]))
        .order_by("unit_kerja__perangkat_daerah__kode", "unit_kerja__path", "nama", "pk")
    )


def ringkasan(pegawai: QuerySet[Pegawai]) -> dict[str, int]:
    """Counts of pegawai, submitted and drafts over an annotated daftar_partisipasi queryset (one query)."""
    return pegawai.order_by().aggregate(
        jumlah=Count("pk"),
        terkirim=Count("pk", filter=Q(status_respon=Respon.Status.TERKIRIM)),
        draf=Count("pk", filter=Q(status_respon=Respon.Status.DRAF)),
    )
