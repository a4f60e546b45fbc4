"""History of pemda pack installs (docs/paket.md): one row per `pasang_paket --terapkan`, never changed."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RiwayatPaket(models.Model):
    """One install of a pack: which pack and version, the checksum of its files, who ran it and when, what changed,
    and the instrument version the pack made current (a new version when the old one was in use)."""

    kode = models.CharField(_("kode paket"), max_length=50, editable=False)
    versi = models.CharField(_("versi paket"), max_length=20, editable=False)
    checksum = models.CharField(_("checksum (SHA-256)"), max_length=64, editable=False)
    instrumen_kode = models.CharField(_("versi instrumen aktif"), max_length=40, editable=False)
    ringkasan = models.TextField(_("ringkasan perubahan"), editable=False)
    oleh = models.CharField(_("dipasang oleh"), max_length=150, editable=False)
    dipasang_pada = models.DateTimeField(_("dipasang pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("riwayat paket")
        verbose_name_plural = _("riwayat paket")
        ordering = ["-dipasang_pada", "-pk"]

    def __str__(self) -> str:
        return f"{self.kode} {self.versi} ({self.dipasang_pada:%d-%m-%Y %H:%M})"
