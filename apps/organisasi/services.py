"""Writes to the registry that span models."""

import datetime
import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from apps.akun.models import Peran
from apps.akun.scope import lingkup

from . import hak, siasn, workflow
from .models import ImporSiasn, Pegawai, PemetaanSiasn, PermintaanPerbaikan, RiwayatUnit, UnitKerja


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


def mutasi_massal(pindah: list[tuple[int, int]], *, mulai: datetime.date, aktor=None) -> None:
    """The RiwayatUnit side of many transfers at once (pegawai pk, new unit pk), as `pegawai_mutasi` writes it
    for one: closes each open row the day before `mulai` and opens a new one. The caller writes
    Pegawai.unit_kerja (with its history, in bulk)."""
    if not pindah:
        return
    pks = [pk for pk, _unit in pindah]
    RiwayatUnit.objects.filter(pegawai_id__in=pks, sampai__isnull=True).update(
        sampai=mulai - datetime.timedelta(days=1)
    )
    RiwayatUnit.objects.bulk_create(
        [RiwayatUnit(pegawai_id=pk, unit_kerja_id=unit, mulai=mulai, dicatat_oleh=aktor) for pk, unit in pindah],
        batch_size=1000,
    )


def pegawai_keluar(pks: list[int], *, aktor=None, alasan: str = "") -> int:
    """Pegawai who left (pension, transfer out, death): deactivated, never deleted (docs/keputusan.md, «Impor SIASN»).

    Side effects, in the caller's transaction: `aktif` becomes False with a historical row naming `aktor` and
    `alasan` (the retention rule dates the leave from it, docs/pdp.md, «Retensi»); their open RiwayatUnit row
    closes yesterday; every role of their account that is active today or starts later ends yesterday, so
    their tasks go to the next head or to the "tanpa penanggung jawab" list (docs/keputusan.md, «Setiap tugas
    punya orang»). Returns how many were deactivated.
    """
    pegawai = list(Pegawai.objects.filter(pk__in=pks, aktif=True))
    if not pegawai:
        return 0
    kemarin = timezone.localdate() - datetime.timedelta(days=1)
    for p in pegawai:
        p.aktif = False
    bulk_update_with_history(
        pegawai, Pegawai, ["aktif"], batch_size=1000, default_user=_pengguna(aktor), default_change_reason=alasan[:100]
    )
    RiwayatUnit.objects.filter(pegawai__in=pegawai, sampai__isnull=True, mulai__lte=kemarin).update(sampai=kemarin)
    users = [p.user_id for p in pegawai if p.user_id is not None]
    berakhir = Peran.objects.filter(user_id__in=users).exclude(sampai__lt=timezone.localdate())
    for peran in berakhir:
        peran.mulai = min(peran.mulai, kemarin)
        peran.sampai = kemarin
        peran._history_user = _pengguna(aktor)
        peran._change_reason = alasan[:100]
        peran.save(update_fields=["mulai", "sampai"])
    return len(pegawai)


def _pengguna(aktor):
    return aktor if getattr(aktor, "pk", None) else None


def pemetaan_siasn() -> PemetaanSiasn:
    """The saved SIASN column mapping (created with the defaults on first use)."""
    pemetaan = PemetaanSiasn.objects.order_by("pk").first()
    return pemetaan or PemetaanSiasn.objects.create()


def pemetaan_siasn_simpan(kolom: dict, *, aktor) -> PemetaanSiasn:
    """Save the column mapping for the next import (its history keeps who changed it)."""
    if not hak.boleh_impor_pegawai(aktor):
        raise PermissionDenied
    pemetaan = pemetaan_siasn()
    kolom = siasn.pemetaan_sah(kolom)
    if pemetaan.kolom != kolom:
        pemetaan.kolom = kolom
        pemetaan.diubah_oleh = aktor
        pemetaan._history_user = aktor
        pemetaan.save()
    return pemetaan


def impor_siasn_terapkan(nama_berkas: str, data: bytes, *, digest: str, aktor) -> ImporSiasn:
    """Apply a SIASN file: exactly the diff the admin saw (its `digest`), all at once, with history.

    Side effects, in one transaction: locks the mapping row (one import at a time) and every pegawai row;
    reads the file again and recomputes the diff; refuses with ValidationError when it can not be applied (bad
    rows, unknown units) or differs from the one shown (the registry, the mapping or the file changed
    meanwhile); then creates the new pegawai (no account: they activate with a code), writes the changed ones
    (transfers through `mutasi_massal`), deactivates the leavers through `pegawai_keluar`, each with a
    historical row naming `aktor` and the file, and appends one ImporSiasn row (who, when, SHA-256, counts).
    """
    if not hak.boleh_impor_pegawai(aktor):
        raise PermissionDenied
    sha256 = hashlib.sha256(data).hexdigest()
    alasan = (_("Impor SIASN: %(file)s") % {"file": nama_berkas})[:100]
    user = _pengguna(aktor)
    with transaction.atomic():
        pemetaan = PemetaanSiasn.objects.select_for_update().get(pk=pemetaan_siasn().pk)
        selisih = siasn.bandingkan(siasn.baca(nama_berkas, data, pemetaan.kolom), sha256, kunci=True)
        if not selisih.boleh_diterapkan:
            raise ValidationError(
                _("Berkas masih memuat baris salah atau unit yang tidak dikenal; tidak ada yang disimpan.")
            )
        if selisih.digest != digest:
            raise ValidationError(
                _(
                    "Data pegawai atau pemetaan kolom berubah sejak pratinjau; tidak ada yang disimpan. "
                    "Periksa pratinjau yang baru, lalu konfirmasi lagi."
                )
            )
        hari_ini = timezone.localdate()
        baru = [
            Pegawai(
                nip=b.nip,
                nama=b.nama,
                jenis_asn=b.jenis,
                golongan_id=b.golongan_id,
                jabatan=b.jabatan or "",
                eselon=b.eselon or "",
                unit_kerja_id=b.unit_id,
            )
            for b in selisih.baru
        ]
        bulk_create_with_history(baru, Pegawai, batch_size=1000, default_user=user, default_change_reason=alasan)
        if selisih.ubah:
            diubah = list(Pegawai.objects.filter(pk__in=selisih.ubah))
            kolom = sorted({k for ubah in selisih.ubah.values() for k in ubah})
            for p in diubah:
                for atribut, nilai in selisih.ubah[p.pk].items():
                    setattr(p, atribut, nilai)
            mutasi_massal([(lama.pk, unit) for lama, unit in selisih.mutasi], mulai=hari_ini, aktor=user)
            bulk_update_with_history(
                diubah,
                Pegawai,
                [k.removesuffix("_id") for k in kolom],
                batch_size=1000,
                default_user=user,
                default_change_reason=alasan,
            )
        pegawai_keluar([p.pk for p in selisih.keluar], aktor=user, alasan=alasan)
        return ImporSiasn.objects.create(
            oleh=user,
            nama_berkas=nama_berkas[:200],
            sha256=sha256,
            jumlah_baris=selisih.bacaan.jumlah_baris,
            jumlah=selisih.jumlah(),
            pemetaan=pemetaan.kolom,
        )


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
