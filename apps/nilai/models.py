"""Values catalogue (Lampiran BAB II): the five MEDIASI values and the seven BerAKHLAK values (Lampiran BAB II (katalog nilai))."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Nilai(models.Model):
    """One value. MEDIASI values have a definition, indicators and situations (BAB II.1); BerAKHLAK values
    have three behaviours (BAB II.2). `kode` is stable: rencana tindak keeps it as a choice."""

    class Sistem(models.TextChoices):
        MEDIASI = "MEDIASI", "MEDIASI"
        BERAKHLAK = "BERAKHLAK", "BerAKHLAK"

    kode = models.CharField(_("kode"), max_length=40, unique=True)
    sistem = models.CharField(_("sistem nilai"), max_length=10, choices=Sistem.choices)
    nama = models.CharField(_("nama"), max_length=100)
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    definisi = models.TextField(_("definisi"), blank=True)
    indikator = models.JSONField(_("indikator"), default=list, blank=True)
    situasi = models.JSONField(_("situasi"), default=list, blank=True)
    perilaku = models.JSONField(_("perilaku"), default=list, blank=True)

    class Meta:
        verbose_name = _("nilai")
        verbose_name_plural = _("nilai")
        ordering = ["sistem", "urutan"]
        constraints = [models.UniqueConstraint(fields=["sistem", "urutan"], name="nilai_urutan_unik")]

    def __str__(self) -> str:
        return f"{self.get_sistem_display()}: {self.nama}"
