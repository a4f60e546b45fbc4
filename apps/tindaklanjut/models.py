"""Tindak lanjut of the Laporan Evaluasi (Lampiran BAB IV.2): one record per PD or unit and section whose category
is KURANG BAIK or BURUK in a FINAL periode. Written by apps.tindaklanjut.services only."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.common.riwayat import Riwayat
from apps.common.uploads import NamaAcak, penyimpanan_privat

from .workflow import Aksi, Status


class TindakLanjut(models.Model):
    Status = Status

    periode = models.ForeignKey("survei.Periode", on_delete=models.PROTECT, related_name="tindak_lanjut")
    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, related_name="tindak_lanjut"
    )
    unit_kerja = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Kosong: perangkat daerah secara keseluruhan (baris laporan konsolidasi)."),
    )
    bagian = models.CharField(_("bagian"), max_length=3)
    ts = models.DecimalField(_("TS"), max_digits=6, decimal_places=2)
    kategori = models.CharField(_("kategori"), max_length=12)
    tindakan = models.TextField(_("tindak lanjut yang ditetapkan"))
    penanggung_jawab = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    batas_waktu = models.DateField(_("batas waktu"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.TERBUKA)
    uraian = models.TextField(_("yang telah dilakukan"), blank=True)
    bukti = models.FileField(
        _("bukti"), storage=penyimpanan_privat, upload_to=NamaAcak("tindaklanjut"), max_length=200, blank=True
    )
    bukti_nama = models.CharField(max_length=200, blank=True)
    bukti_jenis = models.CharField(max_length=40, blank=True)
    dilaporkan_pada = models.DateTimeField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["periode", "perangkat_daerah__kode", "unit_kerja__kode", "bagian"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "perangkat_daerah", "bagian"],
                condition=Q(unit_kerja__isnull=True),
                name="tindak_lanjut_unik_pd",
            ),
            models.UniqueConstraint(
                fields=["periode", "unit_kerja", "bagian"],
                condition=Q(unit_kerja__isnull=False),
                name="tindak_lanjut_unik_unit",
            ),
            models.CheckConstraint(condition=Q(bagian__in=["I", "II", "III"]), name="tindak_lanjut_bagian_valid"),
            models.CheckConstraint(
                condition=Q(kategori__in=["KURANG_BAIK", "BURUK"]), name="tindak_lanjut_kategori_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sasaran} — Bagian {self.bagian} ({self.periode.kode})"

    @property
    def sasaran(self) -> str:
        return self.unit_kerja.nama if self.unit_kerja_id else self.perangkat_daerah.nama

    @property
    def kategori_label(self) -> str:
        return self.kategori.replace("_", " ")

    def terlambat(self, hari_ini: datetime.date | None = None) -> bool:
        """Past its due date and not yet reported: computed when read, never written (docs/keputusan.md)."""
        if self.batas_waktu is None or self.status != Status.TERBUKA:
            return False
        return (hari_ini or timezone.localdate()) > self.batas_waktu


class RiwayatTindakLanjut(Riwayat):
    """Append-only history of a follow-up: who, when, from, to, note."""

    tindak_lanjut = models.ForeignKey(TindakLanjut, on_delete=models.CASCADE, related_name="riwayat")
    aksi = models.CharField(max_length=20, choices=[*Aksi.choices, ("jadwalkan", _("Tetapkan batas waktu"))])
    dari_status = models.CharField(max_length=12, blank=True)
    ke_status = models.CharField(max_length=12)
    catatan = models.TextField(blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("riwayat tindak lanjut")
        verbose_name_plural = _("riwayat tindak lanjut")
        ordering = ["pada", "pk"]
