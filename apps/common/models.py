"""The instansi whose name and logo head every letter and report (Pasal 9(3): the report goes to the kepala daerah).

What differs between pemda (names, office titles, place of signing, the regulation, role names, document texts) is
data of this one row, which a pemda pack fills (docs/paket.md); no template or code names a pemda."""

import base64

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .migrations._instansi_0004 import ISI as ISI_SEBELUM_PAKET
from .uploads import NamaAcak, penyimpanan_privat

# Short role names and office titles when the pack gives none: the words of any pemda's regulation.
ISTILAH_NETRAL = {
    "kepala_daerah": "Kepala Daerah",
    "kepala_daerah_singkat": "Kepala Daerah",
    "sekda": "Sekretaris Daerah",
    "kepala_pd": "Kepala Perangkat Daerah",
    "perangkat_daerah": "Perangkat Daerah",
    "bkpsdm": "BKPSDM",
    "tim_monev": "Tim Monitoring, Evaluasi dan Pelaporan",
    "kbk": "Kelompok Budaya Kerja",
    "agen": "Agen Perubahan",
    "nilai_organisasi": "",  # the local values' name ("nilai-nilai organisasi X"); none: the words alone
    "daerah": "daerah",  # the kind of region in running text: kabupaten, kota, provinsi
    "peraturan_singkat": "peraturan",  # the regulation's short name: Perbup, Perwali, Pergub
}


class Instansi(models.Model):
    """One row: the kop (letterhead) and the words of the pemda that runs this instance. The admin uploads the
    logo; without a logo the kop is text only. The logo is kept in the database (small, checked PNG or JPEG) so
    that PDFs embed it as a data: URL and no file is served from the media folder. Defaults name no pemda: a pack
    (`pasang_paket`) or the admin fills them."""

    nama = models.CharField(_("nama instansi"), max_length=200, default="Pemerintah Daerah")
    alamat = models.CharField(_("alamat"), max_length=300, blank=True, default="")
    wilayah = models.CharField(_("wilayah"), max_length=100, default="Daerah")
    kepala_daerah = models.CharField(_("sebutan kepala daerah"), max_length=100, default="Kepala Daerah")
    tempat = models.CharField(
        _("tempat surat"), max_length=100, default="", help_text=_("Ibu kota: tempat pada tanggal surat.")
    )
    peraturan = models.CharField(
        _("peraturan pedoman"),
        max_length=300,
        default="Peraturan Kepala Daerah",
        help_text=_("Peraturan kepala daerah yang dilaksanakan aplikasi ini, seperti dikutip pada dokumen."),
    )
    peraturan_judul = models.CharField(
        _("judul peraturan"),
        max_length=300,
        blank=True,
        default="",
        help_text=_("Judul peraturan pedoman, seperti dikutip sesudah kata «tentang»."),
    )
    nama_aplikasi = models.CharField(_("nama aplikasi"), max_length=100, default="Budaya Kerja")
    sekda = models.CharField(
        _("sebutan Sekretaris Daerah"),
        max_length=150,
        default="Sekretaris Daerah",
        help_text=_("Sebutan jabatan Sekretaris Daerah seperti ditulis pada dokumen."),
    )
    istilah = models.JSONField(_("istilah"), default=dict, blank=True, help_text=_("Sebutan peran dan jabatan."))
    teks = models.JSONField(_("teks dokumen"), default=dict, blank=True, help_text=_("Teks panjang dokumen."))
    paket_kode = models.CharField(_("kode paket"), max_length=50, blank=True, default="", editable=False)
    paket_versi = models.CharField(_("versi paket"), max_length=20, blank=True, default="", editable=False)
    logo = models.BinaryField(_("logo"), blank=True, null=True, editable=False)
    logo_jenis = models.CharField(max_length=20, blank=True, editable=False)

    class Meta:
        verbose_name = _("kop instansi")
        verbose_name_plural = _("kop instansi")

    def __str__(self) -> str:
        return self.nama

    @classmethod
    def aktif(cls) -> "Instansi":
        """The one row, read from the database (documents read it so). Without a row: an unsaved one holding the
        kop an install had before pemda packs (migration 0004), until a pack or the admin writes the row."""
        obj = cls.objects.order_by("pk").first()
        return obj if obj is not None else cls.tanpa_baris()

    @classmethod
    def tanpa_baris(cls) -> "Instansi":
        return cls(**ISI_SEBELUM_PAKET)

    def istilah_dari(self, kunci: str) -> str:
        """A role name or office title of this pemda (`istilah[kunci]`), else the neutral word."""
        nilai = (self.istilah or {}).get(kunci)
        if nilai:
            return str(nilai)
        if kunci == "kepala_daerah":
            return self.kepala_daerah
        if kunci == "sekda":
            return self.sekda
        return ISTILAH_NETRAL.get(kunci, kunci)

    def teks_dari(self, kunci: str, bawaan: str = "") -> str:
        """A longer document text of this pemda (`teks[kunci]`), else `bawaan`."""
        nilai = (self.teks or {}).get(kunci)
        return str(nilai) if nilai else bawaan

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
