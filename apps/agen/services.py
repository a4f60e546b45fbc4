"""Writes of the agen perubahan workflow. `transition` is the only function that changes a nomination's status."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.akun.scope import lingkup
from apps.organisasi.models import Pegawai, PerangkatDaerah

from .models import (
    Nominasi,
    Penetapan,
    Penilaian,
    PeranAgen,
    PutaranRekrutmen,
    RiwayatNominasi,
    RubrikItem,
    SkorPenilaian,
    SuratKeputusan,
)
from .workflow import CATATAN_WAJIB, TRANSITIONS, USULAN, Aksi, Pelaku, Status, pelaku_untuk


class TransisiDitolak(PermissionDenied):
    """The actor holds no part on this nomination that allows the action (a 403)."""


class SudahDiputuskanError(Exception):
    """The nomination has left the state in which the action was possible (someone decided first)."""

    def __init__(self, nominasi: Nominasi) -> None:
        self.nominasi = nominasi
        super().__init__(
            _("Usulan ini sudah diputuskan: statusnya sekarang %(status)s.") % {"status": nominasi.get_status_display()}
        )


def alasan_tidak_memenuhi(pegawai: Pegawai, pada: datetime.date | None = None) -> list[str]:
    """Criteria (a) and (b) of Lampiran BAB III 2.2.1, read from the registry: the reasons they fail, or []."""
    pada = pada or timezone.localdate()
    alasan = []
    if not pegawai.aktif:
        alasan.append(_("(a) %(nama)s tidak berstatus ASN aktif di registri.") % {"nama": pegawai.nama_lengkap})
    sanksi = pegawai.sanksi_aktif(pada)
    if sanksi is not None:
        sampai = sanksi.selesai.strftime("%d-%m-%Y") if sanksi.selesai else _("tanpa batas")
        alasan.append(
            _("(b) %(nama)s sedang menjalani hukuman disiplin (%(jenis)s, %(mulai)s s.d. %(sampai)s).")
            % {
                "nama": pegawai.nama_lengkap,
                "jenis": sanksi.jenis,
                "mulai": sanksi.mulai.strftime("%d-%m-%Y"),
                "sampai": sampai,
            }
        )
    return alasan


def pelaku(nominasi: Nominasi, user) -> set[str]:
    """The parts `user` plays on `nominasi` (SPEC 2: a KBK reviewer never one from their own unit, never one they made)."""
    scope = lingkup(user)
    roles: set[str] = set()
    if user is None or not user.is_authenticated:
        return roles
    pengusul = nominasi.pengusul_id == user.pk
    calon = nominasi.pegawai.user_id == user.pk
    if pengusul:
        roles.add(Pelaku.PENGUSUL)
    if calon:
        roles.add(Pelaku.CALON)
    pd_id = nominasi.putaran.perangkat_daerah_id
    if pd_id in scope.kbk_pd_ids and not pengusul and not calon and not _unit_sendiri(scope.pegawai, nominasi):
        roles.add(Pelaku.PENELAAH)
    if pd_id in scope.kepala_pd_ids and not calon and not pengusul:  # never decide on one's own nomination
        roles.add(Pelaku.KEPALA_PD)
    return roles


def _unit_sendiri(pegawai: Pegawai | None, nominasi: Nominasi) -> bool:
    """True when the reviewer works in the nominee's unit, or in a unit above or below it."""
    if pegawai is None:
        return False
    mine, theirs = pegawai.unit_kerja.path, nominasi.unit_kerja.path
    return mine.startswith(theirs) or theirs.startswith(mine)


def buka_putaran(
    perangkat_daerah: PerangkatDaerah, tahun: int, dibuka: datetime.date, ditutup: datetime.date, aktor
) -> PutaranRekrutmen:
    """Open the PD's annual recruitment round (BAB III 3.3). Kepala PD of that PD or admin only."""
    scope = lingkup(aktor)
    if not (scope.admin or perangkat_daerah.pk in scope.kepala_pd_ids):
        raise PermissionDenied
    putaran = PutaranRekrutmen(perangkat_daerah=perangkat_daerah, tahun=tahun, dibuka=dibuka, ditutup=ditutup)
    putaran.dibuat_oleh = aktor
    putaran.full_clean(exclude=["dibuat_oleh"])
    putaran.save()
    return putaran


def usulkan(putaran: PutaranRekrutmen, pegawai: Pegawai, pengusul, mekanisme: str, alasan: dict[str, str]) -> Nominasi:
    """Penjaringan awal (2.2.2 1)): the head of the nominee's unit nominates them.

    Checks criteria (a) and (b) from the registry; (c)-(f) come with a justification each (`alasan` keys
    "c".."f"). Creates the nomination in MENUNGGU_KOMITMEN and its first history row.
    """
    scope = lingkup(pengusul)
    if not Pegawai.objects.filter(scope.unit_q("unit_kerja__"), pk=pegawai.pk).exists():
        raise PermissionDenied
    errors = []
    if pegawai.user_id is not None and pegawai.user_id == pengusul.pk:
        errors.append(_("Pimpinan unit tidak dapat mengusulkan dirinya sendiri."))
    if pegawai.unit_kerja.perangkat_daerah_id != putaran.perangkat_daerah_id:
        errors.append(_("Calon bukan pegawai perangkat daerah putaran ini."))
    if not putaran.terbuka():
        errors.append(_("Putaran rekrutmen %(putaran)s tidak sedang dibuka.") % {"putaran": putaran})
    errors += alasan_tidak_memenuhi(pegawai)
    if any(not (alasan.get(k) or "").strip() for k in "cdef"):
        errors.append(_("Setiap kriteria (c) sampai (f) perlu alasan tertulis."))
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            nominasi = Nominasi.objects.create(
                putaran=putaran,
                pegawai=pegawai,
                unit_kerja=pegawai.unit_kerja,
                pengusul=pengusul,
                mekanisme=mekanisme,
                alasan_c=alasan["c"].strip(),
                alasan_d=alasan["d"].strip(),
                alasan_e=alasan["e"].strip(),
                alasan_f=alasan["f"].strip(),
                status=Status.MENUNGGU_KOMITMEN,
            )
            RiwayatNominasi.objects.create(
                nominasi=nominasi, aksi=USULAN, dari_status="", ke_status=Status.MENUNGGU_KOMITMEN, oleh=pengusul
            )
    except IntegrityError:
        raise ValidationError(_("%(nama)s sudah diusulkan pada putaran ini.") % {"nama": pegawai.nama_lengkap})
    return nominasi


def buat_surat_keputusan(
    perangkat_daerah: PerangkatDaerah,
    nomor: str,
    tanggal: datetime.date,
    masa_mulai: datetime.date,
    masa_selesai: datetime.date,
    aktor,
) -> SuratKeputusan:
    """A Keputusan Kepala PD (2.2.2 3)), signed by the acting Kepala PD; agents are added by `transition`."""
    scope = lingkup(aktor)
    if perangkat_daerah.pk not in scope.kepala_pd_ids or scope.pegawai is None:
        raise PermissionDenied
    if masa_selesai <= masa_mulai:
        raise ValidationError({"masa_selesai": _("Masa tugas harus berakhir sesudah mulai.")})
    if SuratKeputusan.objects.filter(perangkat_daerah=perangkat_daerah, nomor=nomor).exists():
        raise ValidationError({"nomor": _("Nomor SK ini sudah dipakai di perangkat daerah ini.")})
    sebutan = next(
        (p.sebutan for p in scope.peran if p.jenis == "KEPALA_PD" and p.perangkat_daerah_id == perangkat_daerah.pk), ""
    )
    return SuratKeputusan.objects.create(
        perangkat_daerah=perangkat_daerah,
        nomor=nomor,
        tanggal=tanggal,
        masa_mulai=masa_mulai,
        masa_selesai=masa_selesai,
        penandatangan=scope.pegawai,
        sebutan_penandatangan=sebutan,
        dibuat_oleh=aktor,
    )


def transition(nominasi: Nominasi, aksi: str, aktor, catatan: str = "", **data) -> Nominasi:
    """Take `aksi` on `nominasi` as `aktor`: the one place a nomination's status changes.

    Side effects, in one transaction:
    - locks the nomination row (SELECT ... FOR UPDATE) and re-reads its status;
    - refuses with TransisiDitolak (403) when the actor plays no part allowed to take the action
      (workflow.TRANSITIONS; `pelaku`: the nominator never reviews their own nomination, a reviewer never one
      of their own unit), with SudahDiputuskanError when the status has moved on (another reviewer decided first),
      with ValidationError when a required note or datum is missing or criteria (a)/(b) fail at appointment;
    - per action: writes the Penilaian and its scores (rekomendasikan/tidak_rekomendasikan), the Penetapan
      under an SK (tetapkan), or the revocation time and reason on the Penetapan (cabut);
    - saves the status with update_fields and appends one RiwayatNominasi (who, when, from, to, note).
    The caller's `nominasi` instance gets the new status too.
    """
    if aksi not in Aksi.values:
        raise ValueError(f"unknown action {aksi!r}")
    catatan = (catatan or "").strip()
    with transaction.atomic():
        locked = (
            Nominasi.objects.select_for_update(of=("self",))
            .select_related("putaran", "pegawai__unit_kerja", "unit_kerja")
            .get(pk=nominasi.pk)
        )
        roles = pelaku(locked, aktor)
        if not roles & pelaku_untuk(aksi):
            raise TransisiDitolak
        entry = TRANSITIONS.get((locked.status, aksi))
        if entry is None:
            raise SudahDiputuskanError(locked)
        ke, boleh = entry
        if not roles & boleh:
            raise TransisiDitolak
        if aksi in CATATAN_WAJIB and not catatan:
            raise ValidationError({"catatan": _("Catatan wajib diisi untuk langkah ini.")})
        efek = _EFEK.get(aksi)
        if efek is not None:
            efek(locked, aktor, catatan, **data)
        dari = locked.status
        locked.status = ke
        locked.save(update_fields=["status", "diubah_pada"])
        RiwayatNominasi.objects.create(
            nominasi=locked, aksi=aksi, dari_status=dari, ke_status=ke, catatan=catatan, oleh=aktor
        )
    nominasi.status = locked.status
    return locked


def _nilai(direkomendasikan: bool):
    def efek(nominasi: Nominasi, aktor, catatan: str, skor: dict[int, int] | None = None, **_data) -> None:
        items = list(RubrikItem.objects.filter(aktif=True))
        skor = skor or {}
        if {item.pk for item in items} - set(skor) or any(not 1 <= int(skor[item.pk]) <= 5 for item in items):
            raise ValidationError(_("Setiap butir rubrik perlu skor 1 sampai 5."))
        penilaian = Penilaian.objects.create(
            nominasi=nominasi, penilai=aktor, direkomendasikan=direkomendasikan, catatan=catatan
        )
        SkorPenilaian.objects.bulk_create(
            [SkorPenilaian(penilaian=penilaian, item=item, skor=int(skor[item.pk])) for item in items]
        )

    return efek


def _tetapkan(
    nominasi: Nominasi,
    aktor,
    catatan: str,
    surat_keputusan: SuratKeputusan | None = None,
    peran: list[str] | None = None,
    tugas: str = "",
    **_data,
) -> None:
    """Penetapan formal (2.2.2 3)); criteria (a) and (b) are checked again (SPEC 6)."""
    errors = alasan_tidak_memenuhi(nominasi.pegawai)
    if surat_keputusan is None or surat_keputusan.perangkat_daerah_id != nominasi.putaran.perangkat_daerah_id:
        errors.append(_("Pilih surat keputusan perangkat daerah ini."))
    elif not surat_keputusan.masa_mulai <= timezone.localdate() <= surat_keputusan.masa_selesai:
        # An appointment runs under the SK's term (Lampiran BAB III 2.2.2 3)): a term that has ended, or has not
        # begun, cannot carry a new agent.
        errors.append(
            _("Masa tugas SK %(nomor)s (%(mulai)s s.d. %(selesai)s) tidak mencakup hari ini: pilih SK lain.")
            % {
                "nomor": surat_keputusan.nomor,
                "mulai": surat_keputusan.masa_mulai.strftime("%d-%m-%Y"),
                "selesai": surat_keputusan.masa_selesai.strftime("%d-%m-%Y"),
            }
        )
    peran = [p for p in (peran or []) if p in PeranAgen.values]
    if not peran:
        errors.append(_("Pilih sedikitnya satu peran agen perubahan."))
    if not tugas.strip():
        errors.append(_("Tugas agen perubahan wajib diisi."))
    if errors:
        raise ValidationError(errors)
    Penetapan.objects.create(
        nominasi=nominasi, surat_keputusan=surat_keputusan, pegawai=nominasi.pegawai, peran=peran, tugas=tugas.strip()
    )


def _cabut(nominasi: Nominasi, aktor, catatan: str, **_data) -> None:
    penetapan = Penetapan.objects.select_for_update().get(nominasi=nominasi)
    penetapan.dicabut_pada = timezone.now()
    penetapan.alasan_pencabutan = catatan
    penetapan.save(update_fields=["dicabut_pada", "alasan_pencabutan"])


_EFEK = {
    Aksi.REKOMENDASIKAN: _nilai(True),
    Aksi.TIDAK_REKOMENDASIKAN: _nilai(False),
    Aksi.TETAPKAN: _tetapkan,
    Aksi.CABUT: _cabut,
}
