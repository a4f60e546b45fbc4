"""Writes to the registry that span models."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.akun.scope import lingkup

from . import workflow
from .models import Pegawai, PermintaanPerbaikan, RiwayatUnit, UnitKerja


@transaction.atomic
def pegawai_mutasi(pegawai: Pegawai, *, unit_kerja: UnitKerja, mulai: datetime.date, aktor=None) -> RiwayatUnit:
    """Move `pegawai` to `unit_kerja` from `mulai`.

    Side effects: closes the open RiwayatUnit row the day before `mulai`, opens a new one, and updates
    Pegawai.unit_kerja (a historical record is written by django-simple-history).
    """
    pegawai = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    RiwayatUnit.objects.filter(pegawai=pegawai, sampai__isnull=True).update(sampai=mulai - datetime.timedelta(days=1))
    riwayat = RiwayatUnit.objects.create(pegawai=pegawai, unit_kerja=unit_kerja, mulai=mulai, dicatat_oleh=aktor)
    pegawai.unit_kerja = unit_kerja
    pegawai.save(update_fields=["unit_kerja"])
    return riwayat


def permintaan_perbaikan_ajukan(
    pegawai: Pegawai, *, data: str, nilai_usulan: str, catatan: str = "", aktor
) -> PermintaanPerbaikan:
    """An ASN asks to correct their own registry record (UU 27/2022: the right to correct).

    Side effects: creates the request in workflow.AWAL (DIAJUKAN), which puts it in the admin's list; its
    first historical row names the ASN. Raises PermissionDenied when `aktor` is not the ASN of `pegawai`.
    """
    scope = lingkup(aktor)
    if not scope.boleh_ajukan_perbaikan_data or scope.pegawai.pk != pegawai.pk:
        raise PermissionDenied
    permintaan = PermintaanPerbaikan(
        pegawai=pegawai, data=data, nilai_usulan=nilai_usulan, catatan=catatan, status=workflow.AWAL
    )
    permintaan._history_user = aktor
    permintaan.save()
    return permintaan


def permintaan_perbaikan_transisi(
    permintaan: PermintaanPerbaikan, *, ke: str, aktor, catatan: str = ""
) -> PermintaanPerbaikan:
    """Decide a correction request: the one place its status changes (workflow.TRANSISI_PERBAIKAN).

    Side effects, in one transaction: locks the row and re-reads its status; refuses with PermissionDenied
    when `aktor` may not decide requests, with ValidationError when no transition leads from the current
    status to `ke` (decided meanwhile) or a required note is missing; sets status, the decider and the time
    (and the admin's note when one is given), saves with update_fields, and so writes one historical row
    (who: `aktor`, when, from the previous row's status to `ke`, the note as its change reason).
    The caller's instance gets the new values too.
    """
    if not lingkup(aktor).boleh_putuskan_perbaikan_data:
        raise PermissionDenied
    catatan = (catatan or "").strip()
    with transaction.atomic():
        locked = PermintaanPerbaikan.objects.select_for_update().get(pk=permintaan.pk)
        aksi = workflow.aksi_perbaikan_ke(locked.status, ke)
        if aksi is None:
            raise ValidationError(
                _("Permintaan ini tidak dapat diubah dari %(dari)s ke %(ke)s.")
                % {"dari": locked.get_status_display(), "ke": workflow.StatusPerbaikan(ke).label}
            )
        if workflow.catatan_wajib_perbaikan(aksi) and not catatan:
            raise ValidationError({"catatan_admin": _("Catatan wajib diisi untuk langkah ini.")})
        locked.status = ke
        locked.diputus_oleh = aktor
        locked.diputus_pada = timezone.now()
        fields = ["status", "diputus_oleh", "diputus_pada"]
        if catatan:
            locked.catatan_admin = catatan
            fields.append("catatan_admin")
        locked._history_user = aktor
        locked._change_reason = catatan
        locked.save(update_fields=fields)
    for name in fields:
        setattr(permintaan, name, getattr(locked, name))
    return locked
