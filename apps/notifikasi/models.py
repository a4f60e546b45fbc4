from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Email(models.TextChoices):
    TIDAK_DIMINTA = "", _("tidak dikirim lewat email")
    MENUNGGU = "MENUNGGU", _("email menunggu dikirim")
    TERKIRIM = "TERKIRIM", _("email terkirim")
    GAGAL = "GAGAL", _("email gagal dikirim")
    TANPA_ALAMAT = "TANPA_ALAMAT", _("tanpa alamat email")
    NONAKTIF = "NONAKTIF", _("email belum diatur di server")


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
    # Seen in the list (the navigation badge counts only notices not seen yet); read is when it was opened.
    dilihat = models.DateTimeField(_("dilihat"), null=True, blank=True)
    # What became of the email copy, when one was asked for: never lost in silence (the reminder page shows it).
    email = models.CharField(_("email"), max_length=12, choices=Email.choices, blank=True, default="")
    email_galat = models.CharField(_("galat email"), max_length=200, blank=True, default="")

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
