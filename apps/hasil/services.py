"""Writes of the results read model: what a periode keeps when it closes (docs/keputusan.md, «Periode tertutup
dibaca, tidak dihitung»): the active ASN per unit, the unit tree and PD list (frozen once, at the first close),
and the sums of the counted responses per (PD, unit kerja) and item (rewritten at every close and at FINAL)."""

from apps.survei.models import Periode
from apps.survei.selectors import agregat_tersedia

from .beku import bekukan
from .models import AsnPeriode
from .selectors import JumlahAsn, jumlah_asn_sekarang

__all__ = ["bekukan", "jumlah_asn", "on_periode_status_changed"]


def on_periode_status_changed(sender, periode: Periode, old_status: str, new_status: str, actor=None, **kwargs) -> None:
    """When a periode closes: freeze the active ASN per unit ("ASN active in the row when the periode closed"),
    the unit tree (first close only) and the sums. When it is reopened: forget the ASN counts, so the next close
    counts again (the tree stays: docs/keputusan.md, «Periode tertutup dibaca, tidak dihitung»)."""
    if new_status == Periode.Status.DITUTUP:
        AsnPeriode.objects.filter(periode=periode).delete()
        jumlah_asn(periode)
        bekukan(periode)
    elif new_status == Periode.Status.DIBUKA:
        AsnPeriode.objects.filter(periode=periode).delete()


def jumlah_asn(periode: Periode) -> JumlahAsn | None:
    """Active ASN per unit frozen for a closed periode (one query once frozen); None while it is open (live).

    Counted when the periode closes (on_periode_status_changed); a periode closed some other way is counted at
    the first read. A race of two first reads stores one set (unique constraint, conflicts ignored).
    """
    if not agregat_tersedia(periode):
        return None
    rows = AsnPeriode.objects.filter(periode=periode).values_list("unit_kerja_id", "perangkat_daerah_id", "jumlah")
    frozen = {unit_id: (pd_id, n) for unit_id, pd_id, n in rows}
    if frozen:
        return JumlahAsn(frozen)
    now = jumlah_asn_sekarang()
    AsnPeriode.objects.bulk_create(
        [
            AsnPeriode(periode=periode, unit_kerja_id=unit_id, perangkat_daerah_id=pd_id, jumlah=n)
            for unit_id, (pd_id, n) in now.per_unit.items()
        ],
        ignore_conflicts=True,
    )
    return now
