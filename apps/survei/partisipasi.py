"""Participation in a periode: who has submitted, who has not (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»: never what they answered)."""

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from apps.akun.scope import lingkup, pegawai_for_user
from apps.organisasi.models import Pegawai, UnitKerja

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


def per_kelompok(pegawai: QuerySet[Pegawai], per_pd: bool) -> list[dict]:
    """Participation per unit (or per PD for kabupaten roles) over an annotated daftar_partisipasi queryset, with
    the group's key for a reminder ("unit:<pk>" / "pd:<pk>") and the percentage submitted (one query)."""
    if per_pd:
        keys = ("unit_kerja__perangkat_daerah_id", "unit_kerja__perangkat_daerah__nama")
    else:
        keys = ("unit_kerja_id", "unit_kerja__nama", "unit_kerja__path", "unit_kerja__perangkat_daerah_id")
    rows = (
        pegawai.order_by()
        .values(*keys)
        .annotate(jumlah=Count("pk"), terkirim=Count("pk", filter=Q(status_respon=Respon.Status.TERKIRIM)))
        .order_by(keys[1])
    )
    prefix = "pd" if per_pd else "unit"
    return [
        {
            "kelompok": f"{prefix}:{r[keys[0]]}",
            "nama": r[keys[1]],
            "jumlah": r["jumlah"],
            "terkirim": r["terkirim"],
            "persen": round(100 * r["terkirim"] / r["jumlah"]) if r["jumlah"] else 0,
            # For the reminder right (Lingkup.boleh_ingatkan_unit) without another query.
            "unit": None if per_pd else UnitKerja(pk=r[keys[0]], path=r[keys[2]], perangkat_daerah_id=r[keys[3]]),
        }
        for r in rows
    ]


def ringkasan(pegawai: QuerySet[Pegawai]) -> dict[str, int]:
    """Counts of pegawai, submitted and drafts over an annotated daftar_partisipasi queryset (one query)."""
    return pegawai.order_by().aggregate(
        jumlah=Count("pk"),
        terkirim=Count("pk", filter=Q(status_respon=Respon.Status.TERKIRIM)),
        draf=Count("pk", filter=Q(status_respon=Respon.Status.DRAF)),
    )
