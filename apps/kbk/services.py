"""Writes of the KBK: membership, and the reviewer rights it gives (SPEC 5, SPEC 2).

A member whose Tabel 3.1 role gives reviewer rights holds an `akun.Peran` ANGGOTA_KBK for the PD while the
membership lasts; `apps.akun.scope.lingkup` reads that Peran. Both are written here, in one transaction.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.akun.models import Peran
from apps.akun.scope import lingkup
from apps.organisasi.models import Pegawai, PerangkatDaerah

from .models import AnggotaKBK, KelompokBudayaKerja, PeranKBK


def kbk_untuk(perangkat_daerah: PerangkatDaerah) -> KelompokBudayaKerja:
    kbk, _created = KelompokBudayaKerja.objects.get_or_create(perangkat_daerah=perangkat_daerah)
    return kbk


@transaction.atomic
def anggota_kbk_tambah(
    perangkat_daerah: PerangkatDaerah, *, pegawai: Pegawai, peran: PeranKBK, aktor, mulai: datetime.date | None = None
) -> AnggotaKBK:
    """Add a member with a Tabel 3.1 role; a reviewing role also gets a Peran ANGGOTA_KBK for the PD."""
    if not lingkup(aktor).boleh_ubah_kbk(perangkat_daerah.pk):
        raise PermissionDenied
    if pegawai.unit_kerja.perangkat_daerah_id != perangkat_daerah.pk:
        raise ValidationError({"pegawai": _("Anggota KBK harus pegawai perangkat daerah ini.")})
    mulai = mulai or timezone.localdate()
    kbk = kbk_untuk(perangkat_daerah)
    if AnggotaKBK.objects.filter(kbk=kbk, pegawai=pegawai, peran=peran, sampai__isnull=True).exists():
        raise ValidationError({"pegawai": _("Pegawai ini sudah memegang peran tersebut.")})
    peran_akses = None
    if peran.memberi_hak_penelaah and pegawai.user_id is not None:
        peran_akses = (
            Peran.objects.aktif()
            .filter(user_id=pegawai.user_id, jenis=Peran.Jenis.ANGGOTA_KBK, perangkat_daerah=perangkat_daerah)
            .first()
        )
        if peran_akses is None:
            peran_akses = Peran.objects.create(
                user_id=pegawai.user_id,
                jenis=Peran.Jenis.ANGGOTA_KBK,
                perangkat_daerah=perangkat_daerah,
                mulai=mulai,
                nomor_sk=kbk.nomor_sk,
            )
    return AnggotaKBK.objects.create(
        kbk=kbk, pegawai=pegawai, peran=peran, mulai=mulai, peran_akses=peran_akses, dicatat_oleh=aktor
    )


@transaction.atomic
def anggota_kbk_akhiri(anggota: AnggotaKBK, *, aktor) -> AnggotaKBK:
    """End a membership today; its Peran ends too unless another active membership still uses it."""
    if not lingkup(aktor).boleh_ubah_kbk(anggota.kbk.perangkat_daerah_id):
        raise PermissionDenied
    anggota = AnggotaKBK.objects.select_for_update().get(pk=anggota.pk)
    if anggota.sampai is not None:
        return anggota
    # Ends yesterday, so the rights stop today (Peran.aktif includes its last day).
    kemarin = timezone.localdate() - datetime.timedelta(days=1)
    anggota.sampai = max(kemarin, anggota.mulai)
    anggota.save(update_fields=["sampai"])
    peran = anggota.peran_akses
    if peran is not None and not AnggotaKBK.objects.filter(peran_akses=peran, sampai__isnull=True).exists():
        peran.mulai = min(peran.mulai, kemarin)
        peran.sampai = kemarin
        peran.save(update_fields=["mulai", "sampai"])
    return anggota
