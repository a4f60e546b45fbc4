"""KBK / PMO of each Perangkat Daerah (Lampiran BAB III 2.1, Tabel 3.1) and the kabupaten Tim Monev (Lampiran BAB III 2.1 (Tabel 3.1); Pasal 9 (Tim Monev)).

Membership of a KBK gives the reviewer rights of docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1» through a mirrored `akun.Peran` (jenis ANGGOTA_KBK)
that `apps.kbk.services` creates and ends with the membership; `apps.akun.scope` reads only `Peran`.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeranKBK(models.Model):
    """A row of Tabel 3.1 (or one of its three sub-teams), kept as data (loaded by migration)."""

    kode = models.CharField(_("kode"), max_length=20, unique=True)
    nama = models.CharField(_("tingkatan"), max_length=80)
    penanggung_jawab = models.CharField(_("penanggung jawab"), max_length=200)
    uraian = models.TextField(_("uraian"), blank=True)
    tingkat = models.PositiveSmallIntegerField(_("tingkat pada bagan"))
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    memberi_hak_penelaah = models.BooleanField(
        _("memberi hak penelaah"),
        default=True,
        help_text=_(
            "Anggota dengan peran ini menelaah dan menilai usulan agen perubahan (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»)."
        ),
    )

    class Meta:
        verbose_name = _("peran KBK")
        verbose_name_plural = _("peran KBK (Tabel 3.1)")
        ordering = ["urutan"]

    def __str__(self) -> str:
        return self.nama


class KelompokBudayaKerja(models.Model):
    """The KBK / PMO of one PD."""

    perangkat_daerah = models.OneToOneField(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, related_name="kbk", verbose_name=_("perangkat daerah")
    )
    nomor_sk = models.CharField(_("nomor SK pembentukan"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)

    class Meta:
        verbose_name = _("Kelompok Budaya Kerja")
        verbose_name_plural = _("Kelompok Budaya Kerja")
        ordering = ["perangkat_daerah__kode"]

    def __str__(self) -> str:
        return f"KBK {self.perangkat_daerah}"


class KeanggotaanQuerySet(models.QuerySet):
    def aktif(self, pada: datetime.date | None = None):
        pada = pada or timezone.localdate()
        return self.filter(Q(sampai__isnull=True) | Q(sampai__gte=pada), mulai__lte=pada)


class AnggotaKBK(models.Model):
    """A pegawai holding a Tabel 3.1 role in a KBK, for a period. Written by apps.kbk.services only."""

    kbk = models.ForeignKey(KelompokBudayaKerja, on_delete=models.CASCADE, related_name="anggota")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    peran = models.ForeignKey(PeranKBK, on_delete=models.PROTECT, related_name="+", verbose_name=_("peran"))
    mulai = models.DateField(_("mulai"), default=timezone.localdate)
    sampai = models.DateField(_("sampai"), null=True, blank=True)
    peran_akses = models.ForeignKey(
        "akun.Peran", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    catatan_kesesuaian = models.TextField(
        _("catatan kesesuaian jabatan"),
        blank=True,
        help_text=_("Alasan Kepala PD bila jabatan anggota tidak sesuai pejabat yang disebut Tabel 3.1."),
    )

    objects = KeanggotaanQuerySet.as_manager()

    class Meta:
        verbose_name = _("anggota KBK")
        verbose_name_plural = _("anggota KBK")
        ordering = ["peran__urutan", "pegawai__nama"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sampai__isnull=True) | Q(sampai__gte=models.F("mulai")), name="anggota_kbk_sampai_valid"
            ),
            models.UniqueConstraint(
                fields=["kbk", "pegawai", "peran"], condition=Q(sampai__isnull=True), name="anggota_kbk_unik_aktif"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai.nama} — {self.peran}"


class TimMonev(models.Model):
    """The kabupaten Tim Monitoring, Evaluasi dan Pelaporan, set by Keputusan Bupati."""

    nama = models.CharField(_("nama"), max_length=200, default="Tim Monitoring, Evaluasi dan Pelaporan")
    nomor_keputusan = models.CharField(_("nomor keputusan kepala daerah"), max_length=100)
    tanggal_keputusan = models.DateField(_("tanggal keputusan"))
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("Tim Monev")
        verbose_name_plural = _("Tim Monev")
        ordering = ["-tanggal_keputusan"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.nomor_keputusan})"


class AnggotaTimMonev(models.Model):
    class Jabatan(models.TextChoices):
        PENGARAH = "PENGARAH", _("Pengarah")
        KETUA = "KETUA", _("Ketua")
        SEKRETARIS = "SEKRETARIS", _("Sekretaris")
        ANGGOTA = "ANGGOTA", _("Anggota")

    tim = models.ForeignKey(TimMonev, on_delete=models.CASCADE, related_name="anggota")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="+")
    jabatan = models.CharField(_("jabatan dalam tim"), max_length=12, choices=Jabatan.choices)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    peran_akses = models.ForeignKey(
        "akun.Peran", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("anggota Tim Monev")
        verbose_name_plural = _("anggota Tim Monev")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.pegawai.nama} — {self.get_jabatan_display()}"
