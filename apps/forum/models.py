"""Forum Agen Perubahan (Lampiran BAB III 2.2.4 2b, 3a-d) kept as records, not a chat.

There is one forum per perangkat daerah and one for the kabupaten; a forum is not a row of its own: a meeting
or a praktik baik entry belongs to a PD's forum (`perangkat_daerah`) or, when that is empty, to the kabupaten
forum. Meetings record date, topic, facilitator, the attending agents and notes, with optional files (private,
served only through a view that checks scope). Praktik baik entries are readable by every logged-in user, so a
unit's progress can be replicated elsewhere (2.2.4 3d).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.common.uploads import NamaAcak, penyimpanan_privat


class Pertemuan(models.Model):
    """A meeting of a forum (2.2.4 3a-c: sharing experience, discussing problems, agreeing follow-up)."""

    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forum perangkat daerah"),
        help_text=_("Kosong: forum tingkat kabupaten."),
    )
    tanggal = models.DateField(_("tanggal"))
    topik = models.CharField(_("topik"), max_length=200)
    fasilitator = models.CharField(_("fasilitator"), max_length=150)
    peserta = models.ManyToManyField(
        "agen.Penetapan", related_name="pertemuan_forum", blank=True, verbose_name=_("agen yang hadir")
    )
    catatan = models.TextField(_("catatan pertemuan"))
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dicatat_pada = models.DateTimeField(auto_now_add=True)
    diubah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pertemuan forum")
        verbose_name_plural = _("pertemuan forum")
        ordering = ["-tanggal", "-pk"]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.topik}"


class LampiranPertemuan(models.Model):
    """A file of a meeting (minutes, attendance sheet, photo): PDF, JPEG or PNG up to 5 MB, checked by content,
    stored under a random name outside static files; the URL uses `kunci`, not the row id."""

    pertemuan = models.ForeignKey(Pertemuan, on_delete=models.PROTECT, related_name="lampiran")
    kunci = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    berkas = models.FileField(storage=penyimpanan_privat, upload_to=NamaAcak("forum"), max_length=200)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    content_type = models.CharField(max_length=40)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    diunggah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    diunggah_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lampiran pertemuan")
        verbose_name_plural = _("lampiran pertemuan")
        ordering = ["diunggah_pada", "pk"]

    def __str__(self) -> str:
        return self.nama_asli


class PraktikBaik(models.Model):
    """A good practice (2.2.4 3d): what was done, with which values, what came of it, and whom to ask."""

    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forum perangkat daerah"),
        help_text=_("Kosong: forum tingkat kabupaten."),
    )
    judul = models.CharField(_("judul"), max_length=200)
    nilai = models.ManyToManyField("nilai.Nilai", related_name="praktik_baik", verbose_name=_("nilai"))
    yang_dilakukan = models.TextField(_("apa yang dilakukan"))
    hasil = models.TextField(_("hasil"))
    kontak = models.ForeignKey(
        "agen.Penetapan", on_delete=models.PROTECT, related_name="praktik_baik", verbose_name=_("agen narahubung")
    )
    ditulis_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ditulis_pada = models.DateTimeField(auto_now_add=True)
    diubah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("praktik baik")
        verbose_name_plural = _("praktik baik")
        ordering = ["-ditulis_pada", "-pk"]

    def __str__(self) -> str:
        return self.judul
