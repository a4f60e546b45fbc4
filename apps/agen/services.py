"""Writes of the agen perubahan workflow. `nominasi_transisi` is the only function that changes a nomination's status."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.akun.models import Peran, User
from apps.akun.scope import lingkup
from apps.common.dokumen import terbitkan
from apps.common.models import DokumenTerbit, Instansi
from apps.organisasi.models import Pegawai, PerangkatDaerah

from .models import (
    KelompokAgen,
    Nominasi,
    Penetapan,
    Penilaian,
    PeranAgen,
    PutaranRekrutmen,
    RiwayatKelompokAgen,
    RiwayatNominasi,
    RubrikItem,
    SkorPenilaian,
    SuratKeputusan,
)
from .workflow import TRANSITIONS, USULAN, Aksi, Pelaku, Status, aksi_dari, catatan_wajib, pelaku_untuk


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


def nominasi_pelaku(nominasi: Nominasi, *, aktor) -> set[str]:
    """The parts `user` plays on `nominasi` (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»: a KBK reviewer never one from their own unit, never one they made)."""
    scope = lingkup(aktor)
    roles: set[str] = set()
    if aktor is None or not aktor.is_authenticated:
        return roles
    pengusul = nominasi.pengusul_id == aktor.pk
    calon = nominasi.pegawai.user_id == aktor.pk
    if pengusul:
        roles.add(Pelaku.PENGUSUL)
    if calon:
        roles.add(Pelaku.CALON)
    if scope.boleh_telaah_nominasi(nominasi):
        roles.add(Pelaku.PENELAAH)
    if scope.boleh_tetapkan_nominasi(nominasi):
        roles.add(Pelaku.KEPALA_PD)
    return roles


def nominasi_aksi_tersedia(nominasi: Nominasi, *, aktor) -> list[str]:
    """The actions `aktor` may take on `nominasi` now (workflow.TRANSITIONS and the parts they play)."""
    roles = nominasi_pelaku(nominasi, aktor=aktor)
    return [a for a in aksi_dari(nominasi.status) if roles & TRANSITIONS[(nominasi.status, a)][1]]


def putaran_buka(
    perangkat_daerah: PerangkatDaerah, *, tahun: int, dibuka: datetime.date, ditutup: datetime.date, aktor
) -> PutaranRekrutmen:
    """Open the PD's annual recruitment round (BAB III 3.3). Kepala PD of that PD or admin only."""
    if not lingkup(aktor).boleh_buka_putaran(perangkat_daerah.pk):
        raise PermissionDenied
    putaran = PutaranRekrutmen(perangkat_daerah=perangkat_daerah, tahun=tahun, dibuka=dibuka, ditutup=ditutup)
    putaran.dibuat_oleh = aktor
    putaran.full_clean(exclude=["dibuat_oleh"])
    putaran.save()
    return putaran


def nominasi_usulkan(
    putaran: PutaranRekrutmen, *, pegawai: Pegawai, aktor, mekanisme: str, alasan: dict[str, str]
) -> Nominasi:
    """Penjaringan awal (2.2.2 1)): the head of the nominee's unit nominates them.

    Checks criteria (a) and (b) from the registry; (c)-(f) come with a justification each (`alasan` keys
    "c".."f"). Creates the nomination in MENUNGGU_KOMITMEN and its first history row.
    """
    if not lingkup(aktor).boleh_usulkan_agen(pegawai):
        raise PermissionDenied
    errors = []
    if pegawai.user_id is not None and pegawai.user_id == aktor.pk:
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
                pengusul=aktor,
                mekanisme=mekanisme,
                alasan_c=alasan["c"].strip(),
                alasan_d=alasan["d"].strip(),
                alasan_e=alasan["e"].strip(),
                alasan_f=alasan["f"].strip(),
                status=Status.MENUNGGU_KOMITMEN,
            )
            RiwayatNominasi.objects.create(
                nominasi=nominasi, aksi=USULAN, dari_status="", ke_status=Status.MENUNGGU_KOMITMEN, oleh=aktor
            )
    except IntegrityError:
        raise ValidationError(_("%(nama)s sudah diusulkan pada putaran ini.") % {"nama": pegawai.nama_lengkap})
    return nominasi


def surat_keputusan_buat(
    perangkat_daerah: PerangkatDaerah,
    *,
    nomor: str,
    tanggal: datetime.date,
    masa_mulai: datetime.date,
    masa_selesai: datetime.date,
    aktor,
    merujuk: SuratKeputusan | None = None,
    jenis: str = SuratKeputusan.Jenis.PENETAPAN,
) -> SuratKeputusan:
    """A konsep Keputusan of the Kepala PD (2.2.2 3)), signed by the acting Kepala PD; agents are added by
    `nominasi_transisi` until `surat_keputusan_tetapkan` issues it. With `merujuk` (an issued SK of the PD) it is an
    amending SK (PERUBAHAN) that cites it (docs/keputusan.md, «Dokumen terbit»)."""
    scope = lingkup(aktor)
    if not scope.boleh_buat_sk(perangkat_daerah.pk):
        raise PermissionDenied
    if masa_selesai <= masa_mulai:
        raise ValidationError({"masa_selesai": _("Masa tugas harus berakhir sesudah mulai.")})
    if SuratKeputusan.objects.filter(perangkat_daerah=perangkat_daerah, nomor=nomor).exists():
        raise ValidationError({"nomor": _("Nomor SK ini sudah dipakai di perangkat daerah ini.")})
    if merujuk is not None:
        if merujuk.perangkat_daerah_id != perangkat_daerah.pk or not merujuk.ditetapkan:
            raise ValidationError({"merujuk": _("SK yang diubah harus SK perangkat daerah ini yang sudah ditetapkan.")})
        if jenis == SuratKeputusan.Jenis.PENETAPAN:
            jenis = SuratKeputusan.Jenis.PERUBAHAN
    sebutan = scope.sebutan_kepala_pd(perangkat_daerah.pk)
    return SuratKeputusan.objects.create(
        perangkat_daerah=perangkat_daerah,
        nomor=nomor,
        tanggal=tanggal,
        masa_mulai=masa_mulai,
        masa_selesai=masa_selesai,
        penandatangan=scope.pegawai,
        sebutan_penandatangan=sebutan,
        jenis=jenis,
        merujuk=merujuk,
        dibuat_oleh=aktor,
    )


def sk_konteks(sk: SuratKeputusan) -> dict:
    """What the SK page and PDF print: the agents it appoints (or, for a PENCABUTAN, the appointments it revokes)
    and the groups it lists."""
    if sk.jenis == SuratKeputusan.Jenis.PENCABUTAN:
        agen_qs = sk.pencabutan.all()
    else:
        agen_qs = sk.penetapan.all()
    agen = list(
        agen_qs.select_related(
            "pegawai__golongan", "pegawai__unit_kerja", "nominasi__unit_kerja", "surat_keputusan", "dicabut_dengan"
        ).order_by("pegawai__nama", "pk")
    )
    # A group listed in the SK goes into its appendix (Lampiran BAB III 2.2.2 3), disbanded ones excepted.
    kelompok = list(
        sk.kelompok.filter(dibubarkan_pada__isnull=True)
        .prefetch_related(
            Prefetch("anggota", queryset=Penetapan.objects.select_related("pegawai").order_by("pegawai__nama", "pk"))
        )
        .order_by("nama", "pk")
    )
    return {"sk": sk, "agen": agen, "kelompok": kelompok, "instansi": Instansi.aktif()}


def surat_keputusan_tetapkan(sk: SuratKeputusan, *, aktor) -> SuratKeputusan:
    """Issue a konsep SK (docs/keputusan.md, «Dokumen terbit»): from now on it never changes.

    Side effects, in one transaction: the SK row locked; its PDF rendered once and stored
    (`apps.common.dokumen.terbitkan`, with a verification code); `ditetapkan_pada` and `dokumen` saved.
    Raises PermissionDenied for anyone but the PD's Kepala (or admin), ValidationError when it is already issued or
    lists nobody.
    """
    if not lingkup(aktor).boleh_buat_sk(sk.perangkat_daerah_id):
        raise PermissionDenied
    with transaction.atomic():
        sk = SuratKeputusan.objects.select_for_update().select_related("perangkat_daerah").get(pk=sk.pk)
        if sk.ditetapkan:
            raise ValidationError(_("SK %(nomor)s sudah ditetapkan dan tidak berubah lagi.") % {"nomor": sk.nomor})
        konteks = sk_konteks(sk)
        if not konteks["agen"]:
            raise ValidationError(_("SK belum memuat agen perubahan: tetapkan agen dulu."))
        jabatan = sk.perangkat_daerah.jabatan_pimpinan
        sk.dokumen = terbitkan(
            "agen/pdf/sk.html",
            konteks,
            jenis=DokumenTerbit.Jenis.SK,
            judul=f"Keputusan {jabatan} tentang {sk.get_jenis_display()} Agen Perubahan",
            nomor=sk.nomor,
            tanggal=sk.tanggal,
        )
        sk.ditetapkan_pada = timezone.now()
        sk.save(update_fields=["dokumen", "ditetapkan_pada"])
    return sk


def nominasi_transisi(nominasi: Nominasi, *, aksi: str, aktor, catatan: str = "", **data) -> Nominasi:
    """Take `aksi` on `nominasi` as `aktor`: the one place a nomination's status changes.

    Side effects, in one transaction:
    - locks the nomination row (SELECT ... FOR UPDATE) and re-reads its status;
    - refuses with TransisiDitolak (403) when the actor plays no part allowed to take the action
      (workflow.TRANSITIONS; `nominasi_pelaku`: the nominator never reviews their own nomination, a reviewer never one
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
        roles = nominasi_pelaku(locked, aktor=aktor)
        if not roles & pelaku_untuk(aksi):
            raise TransisiDitolak
        entry = TRANSITIONS.get((locked.status, aksi))
        if entry is None:
            raise SudahDiputuskanError(locked)
        ke, boleh = entry
        if not roles & boleh:
            raise TransisiDitolak
        if catatan_wajib(aksi) and not catatan:
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
    """Penetapan formal (2.2.2 3)); criteria (a) and (b) are checked again (docs/keputusan.md, «Alur agen perubahan»)."""
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
    if surat_keputusan is not None and surat_keputusan.ditetapkan:
        # An issued SK never changes (docs/keputusan.md, «Dokumen terbit»).
        errors.append(
            _("SK %(nomor)s sudah ditetapkan dan tidak dapat ditambah: buat SK baru atau SK perubahan yang merujuknya.")
            % {"nomor": surat_keputusan.nomor}
        )
    elif surat_keputusan is not None and surat_keputusan.jenis == SuratKeputusan.Jenis.PENCABUTAN:
        errors.append(_("SK pencabutan tidak dapat menetapkan agen."))
    peran = [p for p in (peran or []) if p in PeranAgen.values]
    if not peran:
        errors.append(_("Pilih sedikitnya satu peran agen perubahan."))
    if not tugas.strip():
        errors.append(_("Tugas agen perubahan wajib diisi."))
    if errors:
        raise ValidationError(errors)
    penetapan = Penetapan.objects.create(
        nominasi=nominasi, surat_keputusan=surat_keputusan, pegawai=nominasi.pegawai, peran=peran, tugas=tugas.strip()
    )
    peran_agen_selaraskan(penetapan)


def _cabut(
    nominasi: Nominasi, aktor, catatan: str, nomor_sk: str = "", tanggal_sk: datetime.date | None = None, **_data
) -> None:
    """A revocation is its own decree (docs/keputusan.md, «Dokumen terbit»): a PENCABUTAN SK citing the SK that
    appointed the agent is made and issued at once; the appointing SK is not touched."""
    penetapan = Penetapan.objects.select_for_update().select_related("surat_keputusan").get(nominasi=nominasi)
    nomor_sk = (nomor_sk or "").strip()
    if not nomor_sk or tanggal_sk is None:
        raise ValidationError(
            _("Pencabutan ditetapkan dengan keputusan tersendiri: isi nomor dan tanggal SK pencabutan.")
        )
    asal = penetapan.surat_keputusan
    sk = surat_keputusan_buat(
        asal.perangkat_daerah,
        nomor=nomor_sk,
        tanggal=tanggal_sk,
        masa_mulai=asal.masa_mulai,
        masa_selesai=asal.masa_selesai,
        aktor=aktor,
        merujuk=asal if asal.ditetapkan else None,
        jenis=SuratKeputusan.Jenis.PENCABUTAN,
    )
    if sk.merujuk_id is None:
        sk.merujuk = asal
        sk.save(update_fields=["merujuk"])
    penetapan.dicabut_pada = timezone.now()
    penetapan.alasan_pencabutan = catatan
    penetapan.dicabut_dengan = sk
    penetapan.save(update_fields=["dicabut_pada", "alasan_pencabutan", "dicabut_dengan"])
    peran_agen_selaraskan(penetapan)
    surat_keputusan_tetapkan(sk, aktor=aktor)


@transaction.atomic
def peran_agen_selaraskan(penetapan: Penetapan) -> Peran:
    """Make the appointment's role fact follow it: a Peran AGEN_PERUBAHAN of the nominee's account for the SK's PD,
    from the first to the last day of the SK's term; at revocation it ends the day before (rights stop that day).

    Called by every write of an appointment (appointing, revoking, moving it to another SK). A nominee who never
    activated their account gets one now, without a password (activation sets it; username = NIP, as
    apps.akun.services.akun_aktifkan creates it), since a role belongs to an account."""
    pegawai = penetapan.pegawai
    if pegawai.user_id is None:
        pegawai.user = User.objects.filter(username=pegawai.nip).first() or User(username=pegawai.nip)
        if pegawai.user.pk is None:
            pegawai.user.email = pegawai.email
            pegawai.user.set_unusable_password()
            pegawai.user.save()
        pegawai.save(update_fields=["user"])
    sk = penetapan.surat_keputusan
    mulai, sampai = sk.masa_mulai, sk.masa_selesai
    if penetapan.dicabut_pada is not None:
        sampai = timezone.localtime(penetapan.dicabut_pada).date() - datetime.timedelta(days=1)
        mulai = min(mulai, sampai)
    peran = penetapan.peran_akses or Peran(user_id=pegawai.user_id, jenis=Peran.Jenis.AGEN_PERUBAHAN)
    baru = (sk.perangkat_daerah_id, mulai, sampai, sk.nomor)
    if peran.pk is None or (peran.perangkat_daerah_id, peran.mulai, peran.sampai, peran.nomor_sk) != baru:
        peran.perangkat_daerah_id, peran.mulai, peran.sampai, peran.nomor_sk = baru
        peran.save()
    if penetapan.peran_akses_id != peran.pk:
        penetapan.peran_akses = peran
        penetapan.save(update_fields=["peran_akses"])
    return peran


_EFEK = {
    Aksi.REKOMENDASIKAN: _nilai(True),
    Aksi.TIDAK_REKOMENDASIKAN: _nilai(False),
    Aksi.TETAPKAN: _tetapkan,
    Aksi.CABUT: _cabut,
}


# Kelompok Agen ------------------------------------------------------------------------------------------------


def _nama_anggota(penetapan) -> str:
    return ", ".join(sorted(p.pegawai.nama for p in penetapan)) or "-"


def _periksa_kelompok(
    perangkat_daerah_id: int, anggota, surat_keputusan, *, lama=frozenset(), sk_lama: int | None = None
) -> None:
    """Members are agents of the PD, and those added now are active today (Lampiran BAB III 2.2.4: a group of
    the PD's agents); the SK listing the group is one of the PD's."""
    anggota = list(anggota)
    if len(anggota) < 2:
        raise ValidationError({"anggota": _("Kelompok agen beranggotakan paling sedikit dua agen.")})
    aktif = set(Penetapan.objects.aktif().filter(pk__in=[p.pk for p in anggota]).values_list("pk", flat=True))
    for p in anggota:
        if p.surat_keputusan.perangkat_daerah_id != perangkat_daerah_id:
            raise ValidationError(
                {"anggota": _("%(nama)s bukan agen perangkat daerah ini.") % {"nama": p.pegawai.nama_lengkap}}
            )
        if p.pk not in lama and p.pk not in aktif:
            raise ValidationError(
                {"anggota": _("%(nama)s tidak sedang aktif sebagai agen.") % {"nama": p.pegawai.nama_lengkap}}
            )
    if surat_keputusan is not None and surat_keputusan.perangkat_daerah_id != perangkat_daerah_id:
        raise ValidationError({"surat_keputusan": _("SK ini bukan SK perangkat daerah kelompok.")})
    if surat_keputusan is not None and surat_keputusan.ditetapkan and surat_keputusan.pk != sk_lama:
        raise ValidationError(
            {"surat_keputusan": _("SK ini sudah ditetapkan dan tidak dapat ditambah: pilih SK yang masih konsep.")}
        )


def kelompok_agen_bentuk(
    perangkat_daerah: PerangkatDaerah, *, nama: str, anggota, aktor, surat_keputusan=None
) -> KelompokAgen:
    """Form a Kelompok Agen of `perangkat_daerah` (the Kepala PD or the PD's KBK).

    Side effects: one KelompokAgen with its members, one RiwayatKelompokAgen row (BENTUK).
    Raises PermissionDenied for another actor, ValidationError for a bad name, member or SK.
    """
    scope = lingkup(aktor)
    if not scope.boleh_kelola_kelompok_agen(perangkat_daerah.pk):
        raise PermissionDenied
    if surat_keputusan is not None and not scope.boleh_cantumkan_kelompok_dalam_sk(perangkat_daerah.pk):
        raise PermissionDenied
    anggota = list(anggota)
    _periksa_kelompok(perangkat_daerah.pk, anggota, surat_keputusan)
    with transaction.atomic():
        if KelompokAgen.objects.aktif().filter(perangkat_daerah=perangkat_daerah, nama__iexact=nama).exists():
            raise ValidationError({"nama": _("Nama kelompok ini sudah dipakai di perangkat daerah ini.")})
        kelompok = KelompokAgen.objects.create(
            perangkat_daerah=perangkat_daerah, nama=nama, surat_keputusan=surat_keputusan, dibentuk_oleh=aktor
        )
        kelompok.anggota.set(anggota)
        rincian = _("Nama: %(nama)s. Anggota: %(anggota)s.") % {"nama": nama, "anggota": _nama_anggota(anggota)}
        if surat_keputusan is not None:
            rincian += " " + _("Dicantumkan dalam SK %(sk)s.") % {"sk": surat_keputusan.nomor}
        RiwayatKelompokAgen.objects.create(
            kelompok=kelompok, aksi=RiwayatKelompokAgen.Aksi.BENTUK, rincian=rincian, oleh=aktor
        )
    return kelompok


def kelompok_agen_ubah(kelompok: KelompokAgen, *, nama: str, anggota, aktor, surat_keputusan=None) -> KelompokAgen:
    """Rename a group, change its members or the SK that lists it.

    Members already in the group may stay after their term ended; those added must be active today.
    Only the Kepala PD changes the SK. Side effects: the group row locked and updated, its members set, one
    RiwayatKelompokAgen row (UBAH) naming what changed; nothing is written when nothing changed.
    """
    scope = lingkup(aktor)
    pd_id = kelompok.perangkat_daerah_id
    if not scope.boleh_kelola_kelompok_agen(pd_id):
        raise PermissionDenied
    anggota = list(anggota)
    with transaction.atomic():
        kelompok = KelompokAgen.objects.select_for_update().get(pk=kelompok.pk)
        if kelompok.dibubarkan:
            raise ValidationError(_("Kelompok ini sudah dibubarkan."))
        sk_berubah = (surat_keputusan.pk if surat_keputusan else None) != kelompok.surat_keputusan_id
        if sk_berubah and not scope.boleh_cantumkan_kelompok_dalam_sk(pd_id):
            raise PermissionDenied
        lama = {p.pk: p for p in kelompok.anggota.select_related("pegawai")}
        _periksa_kelompok(pd_id, anggota, surat_keputusan, lama=frozenset(lama), sk_lama=kelompok.surat_keputusan_id)
        baru = {p.pk: p for p in anggota}
        perubahan = []
        if nama != kelompok.nama:
            if (
                KelompokAgen.objects.aktif()
                .filter(perangkat_daerah_id=pd_id, nama__iexact=nama)
                .exclude(pk=kelompok.pk)
                .exists()
            ):
                raise ValidationError({"nama": _("Nama kelompok ini sudah dipakai di perangkat daerah ini.")})
            perubahan.append(_("Nama: %(lama)s → %(baru)s.") % {"lama": kelompok.nama, "baru": nama})
        masuk = [baru[pk] for pk in baru.keys() - lama.keys()]
        keluar = [lama[pk] for pk in lama.keys() - baru.keys()]
        if masuk:
            perubahan.append(_("Anggota masuk: %(nama)s.") % {"nama": _nama_anggota(masuk)})
        if keluar:
            perubahan.append(_("Anggota keluar: %(nama)s.") % {"nama": _nama_anggota(keluar)})
        if sk_berubah:
            perubahan.append(
                _("SK: %(sk)s.") % {"sk": surat_keputusan.nomor if surat_keputusan else _("tidak dicantumkan")}
            )
        if not perubahan:
            return kelompok
        kelompok.nama = nama
        kelompok.surat_keputusan = surat_keputusan
        kelompok.save(update_fields=["nama", "surat_keputusan"])
        kelompok.anggota.set(anggota)
        RiwayatKelompokAgen.objects.create(
            kelompok=kelompok, aksi=RiwayatKelompokAgen.Aksi.UBAH, rincian=" ".join(perubahan), oleh=aktor
        )
    return kelompok


def kelompok_agen_bubarkan(kelompok: KelompokAgen, *, aktor, catatan: str) -> KelompokAgen:
    """Disband a group (it stays readable, with its members and history as they were).

    Side effects: the group row locked, `dibubarkan_pada` set, one RiwayatKelompokAgen row (BUBARKAN) with the
    reason. Raises ValidationError when it was already disbanded or the reason is empty.
    """
    if not lingkup(aktor).boleh_kelola_kelompok_agen(kelompok.perangkat_daerah_id):
        raise PermissionDenied
    if not catatan.strip():
        raise ValidationError({"catatan": _("Tuliskan alasan pembubaran.")})
    with transaction.atomic():
        kelompok = KelompokAgen.objects.select_for_update().get(pk=kelompok.pk)
        if kelompok.dibubarkan:
            raise ValidationError(_("Kelompok ini sudah dibubarkan."))
        kelompok.dibubarkan_pada = timezone.now()
        kelompok.save(update_fields=["dibubarkan_pada"])
        RiwayatKelompokAgen.objects.create(
            kelompok=kelompok, aksi=RiwayatKelompokAgen.Aksi.BUBARKAN, rincian=catatan.strip(), oleh=aktor
        )
    return kelompok
