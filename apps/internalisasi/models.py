"""Deklarasi and internalisasi of the values by each PD (Pasal 6-7; Lampiran BAB III.1-2).

Pasal 7: the Kepala PD is responsible for internalising and socialising the values in the PD; Lampiran BAB III.1:
every PD declares MEDIASI and BerAKHLAK. The consolidated report counts what is recorded here
(docs/keputusan.md, "Laporan pelaksanaan"). Written by apps.internalisasi.services only.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeklarasiNilai(models.Model):
    """One declaration of the values by a PD (Lampiran BAB III.1). A later one replaces an earlier in reports."""

    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, related_name="deklarasi_nilai"
    )
    tanggal = models.DateField(_("tanggal deklarasi"))
    bentuk = models.CharField(_("bentuk"), max_length=200, help_text=_("Mis. apel deklarasi, penandatanganan pakta."))
    dokumen = models.CharField(
        _("dokumen"), max_length=200, blank=True, help_text=_("Nomor atau nama dokumen deklarasi, bila ada.")
    )
    uraian = models.TextField(_("uraian"), blank=True)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dicatat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("deklarasi nilai")
        verbose_name_plural = _("deklarasi nilai")
        ordering = ["-tanggal", "-pk"]

    def __str__(self) -> str:
        return f"{self.perangkat_daerah} — {self.tanggal:%d-%m-%Y}"


class KegiatanInternalisasi(models.Model):
    """An internalisation or socialisation activity of a PD (Pasal 6-7; Lampiran BAB III.2)."""

    class Jenis(models.TextChoices):
        INTERNALISASI = "INTERNALISASI", _("Internalisasi")
        SOSIALISASI = "SOSIALISASI", _("Sosialisasi")

    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, related_name="kegiatan_internalisasi"
    )
    tanggal = models.DateField(_("tanggal"))
    jenis = models.CharField(_("jenis"), max_length=14, choices=Jenis.choices)
    bentuk = models.CharField(
        _("bentuk kegiatan"),
        max_length=200,
        help_text=_("Mis. apel pagi, knowledge sharing, pelatihan kantor sendiri."),
    )
    jumlah_peserta = models.PositiveIntegerField(_("jumlah peserta"), validators=[MinValueValidator(1)])
    nilai = models.ManyToManyField("nilai.Nilai", verbose_name=_("nilai yang dibahas"), related_name="+")
    uraian = models.TextField(_("uraian"), blank=True)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dicatat_pada = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("kegiatan internalisasi")
        verbose_name_plural = _("kegiatan internalisasi dan sosialisasi")
        ordering = ["-tanggal", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(jumlah_peserta__gte=1), name="kegiatan_peserta_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.perangkat_daerah} — {self.bentuk} ({self.tanggal:%d-%m-%Y})"
