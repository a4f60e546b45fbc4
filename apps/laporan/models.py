"""Laporan Evaluasi (Lampiran BAB IV.2; docs/keputusan.md, «Laporan Evaluasi: angka per baris»): Tim Monev's notes per row and the snapshots of final reports.

The numbers themselves are never stored here: they are read from the results read model (`apps.hasil`).
Only when Tim Monev finalises a periode is each report kept as a snapshot.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CatatanLaporan(models.Model):
    """The free-text part of Keterangan that Tim Monev writes for one row (a PD or a unit) of one periode."""

    periode = models.ForeignKey("survei.Periode", on_delete=models.CASCADE, related_name="+")
    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    unit_kerja = models.ForeignKey(
        "organisasi.UnitKerja", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    teks = models.CharField(_("catatan"), max_length=500, blank=True)
    diubah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("catatan laporan")
        verbose_name_plural = _("catatan laporan")
        constraints = [
            models.CheckConstraint(
                condition=Q(perangkat_daerah__isnull=True, unit_kerja__isnull=False)
                | Q(perangkat_daerah__isnull=False, unit_kerja__isnull=True),
                name="catatan_pd_atau_unit",
            ),
            models.UniqueConstraint(
                fields=["periode", "perangkat_daerah"],
                condition=Q(unit_kerja__isnull=True),
                name="catatan_unik_pd",
            ),
            models.UniqueConstraint(
                fields=["periode", "unit_kerja"], condition=Q(perangkat_daerah__isnull=True), name="catatan_unik_unit"
            ),
        ]

    @property
    def kunci(self) -> str:
        return f"pd:{self.perangkat_daerah_id}" if self.perangkat_daerah_id else f"unit:{self.unit_kerja_id}"


class SnapshotLaporan(models.Model):
    """A finalised report (docs/keputusan.md, «Laporan Evaluasi: angka per baris»): its numbers, date and signer, frozen. A later change makes a new version.

    `perangkat_daerah` is empty for the consolidated report.
    """

    periode = models.ForeignKey("survei.Periode", on_delete=models.PROTECT, related_name="+")
    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    versi = models.PositiveSmallIntegerField(_("versi"))
    data = models.JSONField(_("angka laporan"))
    tanggal = models.DateField(_("tanggal laporan"))
    penanda_tangan_nama = models.CharField(_("nama penanggung jawab"), max_length=200, blank=True)
    penanda_tangan_nip = models.CharField(_("NIP penanggung jawab"), max_length=18, blank=True)
    penanda_tangan_jabatan = models.CharField(_("jabatan penanggung jawab"), max_length=200, blank=True)
    penanda_tangan_golongan = models.CharField(_("pangkat/golongan penanggung jawab"), max_length=100, blank=True)
    alasan = models.CharField(_("alasan versi"), max_length=300, blank=True)
    # The PDF issued once for this version (docs/keputusan.md, «Dokumen terbit»): every download returns its bytes.
    dokumen = models.OneToOneField(
        "common.DokumenTerbit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    # The covering letter's number in the outgoing-letter register (consolidated report only).
    surat = models.ForeignKey(
        "common.SuratKeluar", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("snapshot laporan")
        verbose_name_plural = _("snapshot laporan")
        ordering = ["periode", "perangkat_daerah", "-versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "versi"], condition=Q(perangkat_daerah__isnull=True), name="snapshot_unik_kabupaten"
            ),
            models.UniqueConstraint(
                fields=["periode", "perangkat_daerah", "versi"],
                condition=Q(perangkat_daerah__isnull=False),
                name="snapshot_unik_pd",
            ),
        ]
