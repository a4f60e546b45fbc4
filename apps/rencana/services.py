"""Writes of rencana tindak. `rencana_transisi` is the only function that changes a plan's status.

Rights come from the named predicates on Lingkup (apps/akun/scope.py, section "rencana").
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.agen.hak import kelompok_agen_ids, penetapan_aktif_ids
from apps.agen.models import KelompokAgen, Penetapan
from apps.akun.scope import lingkup
from apps.nilai.models import Nilai

from . import hak, pemberitahuan, smart
from .models import (
    MAKS_BARIS,
    BarisRencana,
    BuktiDukung,
    LaporanKemajuan,
    Permasalahan,
    RealisasiBaris,
    RencanaTindak,
    RiwayatLaporanKemajuan,
    RiwayatRencana,
)
from .workflow import BARU, TRANSITIONS, Pelaku, Status, StatusLaporan, StatusMasalah

MAKS_BUKTI_BYTES = 5 * 1024 * 1024
# Magic bytes of the accepted evidence types (docs/keamanan.md: type by content, not by name).
TANDA_BERKAS = {
    BuktiDukung.Jenis.PDF: (b"%PDF-",),
    BuktiDukung.Jenis.JPEG: (b"\xff\xd8\xff",),
    BuktiDukung.Jenis.PNG: (b"\x89PNG\r\n\x1a\n",),
}
EKSTENSI = {"pdf": "pdf", "jpg": "jpg", "jpeg": "jpg", "png": "png"}


class TransisiDitolak(PermissionDenied):
    """The actor plays no part allowed to take this step (a 403)."""


class SudahDiputuskanError(Exception):
    """The plan has left the state in which the step was possible (someone decided first)."""

    def __init__(self, rencana: RencanaTindak) -> None:
        self.rencana = rencana
        super().__init__(
            _("Rencana tindak ini sudah diproses: statusnya sekarang %(status)s.")
            % {"status": rencana.get_status_display()}
        )


# Plans --------------------------------------------------------------------------------------------------------


def rencana_buat(
    *,
    aktor,
    judul: str,
    mulai: datetime.date,
    selesai: datetime.date,
    penetapan: Penetapan | None = None,
    kelompok: KelompokAgen | None = None,
    fokus: list | None = None,
) -> RencanaTindak:
    """A new plan in DRAF for the actor's own active appointment or one of their Kelompok Agen (2.2.4 1) b).

    Side effects: creates the plan and its first history row (from "" to DRAF).
    """
    scope = lingkup(aktor)
    if (penetapan is None) == (kelompok is None):
        raise ValueError("a plan belongs to exactly one agent or one group")
    if penetapan is not None and penetapan.pk not in penetapan_aktif_ids(scope):
        raise PermissionDenied
    if kelompok is not None and kelompok.pk not in kelompok_agen_ids(scope):
        raise PermissionDenied
    if selesai < mulai:
        raise ValidationError({"selesai": _("Bulan selesai harus sama dengan atau sesudah bulan mulai.")})
    if penetapan is not None:
        pd_id = penetapan.surat_keputusan.perangkat_daerah_id
        unit = penetapan.nominasi.unit_kerja
    else:
        pd_id = kelompok.perangkat_daerah_id
        unit = scope.pegawai.unit_kerja
    with transaction.atomic():
        rencana = RencanaTindak.objects.create(
            penetapan=penetapan,
            kelompok=kelompok,
            perangkat_daerah_id=pd_id,
            unit_kerja=unit,
            judul=judul.strip(),
            mulai=mulai,
            selesai=selesai,
            fokus=fokus or [],
            dibuat_oleh=aktor,
        )
        RiwayatRencana.objects.create(rencana=rencana, aksi=BARU, ke_status=Status.DRAF, oleh=aktor)
    return rencana


def rencana_ubah(rencana: RencanaTindak, *, aktor, **fields) -> RencanaTindak:
    """Change the header of a plan in DRAF or DIKEMBALIKAN (judul, months, focus)."""
    if not hak.boleh_ubah_rencana(lingkup(aktor), rencana):
        raise PermissionDenied
    allowed = {"judul", "mulai", "selesai", "fokus"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        setattr(rencana, name, value)
    if rencana.selesai < rencana.mulai:
        raise ValidationError({"selesai": _("Bulan selesai harus sama dengan atau sesudah bulan mulai.")})
    rencana.save(update_fields=[*fields, "diubah_pada"])
    return rencana


BARIS_FIELDS = (
    "sasaran",
    "indikator",
    "target_angka",
    "target_satuan",
    "kegiatan",
    "waktu_mulai",
    "waktu_selesai",
    "keterangan",
    "masuk_skp",
    "referensi_skp",
)


def baris_simpan(
    rencana: RencanaTindak, *, aktor, data: dict, nilai: list[Nilai], baris: BarisRencana | None = None
) -> BarisRencana:
    """Add (or change) one row of Tabel 2; the writer is recorded per row, so a group plan shows who wrote what."""
    scope = lingkup(aktor)
    if not hak.boleh_ubah_rencana(scope, rencana) or scope.pegawai is None:
        raise PermissionDenied
    with transaction.atomic():
        locked = RencanaTindak.objects.select_for_update().get(pk=rencana.pk)
        if not hak.boleh_ubah_rencana(scope, locked):
            raise PermissionDenied
        if baris is None:
            n = locked.baris.count()
            if n >= MAKS_BARIS:
                raise ValidationError(_("Rencana tindak paling banyak %(n)s baris.") % {"n": MAKS_BARIS})
            baris = BarisRencana(rencana=locked, nomor=n + 1, ditulis_oleh=scope.pegawai)
        elif baris.rencana_id != locked.pk:
            raise PermissionDenied
        for name in BARIS_FIELDS:
            setattr(baris, name, data.get(name, getattr(baris, name)))
        baris.diubah_oleh = scope.pegawai
        baris.save()
        baris.nilai.set(nilai)
        locked.save(update_fields=["diubah_pada"])
    return baris


def baris_hapus(baris: BarisRencana, *, aktor) -> None:
    """Delete a row of a plan being written and renumber the rows below it."""
    rencana = baris.rencana
    if not hak.boleh_ubah_rencana(lingkup(aktor), rencana):
        raise PermissionDenied
    with transaction.atomic():
        RencanaTindak.objects.select_for_update().get(pk=rencana.pk)
        nomor = baris.nomor
        baris.delete()
        for b in BarisRencana.objects.filter(rencana=rencana, nomor__gt=nomor).order_by("nomor"):
            b.nomor -= 1
            b.save(update_fields=["nomor"])


def _smart_baris(rencana: RencanaTindak) -> list[smart.Baris]:
    return [
        smart.Baris(
            nomor=b.nomor,
            nilai=[n.kode for n in b.nilai.all()],
            **{name: getattr(b, name) for name in BARIS_FIELDS},
        )
        for b in rencana.baris.all().prefetch_related("nilai")
    ]


def periksa_smart(rencana: RencanaTindak) -> list[str]:
    """The SMART messages that block submission (see apps.rencana.smart)."""
    return smart.periksa(_smart_baris(rencana), rencana.mulai, rencana.selesai, rencana.masa())


def rencana_versi_baru(rencana: RencanaTindak, *, aktor) -> RencanaTindak:
    """Start a change of an approved plan: a copy in DRAF as the next version (docs/keputusan.md).

    The approved version stays in force and readable until the new one is approved (then it becomes DIGANTI
    through `rencana_transisi`). Side effects: the copy with its rows and values, its first history row.
    """
    scope = lingkup(aktor)
    if not hak.boleh_versi_baru_rencana(scope, rencana):
        raise PermissionDenied
    with transaction.atomic():
        locked = RencanaTindak.objects.select_for_update().get(pk=rencana.pk)
        if locked.status != Status.DISETUJUI:
            raise SudahDiputuskanError(locked)
        if RencanaTindak.objects.filter(versi_sebelumnya=locked).exists():
            raise ValidationError(_("Versi baru rencana ini sudah ada; lanjutkan versi itu."))
        baru = RencanaTindak.objects.create(
            penetapan_id=locked.penetapan_id,
            kelompok_id=locked.kelompok_id,
            perangkat_daerah_id=locked.perangkat_daerah_id,
            unit_kerja_id=locked.unit_kerja_id,
            judul=locked.judul,
            mulai=locked.mulai,
            selesai=locked.selesai,
            frekuensi_laporan=locked.frekuensi_laporan,
            fokus=locked.fokus,
            versi=locked.versi + 1,
            versi_sebelumnya=locked,
            dibuat_oleh=aktor,
        )
        for b in locked.baris.all().prefetch_related("nilai"):
            nilai = list(b.nilai.all())
            b.pk, b.rencana = None, baru
            b._prefetched_objects_cache = {}  # else set() would compare with the old row's values
            b.save()
            b.nilai.set(nilai)
        RiwayatRencana.objects.create(
            rencana=baru,
            aksi="versi",
            ke_status=Status.DRAF,
            oleh=aktor,
            catatan=f"Perubahan atas versi {locked.versi}.",
        )
    return baru


def pelaku_rencana(rencana: RencanaTindak, aktor) -> set[str]:
    scope = lingkup(aktor)
    roles = set()
    if hak.penyusun_rencana(scope, rencana):
        roles.add(Pelaku.PENYUSUN)
    if hak.pemutus_rencana(scope, rencana):
        roles.add(Pelaku.KEPALA_PD)
    return roles


def rencana_transisi(
    rencana: RencanaTindak,
    *,
    ke: str,
    aktor,
    catatan: str = "",
    logis: bool = False,
    frekuensi_laporan: str | None = None,
) -> RencanaTindak:
    """Move `rencana` to state `ke` as `aktor`: the one place a plan's status changes.

    Side effects, in one transaction:
    - locks the plan row (SELECT ... FOR UPDATE) and re-reads its status;
    - refuses with TransisiDitolak (403) when the actor plays no part allowed for the step
      (workflow.TRANSITIONS), with SudahDiputuskanError when the status has moved on (someone decided first),
      with ValidationError when a required note is missing, when the SMART checks fail (to DIAJUKAN; every
      message names the row and column), or when the Kepala PD has not affirmed "Logis" (to DISETUJUI);
    - to DISETUJUI: records logis, the approval date, the approving Kepala PD (name, NIP and the Plt./Pj.
      prefix of their role) and the reporting frequency; the previous approved version, if any, moves to
      DIGANTI with its own history row;
    - saves with update_fields and appends one RiwayatRencana (who, when, from, to, note);
    - notices (rencana/pemberitahuan.py): submitted, to the Kepala PD with copies to the KBK and the unit head;
      approved or returned, to the authors.
    The caller's instance gets the new status too.
    """
    catatan = (catatan or "").strip()
    with transaction.atomic():
        locked = (
            RencanaTindak.objects.select_for_update(of=("self",))
            .select_related("penetapan__surat_keputusan", "kelompok", "unit_kerja")
            .get(pk=rencana.pk)
        )
        roles = pelaku_rencana(locked, aktor)
        aturan = [(d, who) for (d, k), (_a, who, _c) in TRANSITIONS.items() if k == ke]
        if not aturan or not any(roles & who for _d, who in aturan):
            raise TransisiDitolak
        entry = TRANSITIONS.get((locked.status, ke))
        if entry is None:
            raise SudahDiputuskanError(locked)
        aksi, boleh, catatan_wajib = entry
        if not roles & boleh:
            raise TransisiDitolak
        if catatan_wajib and not catatan:
            raise ValidationError({"catatan": _("Catatan wajib diisi: tuliskan apa yang perlu diperbaiki.")})
        fields = ["status", "diubah_pada"]
        if ke == Status.DIAJUKAN:
            errors = periksa_smart(locked)
            if errors:
                raise ValidationError(errors)
        if ke == Status.DISETUJUI:
            if not logis:
                raise ValidationError(
                    {
                        "logis": _(
                            "Nyatakan bahwa rencana ini logis (sesuai sumber daya dan realistis), atau kembalikan."
                        )
                    }
                )
            scope = lingkup(aktor)
            locked.logis = True
            locked.disetujui_pada = timezone.localdate()
            locked.penyetuju = scope.pegawai
            locked.sebutan_penyetuju = scope.sebutan_kepala_pd(locked.perangkat_daerah_id)
            fields += ["logis", "disetujui_pada", "penyetuju", "sebutan_penyetuju"]
            if frekuensi_laporan:
                locked.frekuensi_laporan = frekuensi_laporan
                fields.append("frekuensi_laporan")
            if locked.versi_sebelumnya_id:
                _ganti(locked.versi_sebelumnya_id, aktor, locked)
        dari = locked.status
        locked.status = ke
        locked.save(update_fields=fields)
        riwayat = RiwayatRencana.objects.create(
            rencana=locked, aksi=aksi, dari_status=dari, ke_status=ke, catatan=catatan, oleh=aktor
        )
        if ke == Status.DIAJUKAN:
            pemberitahuan.rencana_diajukan(locked, nomor=riwayat.pk)
        else:
            pemberitahuan.rencana_diputuskan(locked, nomor=riwayat.pk, catatan=catatan)
    rencana.status = locked.status
    return locked


def _ganti(pk: int, aktor, pengganti: RencanaTindak) -> None:
    lama = RencanaTindak.objects.select_for_update().get(pk=pk)
    if lama.status != Status.DISETUJUI:
        return
    lama.status = Status.DIGANTI
    lama.save(update_fields=["status", "diubah_pada"])
    RiwayatRencana.objects.create(
        rencana=lama,
        aksi="ganti",
        dari_status=Status.DISETUJUI,
        ke_status=Status.DIGANTI,
        catatan=f"Diganti versi {pengganti.versi}.",
        oleh=aktor,
    )


# Progress reports ---------------------------------------------------------------------------------------------


def periksa_bukti(nama: str, data: bytes) -> str:
    """The evidence type by its bytes (PDF, JPEG, PNG), matching its extension, at most 5 MB; else refuse."""
    if len(data) > MAKS_BUKTI_BYTES:
        raise ValidationError(
            _("Berkas %(nama)s terlalu besar (%(mb)s MB); paling besar 5 MB.")
            % {"nama": nama, "mb": round(len(data) / 1024 / 1024, 1)}
        )
    if not data:
        raise ValidationError(_("Berkas %(nama)s kosong.") % {"nama": nama})
    ext = EKSTENSI.get(nama.rsplit(".", 1)[-1].lower() if "." in nama else "")
    jenis = next((j for j, tanda in TANDA_BERKAS.items() if data.startswith(tanda)), None)
    if ext is None or jenis is None or jenis != ext:
        raise ValidationError(
            _("Berkas %(nama)s bukan PDF, JPEG atau PNG yang sah (jenis diperiksa dari isinya).") % {"nama": nama}
        )
    return jenis


def laporan_kemajuan_kirim(
    rencana: RencanaTindak,
    *,
    aktor,
    periode_mulai: datetime.date,
    isian: dict[int, tuple[Decimal, str]],
    berkas: dict[int, list[tuple[str, bytes]]] | None = None,
) -> LaporanKemajuan:
    """Send the progress report of one reporting period (2.2.4 1) c): per row a realisation and a narrative,
    optional evidence files. It goes to the Kepala PD, with copies to the unit head and the KBK (they read it
    through rencana_for_user).

    Side effects: every file is checked first (nothing is written when one is refused); then, in one
    transaction, the report, its rows and the files under random names in private storage, and a notice to the
    Kepala PD that it awaits acknowledgement. Files written before a failure are removed again.
    """
    scope = lingkup(aktor)
    if not hak.boleh_lapor_kemajuan(scope, rencana) or scope.pegawai is None:
        raise PermissionDenied
    periods = {m: s for m, s in rencana.periode_laporan()}
    if periode_mulai not in periods or periode_mulai > timezone.localdate():
        raise ValidationError({"periode": _("Pilih periode laporan yang sudah dimulai.")})
    rows = list(rencana.baris.all())
    if {b.pk for b in rows} != set(isian):
        raise ValidationError(_("Isi realisasi dan narasi setiap baris."))
    berkas = berkas or {}
    checked = {pk: [(nama, data, periksa_bukti(nama, data)) for nama, data in files] for pk, files in berkas.items()}
    written: list[BuktiDukung] = []
    try:
        with transaction.atomic():
            RencanaTindak.objects.select_for_update().get(pk=rencana.pk)
            dibuka = (
                LaporanKemajuan.objects.select_for_update()
                .filter(rencana=rencana, periode_mulai=periode_mulai, status=StatusLaporan.DIBUKA_KEMBALI)
                .first()
            )
            if dibuka is not None:
                # A report the Kepala PD reopened is corrected in place; its history keeps what it said before.
                laporan = dibuka
                laporan.status = StatusLaporan.TERKIRIM
                laporan.dikirim_oleh = scope.pegawai
                laporan.dikirim_pada = timezone.now()
                laporan.save(update_fields=["status", "dikirim_oleh", "dikirim_pada"])
                aksi = RiwayatLaporanKemajuan.Aksi.KIRIM_ULANG
            else:
                laporan = LaporanKemajuan.objects.create(
                    rencana=rencana,
                    periode_mulai=periode_mulai,
                    periode_selesai=periods[periode_mulai],
                    status=StatusLaporan.TERKIRIM,
                    dikirim_oleh=scope.pegawai,
                )
                aksi = RiwayatLaporanKemajuan.Aksi.KIRIM
            RiwayatLaporanKemajuan.objects.create(laporan=laporan, aksi=aksi, oleh=aktor)
            for b in rows:
                realisasi, narasi = isian[b.pk]
                r, _baru = RealisasiBaris.objects.update_or_create(
                    laporan=laporan, baris=b, defaults={"realisasi": realisasi, "narasi": narasi.strip()}
                )
                for nama, data, jenis in checked.get(b.pk, []):
                    bukti = BuktiDukung(realisasi=r, nama_asli=nama[:200], jenis=jenis, ukuran=len(data))
                    bukti.berkas.save(f"bukti.{jenis}", ContentFile(data), save=False)
                    written.append(bukti)
                    bukti.save()
            pemberitahuan.laporan_dikirim(laporan)
    except IntegrityError:
        _hapus_berkas(written)
        raise ValidationError({"periode": _("Laporan periode ini sudah dikirim.")})
    except Exception:
        _hapus_berkas(written)
        raise
    return laporan


def _hapus_berkas(bukti: list[BuktiDukung]) -> None:
    for b in bukti:
        b.berkas.storage.delete(b.berkas.name)


def laporan_kemajuan_ketahui(laporan: LaporanKemajuan, *, aktor, tanggapan: str = "") -> LaporanKemajuan:
    """The Kepala PD acknowledges a report, with an optional comment. Side effects: status DIKETAHUI, who, when."""
    if not lingkup(aktor).boleh_ketahui_laporan(laporan):
        raise PermissionDenied
    with transaction.atomic():
        locked = LaporanKemajuan.objects.select_for_update().get(pk=laporan.pk)
        if locked.status != StatusLaporan.TERKIRIM:
            raise ValidationError(_("Laporan ini sudah diketahui."))
        locked.status = StatusLaporan.DIKETAHUI
        locked.tanggapan = tanggapan.strip()
        locked.diketahui_oleh = aktor
        locked.diketahui_pada = timezone.now()
        locked.save(update_fields=["status", "tanggapan", "diketahui_oleh", "diketahui_pada"])
    return locked


def laporan_kemajuan_buka_kembali(laporan: LaporanKemajuan, *, aktor, alasan: str) -> LaporanKemajuan:
    """The Kepala PD reopens a sent (or acknowledged) report so that the agent corrects it, say a realisation typed
    as 855 for 85,5 (docs/keputusan.md, «Angka»).

    Side effects, in one transaction: the report row locked; status DIBUKA_KEMBALI, the acknowledgement cleared;
    one RiwayatLaporanKemajuan row with the reason and the realisations as they were. The agent then sends the
    period again (`laporan_kemajuan_kirim`). Raises PermissionDenied for anyone but the PD's Kepala,
    ValidationError without a reason or when the report is already open.
    """
    if not lingkup(aktor).boleh_buka_kembali_laporan(laporan):
        raise PermissionDenied
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan membuka kembali laporan ini.")})
    with transaction.atomic():
        locked = LaporanKemajuan.objects.select_for_update().get(pk=laporan.pk)
        if locked.status == StatusLaporan.DIBUKA_KEMBALI:
            raise ValidationError(_("Laporan ini sudah dibuka kembali."))
        sebelumnya = {
            str(r.baris.nomor): {"realisasi": str(r.realisasi), "narasi": r.narasi}
            for r in locked.realisasi.select_related("baris")
        }
        locked.status = StatusLaporan.DIBUKA_KEMBALI
        locked.tanggapan = ""
        locked.diketahui_oleh = None
        locked.diketahui_pada = None
        locked.save(update_fields=["status", "tanggapan", "diketahui_oleh", "diketahui_pada"])
        RiwayatLaporanKemajuan.objects.create(
            laporan=locked,
            aksi=RiwayatLaporanKemajuan.Aksi.BUKA_KEMBALI,
            catatan=alasan,
            realisasi_sebelumnya=sebelumnya,
            oleh=aktor,
        )
    return locked


# Problems -----------------------------------------------------------------------------------------------------


def masalah_ajukan(rencana: RencanaTindak, *, aktor, kepada: str, uraian: str, usulan_solusi: str) -> Permasalahan:
    """An agent raises a problem with a proposed solution to the unit head or the Kepala PD (2.2.4 1) e).
    Side effects: the record, and a notice to its addressee (the Kepala PD when the unit has no head)."""
    scope = lingkup(aktor)
    if not hak.boleh_ajukan_masalah(scope, rencana):
        raise PermissionDenied
    with transaction.atomic():
        masalah = Permasalahan.objects.create(
            rencana=rencana,
            kepada=kepada,
            uraian=uraian.strip(),
            usulan_solusi=usulan_solusi.strip(),
            diajukan_oleh=scope.pegawai,
        )
        pemberitahuan.masalah_diajukan(masalah)
    return masalah


def masalah_jawab(masalah: Permasalahan, *, aktor, arahan: str) -> Permasalahan:
    """The leader answers with direction and solution (2.2.4 1) f). Side effects: DIJAWAB, who, when;
    a notice to the agent."""
    if not hak.boleh_jawab_masalah(lingkup(aktor), masalah):
        raise PermissionDenied
    if not arahan.strip():
        raise ValidationError({"arahan": _("Arahan/solusi wajib diisi.")})
    with transaction.atomic():
        locked = Permasalahan.objects.select_for_update().get(pk=masalah.pk)
        if locked.status != StatusMasalah.TERBUKA:
            raise ValidationError(_("Permasalahan ini sudah dijawab."))
        locked.status = StatusMasalah.DIJAWAB
        locked.arahan = arahan.strip()
        locked.dijawab_oleh = aktor
        locked.dijawab_pada = timezone.now()
        locked.save(update_fields=["status", "arahan", "dijawab_oleh", "dijawab_pada"])
        pemberitahuan.masalah_dijawab(locked)
    return locked


def masalah_tutup(masalah: Permasalahan, *, aktor) -> Permasalahan:
    """The agent closes an answered problem. Side effects: DITUTUP and the time."""
    if not hak.boleh_tutup_masalah(lingkup(aktor), masalah):
        raise PermissionDenied
    with transaction.atomic():
        locked = Permasalahan.objects.select_for_update().get(pk=masalah.pk)
        locked.status = StatusMasalah.DITUTUP
        locked.ditutup_pada = timezone.now()
        locked.save(update_fields=["status", "ditutup_pada"])
    return locked
