from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notifikasi(models.Model):
    """An in-app notice: something waits for `penerima` at `url`. Read when opened or when acted on."""

    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi", verbose_name=_("penerima")
    )
    teks = models.CharField(_("teks"), max_length=300)
    url = models.CharField(_("alamat"), max_length=300)
    # What the notice is about ("periode-tutup:2026", "pengingat:unit:12:2026-11-28"): one notice per person.
    kunci = models.CharField(_("kunci"), max_length=100, blank=True, default="")
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    dibaca = models.DateTimeField(_("dibaca"), null=True, blank=True)

    class Meta:
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        ordering = ["-dibuat", "-pk"]
        indexes = [models.Index(fields=["penerima", "dibaca"], name="notifikasi_belum_dibaca")]
        constraints = [
            models.UniqueConstraint(
                fields=["penerima", "kunci"], condition=~models.Q(kunci=""), name="notifikasi_satu_per_kunci"
            )
        ]

    def __str__(self) -> str:
        return self.teks
