"""The instansi whose name and logo head every letter and report (Pasal 9(3): the report goes to the Bupati)."""

import base64

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .uploads import NamaAcak, penyimpanan_privat


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
    wilayah = models.CharField(_("wilayah"), max_length=100, default="Kabupaten Kupang")
    kepala_daerah = models.CharField(_("sebutan kepala daerah"), max_length=100, default="Bupati Kupang")
    tempat = models.CharField(
        _("tempat surat"), max_length=100, default="Oelamasi", help_text=_("Ibu kota: tempat pada tanggal surat.")
    )
    peraturan = models.CharField(
        _("peraturan pedoman"),
        max_length=300,
        default="Peraturan Bupati Kupang Nomor 52 Tahun 2022",
        help_text=_("Peraturan kepala daerah yang dilaksanakan aplikasi ini, seperti dikutip pada dokumen."),
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


class DokumenTerbit(models.Model):
    """An issued document (docs/keputusan.md, «Dokumen terbit»): its PDF rendered once, stored, never rendered
    again. `kode` is printed on the PDF with the verification URL; `sha256` is the hash of the stored bytes, so a
    PDF handed in for checking is genuine only when it is byte-identical. Written only by
    `apps.common.dokumen.terbitkan`."""

    class Jenis(models.TextChoices):
        SK = "SK", _("Surat keputusan")
        LAPORAN = "LAPORAN", _("Laporan Evaluasi")

    kode = models.CharField(_("kode verifikasi"), max_length=16, unique=True, editable=False)
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices, editable=False)
    judul = models.CharField(_("judul"), max_length=300, editable=False)
    nomor = models.CharField(_("nomor"), max_length=100, blank=True, editable=False)
    tanggal = models.DateField(_("tanggal"), editable=False)
    berkas = models.FileField(storage=penyimpanan_privat, upload_to=NamaAcak("dokumen"), max_length=200, editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"), editable=False)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dokumen terbit")
        verbose_name_plural = _("dokumen terbit")
        ordering = ["-dibuat_pada", "-pk"]

    def __str__(self) -> str:
        return f"{self.judul} ({self.kode})"

    def isi(self) -> bytes:
        with self.berkas.open("rb") as f:
            return f.read()


class SuratKeluar(models.Model):
    """The outgoing-letter register (agenda surat keluar; docs/keputusan.md, «Tata naskah dinas»): the admin or Tim
    Monev enters or reserves a number; a letter the app issues takes its number from here."""

    class Sifat(models.TextChoices):
        BIASA = "BIASA", _("Biasa")
        PENTING = "PENTING", _("Penting")
        SEGERA = "SEGERA", _("Segera")
        RAHASIA = "RAHASIA", _("Rahasia")

    nomor = models.CharField(_("nomor surat"), max_length=100, unique=True)
    tanggal = models.DateField(_("tanggal"))
    sifat = models.CharField(_("sifat"), max_length=10, choices=Sifat.choices, default=Sifat.BIASA)
    hal = models.CharField(_("hal"), max_length=300)
    tujuan = models.CharField(_("kepada"), max_length=300, blank=True)
    dipakai_untuk = models.CharField(
        _("dipakai untuk"),
        max_length=100,
        blank=True,
        help_text=_("Kosong: nomor dipesan dan belum dipakai. Diisi aplikasi saat surat diterbitkan."),
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("surat keluar")
        verbose_name_plural = _("register surat keluar")
        ordering = ["-tanggal", "-pk"]

    def __str__(self) -> str:
        return self.nomor


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
