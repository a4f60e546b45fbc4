"""The instansi whose name and logo head every letter and report (Pasal 9(3): the report goes to the Bupati)."""

import base64

from django.db import models
from django.utils.translation import gettext_lazy as _


class Instansi(models.Model):
    """One row: the kop (letterhead) of the Pemerintah Kabupaten Kupang. The admin uploads the logo; without a
    logo the kop is text only. The logo is kept in the database (small, checked PNG or JPEG) so that PDFs embed it
    as a data: URL and no file is served from the media folder."""

    nama = models.CharField(_("nama instansi"), max_length=200, default="Pemerintah Kabupaten Kupang")
    alamat = models.CharField(
        _("alamat"),
        max_length=300,
        blank=True,
        default="Jl. Timor Raya, Oelamasi, Kabupaten Kupang, Nusa Tenggara Timur",
    )
    logo = models.BinaryField(_("logo"), blank=True, null=True, editable=False)
    logo_jenis = models.CharField(max_length=20, blank=True, editable=False)

    class Meta:
        verbose_name = _("kop instansi")
        verbose_name_plural = _("kop instansi")

    def __str__(self) -> str:
        return self.nama

    @classmethod
    def aktif(cls) -> "Instansi":
        """The one row (created with the defaults when missing)."""
        obj = cls.objects.order_by("pk").first()
        return obj if obj is not None else cls(nama="Pemerintah Kabupaten Kupang")

    @property
    def logo_data_url(self) -> str:
        if not self.logo:
            return ""
        return f"data:{self.logo_jenis};base64,{base64.b64encode(bytes(self.logo)).decode()}"


class LangkahHarian(models.Model):
    """The ledger of `manage.py kerja_harian`: one row per step and day, written in the step's own transaction,
    so a step that finished is never run twice for that day and a step that failed runs again next time."""

    tanggal = models.DateField(_("tanggal"))
    langkah = models.CharField(_("langkah"), max_length=60)
    hasil = models.JSONField(_("hasil"), default=dict)
    selesai_pada = models.DateTimeField(_("selesai pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("langkah kerja harian")
        verbose_name_plural = _("langkah kerja harian")
        ordering = ["-tanggal", "pk"]
        constraints = [models.UniqueConstraint(fields=["tanggal", "langkah"], name="langkah_harian_sekali")]

    def __str__(self) -> str:
        return f"{self.tanggal} {self.langkah}"
