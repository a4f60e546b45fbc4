"""Rencana tindak agen perubahan (Lampiran BAB III 2.2.4-2.2.5, Tabel 2).

A plan belongs to one agent (a Penetapan) or to one Kelompok Agen; it has 1-10 rows with the eight columns of
Tabel 2. Its status changes only through `apps.rencana.services.rencana_transisi`. Progress reports, evidence
files and problems hang off an approved plan.
"""

import datetime
import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from apps.common.riwayat import Riwayat
from apps.common.uploads import FOLDER_PRIVAT, PenyimpananPrivat

from .workflow import AKSI_LABEL, DAPAT_DIUBAH, Status, StatusLaporan, StatusMasalah

MAKS_BARIS = 10
SATU_DESIMAL = Decimal("0.1")


def capaian_persen(realisasi: Decimal | None, target: Decimal | None) -> Decimal | None:
    """Achievement = realisation / target as a percentage, Decimal rounded half-up to 1 dp (docs/keputusan.md, «Angka»)."""
    if realisasi is None or not target:
        return None
    return (Decimal(realisasi) * 100 / Decimal(target)).quantize(SATU_DESIMAL, rounding=ROUND_HALF_UP)


def angka(value: Decimal | None) -> str:
    """A number as people write it: no trailing zeros, no exponent, the locale's decimal comma ("12,5", "80")."""
    if value is None:
        return ""
    return number_format(Decimal(format(Decimal(value).normalize(), "f")))


def rata_rata_capaian(values) -> Decimal | None:
    values = [v for v in values if v is not None]
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(SATU_DESIMAL, rounding=ROUND_HALF_UP)


class BerkasPrivat(PenyimpananPrivat):
    """Evidence files live under MEDIA_ROOT/privat (as every private file), which no URL serves: only
    `bukti_unduh`, after a scope check. Written whole or not at all (`PenyimpananPrivat`)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("location", None)
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, str(settings.MEDIA_ROOT) + "/" + FOLDER_PRIVAT)

    def url(self, name):  # never a public URL
        raise ValueError("evidence files have no public URL; use rencana:bukti_unduh")


_BERKAS_PRIVAT = BerkasPrivat()


def berkas_privat() -> BerkasPrivat:
    """The storage of evidence files (a callable, so migrations name this function, not a public storage)."""
    return _BERKAS_PRIVAT


def _nama_bukti(instance, filename: str) -> str:
    """A name nobody can guess: a random UUID and the extension of the detected type."""
    return f"bukti/{uuid.uuid4().hex}.{instance.jenis}"


class RencanaTindak(models.Model):
    """A Tabel 2 plan of an agent or a Kelompok Agen, for a period inside the term (2.2.5)."""

    class Frekuensi(models.TextChoices):
        TRIWULAN = "TRIWULAN", _("Triwulanan")
        BULANAN = "BULANAN", _("Bulanan")

    penetapan = models.ForeignKey(
        "agen.Penetapan", on_delete=models.PROTECT, null=True, blank=True, related_name="rencana_tindak"
    )
    kelompok = models.ForeignKey(
        "agen.KelompokAgen", on_delete=models.PROTECT, null=True, blank=True, related_name="rencana_tindak"
    )
    perangkat_daerah = models.ForeignKey("organisasi.PerangkatDaerah", on_delete=models.PROTECT, related_name="+")
    unit_kerja = models.ForeignKey(
        "organisasi.UnitKerja", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit kerja")
    )
    judul = models.CharField(_("judul rencana"), max_length=200)
    mulai = models.DateField(_("bulan mulai"))
    selesai = models.DateField(_("bulan selesai"))
    frekuensi_laporan = models.CharField(
        _("frekuensi laporan kemajuan"), max_length=10, choices=Frekuensi.choices, default=Frekuensi.TRIWULAN
    )
    fokus = models.JSONField(_("fokus dari hasil Formulir 1"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAF, editable=False)
    versi = models.PositiveSmallIntegerField(_("versi"), default=1, editable=False)
    versi_sebelumnya = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="versi_berikutnya", editable=False
    )
    logis = models.BooleanField(_("dinilai logis oleh Kepala PD"), null=True, editable=False)
    disetujui_pada = models.DateField(_("tanggal persetujuan"), null=True, blank=True, editable=False)
    penyetuju = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    sebutan_penyetuju = models.CharField(max_length=4, blank=True, default="", editable=False)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rencana tindak")
        verbose_name_plural = _("rencana tindak")
        ordering = ["-diubah_pada", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(penetapan__isnull=False, kelompok__isnull=True)
                | Q(penetapan__isnull=True, kelompok__isnull=False),
                name="rencana_milik_agen_atau_kelompok",
            ),
            models.CheckConstraint(condition=Q(selesai__gte=models.F("mulai")), name="rencana_selesai_setelah_mulai"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="rencana_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.judul} (v{self.versi})"

    # States as the rights on Lingkup read them (apps/akun/scope.py, section "rencana").
    @property
    def dapat_diubah(self) -> bool:
        return self.status in DAPAT_DIUBAH

    @property
    def diajukan(self) -> bool:
        return self.status == Status.DIAJUKAN

    @property
    def disetujui(self) -> bool:
        return self.status == Status.DISETUJUI

    @property
    def pemilik(self) -> str:
        if self.kelompok_id:
            return self.kelompok.sebutan
        return self.penetapan.pegawai.nama_lengkap

    @property
    def is_kelompok(self) -> bool:
        return self.kelompok_id is not None

    def masa(self) -> tuple[datetime.date, datetime.date] | None:
        """The agents' term: the SK's, or for a group the span all its appointed members share."""
        if self.penetapan_id:
            sk = self.penetapan.surat_keputusan
            return sk.masa_mulai, sk.masa_selesai
        anggota = [a for a in self.kelompok.anggota.all() if a.dicabut_pada is None]
        if not anggota:
            return None
        return (
            max(a.surat_keputusan.masa_mulai for a in anggota),
            min(a.surat_keputusan.masa_selesai for a in anggota),
        )

    def periode_laporan(self) -> list[tuple[datetime.date, datetime.date]]:
        """The reporting periods: calendar quarters (or months) that overlap the plan, clipped to it."""
        step = 3 if self.frekuensi_laporan == self.Frekuensi.TRIWULAN else 1
        periods = []
        year, month = self.mulai.year, ((self.mulai.month - 1) // step) * step + 1
        while datetime.date(year, month, 1) <= self.selesai:
            start = datetime.date(year, month, 1)
            ny, nm = (year + (month + step - 1) // 12, (month + step - 1) % 12 + 1)
            end = datetime.date(ny, nm, 1) - datetime.timedelta(days=1)
            periods.append((max(start, self.mulai), min(end, akhir_bulan(self.selesai))))
            year, month = ny, nm
        return periods


def akhir_bulan(d: datetime.date) -> datetime.date:
    nxt = datetime.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


class BarisRencana(models.Model):
    """One row of Tabel 2: columns (1) No to (8) Keterangan; "masuk SKP" per 2.2.5 e."""

    rencana = models.ForeignKey(RencanaTindak, on_delete=models.CASCADE, related_name="baris")
    nomor = models.PositiveSmallIntegerField(_("No"))
    nilai = models.ManyToManyField(
        "nilai.Nilai", related_name="+", verbose_name=_("Nilai organisasi dan core value ASN")
    )
    sasaran = models.TextField(_("Sasaran"), blank=True)
    indikator = models.TextField(_("Indikator kinerja"), blank=True)
    target_angka = models.DecimalField(_("Target (angka)"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_satuan = models.CharField(_("Target (satuan)"), max_length=60, blank=True)
    kegiatan = models.TextField(_("Kegiatan"), blank=True, help_text=_("Satu kegiatan per baris."))
    waktu_mulai = models.DateField(_("Waktu mulai (bulan)"), null=True, blank=True)
    waktu_selesai = models.DateField(_("Waktu selesai (bulan)"), null=True, blank=True)
    keterangan = models.TextField(_("Keterangan"), blank=True)
    masuk_skp = models.BooleanField(_("Masuk SKP"), default=False)
    referensi_skp = models.CharField(_("Referensi SKP"), max_length=200, blank=True)
    ditulis_oleh = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    diubah_oleh = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("baris rencana tindak")
        verbose_name_plural = _("baris rencana tindak")
        ordering = ["nomor"]
        constraints = [models.UniqueConstraint(fields=["rencana", "nomor"], name="baris_nomor_unik")]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.sasaran[:60]}"

    @property
    def target(self) -> str:
        if self.target_angka is None:
            return ""
        return f"{angka(self.target_angka)} {self.target_satuan}".strip()

    @property
    def kegiatan_daftar(self) -> list[str]:
        return [k.strip(" -•\t") for k in self.kegiatan.splitlines() if k.strip(" -•\t")]


class RiwayatRencana(Riwayat):
    """One state change of a plan: who, when, from, to, note. Append-only (docs/keamanan.md)."""

    rencana = models.ForeignKey(RencanaTindak, on_delete=models.PROTECT, related_name="riwayat")
    aksi = models.CharField(_("aksi"), max_length=16)
    dari_status = models.CharField(_("dari"), max_length=16, choices=Status.choices, blank=True)
    ke_status = models.CharField(_("ke"), max_length=16, choices=Status.choices)
    catatan = models.TextField(_("catatan"), blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        verbose_name = _("riwayat rencana tindak")
        verbose_name_plural = _("riwayat rencana tindak")
        ordering = ["pada", "pk"]

    def __str__(self) -> str:
        return f"{self.rencana_id}: {self.dari_status or '-'} → {self.ke_status}"

    @property
    def aksi_label(self) -> str:
        return AKSI_LABEL.get(self.aksi, self.aksi)


class LaporanKemajuan(models.Model):
    """A progress report of one reporting period (2.2.4 1) c): to the Kepala PD, copies to unit head and KBK."""

    rencana = models.ForeignKey(RencanaTindak, on_delete=models.PROTECT, related_name="laporan")
    periode_mulai = models.DateField(_("periode mulai"))
    periode_selesai = models.DateField(_("periode selesai"))
    status = models.CharField(_("status"), max_length=10, choices=StatusLaporan.choices, editable=False)
    dikirim_oleh = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    dikirim_pada = models.DateTimeField(_("dikirim pada"), default=timezone.now)
    tanggapan = models.TextField(_("tanggapan Kepala PD"), blank=True, editable=False)
    diketahui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    diketahui_pada = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("laporan kemajuan")
        verbose_name_plural = _("laporan kemajuan")
        ordering = ["-periode_mulai", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["rencana", "periode_mulai"], name="laporan_satu_per_periode"),
            models.CheckConstraint(
                condition=Q(periode_selesai__gte=models.F("periode_mulai")), name="laporan_periode_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rencana} {self.periode_mulai:%m/%Y}–{self.periode_selesai:%m/%Y}"

    @property
    def terkirim(self) -> bool:
        return self.status == StatusLaporan.TERKIRIM

    @property
    def terlambat(self) -> bool:
        """Sent after its period ended (computed when read, never written by a job)."""
        return timezone.localtime(self.dikirim_pada).date() > self.periode_selesai

    @property
    def capaian_rata_rata(self) -> Decimal | None:
        return rata_rata_capaian(r.capaian for r in self.realisasi.all())


class RiwayatLaporanKemajuan(Riwayat):
    """One event of a progress report: sent, reopened by the Kepala PD (with the reason and the figures as they
    were), sent again. Append-only."""

    class Aksi(models.TextChoices):
        KIRIM = "KIRIM", _("Dikirim")
        BUKA_KEMBALI = "BUKA_KEMBALI", _("Dibuka kembali")
        KIRIM_ULANG = "KIRIM_ULANG", _("Dikirim ulang")

    laporan = models.ForeignKey(LaporanKemajuan, on_delete=models.PROTECT, related_name="riwayat")
    aksi = models.CharField(_("aksi"), max_length=16, choices=Aksi.choices)
    catatan = models.TextField(_("catatan"), blank=True)
    realisasi_sebelumnya = models.JSONField(_("realisasi sebelumnya"), default=dict, blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        verbose_name = _("riwayat laporan kemajuan")
        verbose_name_plural = _("riwayat laporan kemajuan")
        ordering = ["pada", "pk"]


class RealisasiBaris(models.Model):
    laporan = models.ForeignKey(LaporanKemajuan, on_delete=models.CASCADE, related_name="realisasi")
    baris = models.ForeignKey(BarisRencana, on_delete=models.PROTECT, related_name="realisasi")
    realisasi = models.DecimalField(_("realisasi"), max_digits=12, decimal_places=2)
    narasi = models.TextField(_("narasi"))

    class Meta:
        ordering = ["baris__nomor"]
        constraints = [
            models.UniqueConstraint(fields=["laporan", "baris"], name="realisasi_satu_per_baris"),
            models.CheckConstraint(condition=Q(realisasi__gte=0), name="realisasi_tidak_negatif"),
        ]

    @property
    def capaian(self) -> Decimal | None:
        return capaian_persen(self.realisasi, self.baris.target_angka)

    @property
    def realisasi_teks(self) -> str:
        return f"{angka(self.realisasi)} {self.baris.target_satuan}".strip()


class BuktiDukung(models.Model):
    """An evidence file (PDF, JPEG, PNG), type checked by its bytes, stored privately under a random name."""

    class Jenis(models.TextChoices):
        PDF = "pdf", "PDF"
        JPEG = "jpg", "JPEG"
        PNG = "png", "PNG"

    kode = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    realisasi = models.ForeignKey(RealisasiBaris, on_delete=models.CASCADE, related_name="bukti")
    berkas = models.FileField(storage=berkas_privat, upload_to=_nama_bukti, max_length=200)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    jenis = models.CharField(max_length=3, choices=Jenis.choices)
    ukuran = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.nama_asli


class Permasalahan(models.Model):
    """A problem in carrying out the plan with a proposed solution (2.2.4 1) e), and the leader's direction (f)."""

    class Kepada(models.TextChoices):
        PIMPINAN_UNIT = "PIMPINAN_UNIT", _("Pimpinan unit kerja")
        KEPALA_PD = "KEPALA_PD", _("Kepala perangkat daerah")

    rencana = models.ForeignKey(RencanaTindak, on_delete=models.PROTECT, related_name="permasalahan")
    kepada = models.CharField(_("disampaikan kepada"), max_length=16, choices=Kepada.choices)
    uraian = models.TextField(_("permasalahan"))
    usulan_solusi = models.TextField(_("usulan alternatif solusi"))
    status = models.CharField(
        _("status"), max_length=10, choices=StatusMasalah.choices, default=StatusMasalah.TERBUKA, editable=False
    )
    diajukan_oleh = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    diajukan_pada = models.DateTimeField(default=timezone.now)
    arahan = models.TextField(_("arahan/solusi"), blank=True, editable=False)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    dijawab_pada = models.DateTimeField(null=True, blank=True, editable=False)
    ditutup_pada = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("permasalahan")
        verbose_name_plural = _("permasalahan")
        ordering = ["-diajukan_pada", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=StatusMasalah.values), name="masalah_status_valid")
        ]

    def __str__(self) -> str:
        return self.uraian[:60]

    @property
    def terbuka(self) -> bool:
        return self.status == StatusMasalah.TERBUKA

    @property
    def dijawab(self) -> bool:
        return self.status == StatusMasalah.DIJAWAB

    @property
    def kepada_pimpinan_unit(self) -> bool:
        return self.kepada == self.Kepada.PIMPINAN_UNIT
