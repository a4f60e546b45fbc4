"""Writes of the results read model: the active ASN per unit frozen when a periode closes."""

from apps.survei.models import Periode
from apps.survei.selectors import agregat_tersedia

from .models import AsnPeriode
from .selectors import JumlahAsn, jumlah_asn_sekarang


def on_periode_status_changed(sender, periode: Periode, old_status: str, new_status: str, actor=None, **kwargs) -> None:
    """Freeze the active ASN per unit when a periode closes ("ASN active in the row when the periode closed");
    forget them when it is reopened, so the next close counts again."""
    if new_status == Periode.Status.DITUTUP:
        AsnPeriode.objects.filter(periode=periode).delete()
        jumlah_asn(periode)
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
