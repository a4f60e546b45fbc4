"""Formulir 1 (Lampiran BAB IV): the instrument as versioned data, periodes, responses and answers (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.common.riwayat import Riwayat

from .scoring import Band, Kategori, band_errors, section_range


class InstrumenVersi(models.Model):
    """One published version of Formulir 1: sections, items, scales and bands. Frozen once a periode uses it."""

    kode = models.CharField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    petunjuk = models.TextField(_("petunjuk pengisian"), blank=True)
    catatan = models.TextField(_("catatan tentang teks peraturan"), blank=True)
    sementara = models.BooleanField(
        _("sementara"), default=False, help_text=_("Bagian rekonstruksi belum dikonfirmasi Bagian Organisasi.")
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("versi instrumen")
        verbose_name_plural = _("versi instrumen")
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.kode})"

    @property
    def terkunci(self) -> bool:
        """A version used by a periode cannot change (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»)."""
        return self.pk is not None and self.periode_set.exists()

    def save(self, *args, **kwargs) -> None:
        tolak_bila_terkunci(self.pk)
        super().save(*args, **kwargs)

    def kesalahan_band(self) -> list[str]:
        """Why this version's bands are unusable (empty when every section's bands partition its score range)."""
        errors = []
        for bagian in self.bagian.prefetch_related("band").annotate(jumlah_butir=models.Count("butir")):
            low, high = section_range(bagian.jumlah_butir)
            errors += [f"{_('Bagian')} {bagian.kode}: {e}" for e in band_errors(bagian.bands(), low, high)]
        if not errors and not self.bagian.exists():
            errors.append(_("Versi ini belum memiliki bagian."))
        return errors


def tolak_bila_terkunci(instrumen_id: int | None) -> None:
    """Refuse a change to a version that a periode uses (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»: "A version used by a periode is frozen")."""
    if instrumen_id is not None and Periode.objects.filter(instrumen_id=instrumen_id).exists():
        raise ValidationError(_("Versi instrumen ini sudah dipakai periode dan tidak dapat diubah."))


class _BagianInstrumen(models.Model):
    """Rows of a version (sections, items, bands): frozen with their version."""

    class Meta:
        abstract = True

    def _instrumen_id(self) -> int | None:
        raise NotImplementedError

    def clean(self) -> None:
        tolak_bila_terkunci(self._instrumen_id())

    def save(self, *args, **kwargs) -> None:
        tolak_bila_terkunci(self._instrumen_id())
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        tolak_bila_terkunci(self._instrumen_id())
        return super().delete(*args, **kwargs)


class Bagian(_BagianInstrumen):
    """A section of the instrument: I and II (MEDIASI), III (BerAKHLAK)."""

    instrumen = models.ForeignKey(InstrumenVersi, on_delete=models.CASCADE, related_name="bagian")
    kode = models.CharField(_("kode"), max_length=8)
    judul = models.CharField(_("judul"), max_length=300)
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    label_skala = models.JSONField(
        _("label skala"), help_text=_('Label jawaban 1-4, misalnya ["Ya", "Sering", "Kurang", "Tidak"].')
    )

    class Meta:
        verbose_name = _("bagian")
        verbose_name_plural = _("bagian")
        ordering = ["instrumen", "urutan"]
        constraints = [models.UniqueConstraint(fields=["instrumen", "kode"], name="bagian_unik")]

    def __str__(self) -> str:
        return f"{self.kode}. {self.judul}"

    def _instrumen_id(self) -> int | None:
        return self.instrumen_id

    def bands(self) -> tuple[Band, ...]:
        """The section's category table as scoring.Band values (use prefetch_related("band"))."""
        rows = sorted(self.band.all(), key=lambda b: b.skor_min)
        return tuple(Band(Kategori(b.kategori), b.skor_min, b.skor_max, b.tindak_lanjut) for b in rows)


class Butir(_BagianInstrumen):
    """One item (1-35). `kelompok` is the BerAKHLAK value of a section III item."""

    bagian = models.ForeignKey(Bagian, on_delete=models.CASCADE, related_name="butir")
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    teks = models.TextField(_("teks"))
    kelompok = models.CharField(_("kelompok"), max_length=60, blank=True)
    rekonstruksi = models.BooleanField(_("rekonstruksi"), default=False)
    sumber = models.CharField(_("sumber"), max_length=200, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("butir")
        verbose_name_plural = _("butir")
        ordering = ["nomor"]
        constraints = [models.UniqueConstraint(fields=["bagian", "nomor"], name="butir_unik")]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.teks[:60]}"

    def _instrumen_id(self) -> int | None:
        return self.bagian.instrumen_id if self.bagian_id else None

    @property
    def kelompok_nama(self) -> str:
        """ "A Berorientasi Pelayanan" -> "Berorientasi Pelayanan"."""
        return self.kelompok.split(" ", 1)[1] if " " in self.kelompok else self.kelompok


class BandKategori(_BagianInstrumen):
    """One row of a section's category table (skor_min..skor_max inclusive)."""

    bagian = models.ForeignKey(Bagian, on_delete=models.CASCADE, related_name="band")
    kategori = models.CharField(_("kategori"), max_length=12, choices=[(k.value, k.label) for k in Kategori])
    skor_min = models.PositiveSmallIntegerField(_("skor minimum"))
    skor_max = models.PositiveSmallIntegerField(_("skor maksimum"))
    tindak_lanjut = models.CharField(_("tindak lanjut"), max_length=300)
    sementara = models.BooleanField(_("sementara"), default=False)

    class Meta:
        verbose_name = _("kategori skor")
        verbose_name_plural = _("kategori skor")
        ordering = ["bagian", "skor_min"]
        constraints = [
            models.UniqueConstraint(fields=["bagian", "kategori"], name="band_unik"),
            models.CheckConstraint(condition=Q(skor_min__lte=models.F("skor_max")), name="band_min_le_max"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kategori_display()} {self.skor_min}-{self.skor_max}"

    def _instrumen_id(self) -> int | None:
        return self.bagian.instrumen_id if self.bagian_id else None


class Periode(models.Model):
    """One measurement round of Formulir 1."""

    class Status(models.TextChoices):
        DRAFT = "DRAFT", _("Draf")
        DIBUKA = "DIBUKA", _("Dibuka")
        DITUTUP = "DITUTUP", _("Ditutup")
        FINAL = "FINAL", _("Final")

    kode = models.CharField(
        _("kode"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(
                r"\A[A-Za-z0-9][A-Za-z0-9-]*\Z",
                _("Kode hanya boleh huruf, angka dan tanda minus, diawali huruf atau angka (misalnya 2026-II)."),
            )
        ],
        help_text=_("Dipakai di alamat halaman, misalnya 2026 atau 2026-II."),
    )
    nama = models.CharField(_("nama"), max_length=200)
    instrumen = models.ForeignKey(InstrumenVersi, on_delete=models.PROTECT, verbose_name=_("versi instrumen"))
    tanggal_buka = models.DateField(_("tanggal buka"))
    tanggal_tutup = models.DateField(_("tanggal tutup"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    ditutup_pada = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    # Set at the first close and never cleared: the reports count only the responses submitted before it, so
    # comparing the reports of two closes reveals nobody (docs/keputusan.md, "Kerahasiaan Formulir 1").
    ditutup_pertama_pada = models.DateTimeField(_("pertama ditutup pada"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("periode")
        verbose_name_plural = _("periode")
        ordering = ["-tanggal_buka"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_tutup__gte=models.F("tanggal_buka")), name="periode_tutup_setelah_buka"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.kode})"

    def menerima_kiriman(self, hari_ini=None) -> bool:
        """docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»: submitting only while DIBUKA and today (WITA) lies within the dates, both included."""
        hari_ini = hari_ini or timezone.localdate()
        return self.status == self.Status.DIBUKA and self.tanggal_buka <= hari_ini <= self.tanggal_tutup


class RiwayatPeriode(Riwayat):
    """One status change of a periode: who, when, from, to, note. Written by services._periode_transisi only."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="riwayat")
    dari = models.CharField(_("dari"), max_length=8, choices=Periode.Status.choices)
    ke = models.CharField(_("ke"), max_length=8, choices=Periode.Status.choices)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    pada = models.DateTimeField(auto_now_add=True)
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("riwayat periode")
        verbose_name_plural = _("riwayat periode")
        ordering = ["-pada", "-pk"]


class Respon(models.Model):
    """One ASN's Formulir 1 in one periode: a draft until submitted. One per ASN per periode.

    At submission it keeps the respondent's unit and PD and the three section totals (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»), so
    reports never depend on later transfers.
    """

    class Status(models.TextChoices):
        DRAF = "DRAF", _("Draf")
        TERKIRIM = "TERKIRIM", _("Terkirim")

    periode = models.ForeignKey(Periode, on_delete=models.PROTECT, related_name="respon")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="respon")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAF)
    unit_kerja = models.ForeignKey(
        "organisasi.UnitKerja", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    total_1 = models.PositiveSmallIntegerField(null=True, blank=True)
    total_2 = models.PositiveSmallIntegerField(null=True, blank=True)
    total_3 = models.PositiveSmallIntegerField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diperbarui_pada = models.DateTimeField(auto_now=True)
    dikirim_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("respon")
        verbose_name_plural = _("respon")
        constraints = [
            models.UniqueConstraint(fields=["periode", "pegawai"], name="satu_respon_per_asn_per_periode"),
            models.CheckConstraint(
                condition=Q(status="DRAF")
                | Q(
                    total_1__isnull=False,
                    total_2__isnull=False,
                    total_3__isnull=False,
                    unit_kerja__isnull=False,
                    perangkat_daerah__isnull=False,
                    dikirim_pada__isnull=False,
                ),
                name="respon_terkirim_lengkap",
            ),
        ]
        indexes = [
            models.Index(fields=["periode", "status", "perangkat_daerah"], name="respon_agregat_pd"),
            models.Index(fields=["periode", "status", "unit_kerja"], name="respon_agregat_unit"),
        ]


class Jawaban(models.Model):
    """One answer (1-4) to one item. Visible only to the respondent."""

    respon = models.ForeignKey(Respon, on_delete=models.CASCADE, related_name="jawaban")
    butir = models.ForeignKey(Butir, on_delete=models.PROTECT, related_name="+")
    nilai = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")
        constraints = [
            models.UniqueConstraint(fields=["respon", "butir"], name="satu_jawaban_per_butir"),
            models.CheckConstraint(condition=Q(nilai__gte=1, nilai__lte=4), name="jawaban_1_sampai_4"),
        ]


class PembukaanKembali(models.Model):
    """Tim Monev reopened a submitted response while its periode was open: who, when, why. Append-only."""

    respon = models.ForeignKey(Respon, on_delete=models.CASCADE, related_name="pembukaan_kembali")
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField(auto_now_add=True)
    alasan = models.TextField(_("alasan"))

    class Meta:
        verbose_name = _("pembukaan kembali respon")
        verbose_name_plural = _("pembukaan kembali respon")
        ordering = ["-pada"]


class Pengingat(models.Model):
    """One reminder sent for a group (a unit or a PD) about a periode: at most one per group per day (the notices
    themselves go through apps.notifikasi)."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="+")
    # "unit:<pk>" or "pd:<pk>": the group reminded.
    kelompok = models.CharField(_("kelompok"), max_length=40)
    tanggal = models.DateField(_("tanggal"))
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    jumlah = models.PositiveIntegerField(_("jumlah penerima"), default=0)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat")
        verbose_name_plural = _("pengingat")
        constraints = [
            models.UniqueConstraint(fields=["periode", "kelompok", "tanggal"], name="pengingat_sekali_sehari")
        ]

    def __str__(self) -> str:
        return f"{self.kelompok} {self.tanggal}"
