"""Writes of the KBK: membership, and the reviewer rights it gives (Lampiran BAB III 2.1 (Tabel 3.1); Pasal 9 (Tim Monev), docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»).

A member whose Tabel 3.1 role gives reviewer rights holds an `akun.Peran` ANGGOTA_KBK for the PD while the
membership lasts; `apps.akun.scope.lingkup` reads that Peran. Both are written here, in one transaction.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.akun.models import Peran
from apps.akun.scope import lingkup
from apps.organisasi.models import Pegawai, PerangkatDaerah

from .models import AnggotaKBK, AnggotaTimMonev, KelompokBudayaKerja, PeranKBK, TimMonev
from .reference import jabatan_sesuai


def kbk_untuk(perangkat_daerah: PerangkatDaerah) -> KelompokBudayaKerja:
    kbk, _created = KelompokBudayaKerja.objects.get_or_create(perangkat_daerah=perangkat_daerah)
    return kbk


@transaction.atomic
def anggota_kbk_tambah(
    perangkat_daerah: PerangkatDaerah,
    *,
    pegawai: Pegawai,
    peran: PeranKBK,
    aktor,
    mulai: datetime.date | None = None,
    catatan_kesesuaian: str = "",
) -> AnggotaKBK:
    """Add a member with a Tabel 3.1 role; a reviewing role also gets a Peran ANGGOTA_KBK for the PD.

    A jabatan that does not fit the official Tabel 3.1 names for the role (`reference.jabatan_sesuai`) is refused
    unless the Kepala PD confirms it with a note, which is kept on the membership."""
    if not lingkup(aktor).boleh_ubah_kbk(perangkat_daerah.pk):
        raise PermissionDenied
    if pegawai.unit_kerja.perangkat_daerah_id != perangkat_daerah.pk:
        raise ValidationError({"pegawai": _("Anggota KBK harus pegawai perangkat daerah ini.")})
    catatan_kesesuaian = catatan_kesesuaian.strip()
    if not jabatan_sesuai(peran.kode, pegawai.jabatan) and not catatan_kesesuaian:
        raise ValidationError({"catatan_kesesuaian": pesan_tidak_sesuai(pegawai, peran)})
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
        kbk=kbk,
        pegawai=pegawai,
        peran=peran,
        mulai=mulai,
        peran_akses=peran_akses,
        dicatat_oleh=aktor,
        catatan_kesesuaian=catatan_kesesuaian,
    )


def pesan_tidak_sesuai(pegawai: Pegawai, peran: PeranKBK) -> str:
    return _(
        "Jabatan %(jabatan)s tidak sesuai Tabel 3.1 untuk peran %(peran)s (%(pj)s). Bila tetap ditambahkan, "
        "centang konfirmasi dan tulis alasannya."
    ) % {"jabatan": pegawai.jabatan or "(kosong)", "peran": peran.nama, "pj": peran.penanggung_jawab}


# Members of the Tim Monev decree get the TIM_MONEV role while they are members of the active team; the Pengarah
# steers and gets no operational right (docs/keputusan.md, "Tim Monev").
JABATAN_TANPA_HAK = {AnggotaTimMonev.Jabatan.PENGARAH}


@transaction.atomic
def tim_monev_sinkronkan_peran(tim: TimMonev) -> None:
    """Give each operational member of the active team a Peran TIM_MONEV (decree number as its SK) and end the
    Peran of members removed or of a team no longer active. Called after the admin saves the team."""
    hari_ini = timezone.localdate()
    kemarin = hari_ini - datetime.timedelta(days=1)
    tetap = set()
    if tim.aktif:
        for anggota in tim.anggota.select_related("pegawai").exclude(jabatan__in=JABATAN_TANPA_HAK):
            user_id = anggota.pegawai.user_id
            if user_id is None:
                continue
            peran = anggota.peran_akses
            if peran is None or (peran.sampai is not None and peran.sampai < hari_ini):
                peran = Peran.objects.aktif().filter(user_id=user_id, jenis=Peran.Jenis.TIM_MONEV).first()
                peran = peran or Peran.objects.create(
                    user_id=user_id, jenis=Peran.Jenis.TIM_MONEV, mulai=hari_ini, nomor_sk=tim.nomor_keputusan
                )
                anggota.peran_akses = peran
                anggota.save(update_fields=["peran_akses"])
            tetap.add(peran.pk)
    terkait = AnggotaTimMonev.objects.filter(tim=tim, peran_akses__isnull=False).values_list("peran_akses", flat=True)
    berakhir = Peran.objects.filter(
        Q(nomor_sk=tim.nomor_keputusan) | Q(pk__in=list(terkait)), jenis=Peran.Jenis.TIM_MONEV
    ).exclude(pk__in=tetap)
    for peran in berakhir.aktif():
        peran.mulai = min(peran.mulai, kemarin)
        peran.sampai = kemarin
        peran.save(update_fields=["mulai", "sampai"])


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
