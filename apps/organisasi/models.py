"""Registry of the kabupaten: Perangkat Daerah, Unit Kerja, Pegawai (docs/keputusan.md, «Registri dan impor» / «Kode aktivasi»)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.common.riwayat import Riwayat, RiwayatQuerySet

from .nip import nip_errors
from .workflow import StatusPerbaikan


class JenisASN(models.TextChoices):
    PNS = "PNS", "PNS"
    PPPK = "PPPK", "PPPK"


class Golongan(models.Model):
    """Golongan ruang: PNS I/a (Juru Muda) to IV/e (Pembina Utama), PPPK I to XVII. Loaded by migration."""

    kode = models.CharField(_("kode"), max_length=8)
    jenis_asn = models.CharField(_("jenis ASN"), max_length=4, choices=JenisASN.choices)
    pangkat = models.CharField(_("pangkat"), max_length=60, blank=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"))

    class Meta:
        verbose_name = _("golongan")
        verbose_name_plural = _("golongan")
        ordering = ["jenis_asn", "urutan"]
        constraints = [models.UniqueConstraint(fields=["jenis_asn", "kode"], name="golongan_unik")]

    def __str__(self) -> str:
        return f"{self.pangkat}, {self.kode}" if self.pangkat else self.kode


class PerangkatDaerah(models.Model):
    class Jenis(models.TextChoices):
        SEKRETARIAT = "SEKRETARIAT", _("Sekretariat")
        INSPEKTORAT = "INSPEKTORAT", _("Inspektorat")
        DINAS = "DINAS", _("Dinas")
        BADAN = "BADAN", _("Badan")
        KECAMATAN = "KECAMATAN", _("Kecamatan")
        LAINNYA = "LAINNYA", _("Lainnya")

    kode = models.CharField(_("kode"), max_length=20, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=40, blank=True)
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices)
    jabatan_kepala = models.CharField(
        _("jabatan kepala"),
        max_length=200,
        blank=True,
        help_text=_(
            "Sebutan jabatan pimpinan PD seperti dicetak pada dokumen: Sekretaris Daerah, Inspektur, Kepala Dinas "
            "Kesehatan, Camat Semau. Kosong: dibentuk dari jenis dan nama PD."
        ),
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")
        permissions = [
            ("import_perangkatdaerah", _("Dapat mengimpor perangkat daerah")),
            ("export_perangkatdaerah", _("Dapat mengekspor perangkat daerah")),
        ]
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama

    @property
    def jabatan_pimpinan(self) -> str:
        """The head's office title as documents print it (docs/keputusan.md, «Tata naskah dinas»)."""
        return self.jabatan_kepala or jabatan_kepala_bawaan(self.jenis, self.nama)


def jabatan_kepala_bawaan(jenis: str, nama: str) -> str:
    """The usual office title of the head of a PD of `jenis` named `nama`: a Kecamatan is led by a Camat, the
    Sekretariat Daerah by the Sekretaris Daerah, the Inspektorat by the Inspektur, a Dinas, Badan or Satuan by its
    Kepala, a hospital by its Direktur."""
    J = PerangkatDaerah.Jenis
    if jenis == J.KECAMATAN:
        return "Camat " + nama.removeprefix("Kecamatan ").strip()
    if jenis == J.SEKRETARIAT and nama.lower().startswith("sekretariat daerah"):
        return "Sekretaris Daerah"
    if jenis == J.SEKRETARIAT and nama.lower().startswith("sekretariat dprd"):
        return "Sekretaris DPRD"
    if jenis == J.INSPEKTORAT:
        return "Inspektur"
    if nama.lower().startswith(("rumah sakit", "rsud")):
        return "Direktur " + nama
    return "Kepala " + nama


class UnitKerja(models.Model):
    """A unit of a PD; units form a tree. `path` holds the ancestors' ids ("/3/17/") for subtree queries."""

    kode = models.CharField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.PROTECT, related_name="unit_kerja", verbose_name=_("perangkat daerah")
    )
    induk = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="sub_unit", verbose_name=_("induk")
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    aktif = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        permissions = [
            ("import_unitkerja", _("Dapat mengimpor unit kerja")),
            ("export_unitkerja", _("Dapat mengekspor unit kerja")),
        ]
        ordering = ["perangkat_daerah__kode", "path"]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        if self.induk_id:
            if self.induk.perangkat_daerah_id != self.perangkat_daerah_id:
                raise ValidationError({"induk": _("Unit induk harus di perangkat daerah yang sama.")})
            if self.pk and f"/{self.pk}/" in self.induk.path:
                raise ValidationError({"induk": _("Unit tidak boleh menjadi induk dari dirinya sendiri.")})

    @transaction.atomic
    def save(self, *args, **kwargs) -> None:
        old_path = self.path
        super().save(*args, **kwargs)
        new_path = (self.induk.path if self.induk_id else "/") + f"{self.pk}/"
        if new_path != old_path:
            UnitKerja.objects.filter(pk=self.pk).update(path=new_path)
            self.path = new_path
            if old_path:
                # Move the subtree along with this unit.
                for sub in UnitKerja.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                    UnitKerja.objects.filter(pk=sub.pk).update(path=new_path + sub.path[len(old_path) :])

    def subtree(self) -> models.QuerySet["UnitKerja"]:
        return UnitKerja.objects.filter(path__startswith=self.path)


class Pegawai(models.Model):
    """An ASN (PNS or PPPK) with an 18-digit NIP, linked 1:1 to a login account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pegawai",
        verbose_name=_("akun"),
    )
    nip = models.CharField(_("NIP"), max_length=18, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    gelar_depan = models.CharField(_("gelar depan"), max_length=40, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    jenis_asn = models.CharField(_("jenis ASN"), max_length=4, choices=JenisASN.choices)
    golongan = models.ForeignKey(
        Golongan, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("pangkat/golongan")
    )
    jabatan = models.CharField(_("jabatan"), max_length=200, blank=True)
    # Eselon of a structural post (II.a ... IV.b) as SIASN gives it; empty for everyone else. The holder heads
    # the unit (apps/organisasi/siasn.py, docs/keputusan.md, «Impor SIASN»).
    eselon = models.CharField(_("eselon"), max_length=6, blank=True)
    unit_kerja = models.ForeignKey(
        UnitKerja, on_delete=models.PROTECT, related_name="pegawai", verbose_name=_("unit kerja")
    )
    email = models.EmailField(_("email"), blank=True)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    # Set by the retention rule when a leaver's personal data was minimised (docs/pdp.md, «Retensi»).
    diminimalkan_pada = models.DateField(_("data diminimalkan pada"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        permissions = [
            ("import_pegawai", _("Dapat mengimpor pegawai")),
            ("export_pegawai", _("Dapat mengekspor pegawai")),
        ]
        ordering = ["nama"]

    def __str__(self) -> str:
        return f"{self.nama_lengkap} ({self.nip})"

    def clean(self) -> None:
        errors = nip_errors(self.nip, self.jenis_asn)
        if errors:
            raise ValidationError({"nip": errors})
        if self.golongan_id and self.golongan.jenis_asn != self.jenis_asn:
            raise ValidationError({"golongan": _("Golongan tidak sesuai dengan jenis ASN.")})

    @property
    def nama_lengkap(self) -> str:
        nama = f"{self.gelar_depan} {self.nama}".strip()
        return f"{nama}, {self.gelar_belakang}" if self.gelar_belakang else nama

    @property
    def perangkat_daerah_id(self) -> int:
        return self.unit_kerja.perangkat_daerah_id

    def sanksi_aktif(self, pada: datetime.date | None = None) -> "SanksiDisiplin | None":
        pada = pada or timezone.localdate()
        return self.sanksi.filter(Q(selesai__isnull=True) | Q(selesai__gte=pada), mulai__lte=pada).first()


class RiwayatUnit(Riwayat):
    """Mutasi: the unit a pegawai belonged to from a date. Written by services.pegawai_mutasi only."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="riwayat_unit")
    unit_kerja = models.ForeignKey(UnitKerja, on_delete=models.PROTECT, related_name="+")
    mulai = models.DateField(_("mulai"))
    sampai = models.DateField(_("sampai"), null=True, blank=True)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    dicatat_pada = models.DateTimeField(auto_now_add=True)
    kolom_penutup = frozenset({"sampai"})  # closed at the next mutasi (services.pegawai_mutasi)

    class Meta:
        verbose_name = _("riwayat unit kerja")
        verbose_name_plural = _("riwayat unit kerja")
        ordering = ["pegawai", "-mulai"]


class PemetaanSiasn(models.Model):
    """The column mapping of the SIASN import, as the admin last saved it: for each datum (nip, nama, jabatan,
    unit, ...) the header names accepted for it, first match wins (docs/keputusan.md, «Impor SIASN»). One row;
    a datum missing here reads with the defaults of apps/organisasi/siasn.py (KOLOM_BAWAAN)."""

    kolom = models.JSONField(_("kolom"), default=dict)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pemetaan kolom SIASN")
        verbose_name_plural = _("pemetaan kolom SIASN")

    def __str__(self) -> str:
        return str(_("Pemetaan kolom SIASN"))


class ImporSiasn(Riwayat):
    """One confirmed SIASN import: who, when, which file (SHA-256), the mapping used and the counts of what it
    changed. Append-only; each changed pegawai also has its own historical row naming this import."""

    pada = models.DateTimeField(_("waktu"), default=timezone.now)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oleh")
    )
    nama_berkas = models.CharField(_("nama berkas"), max_length=200)
    sha256 = models.CharField(_("checksum SHA-256"), max_length=64)
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris"))
    jumlah = models.JSONField(_("jumlah perubahan"), default=dict)
    pemetaan = models.JSONField(_("pemetaan kolom"), default=dict)

    class Meta:
        verbose_name = _("impor SIASN")
        verbose_name_plural = _("impor SIASN")
        ordering = ["-pada", "-pk"]

    def __str__(self) -> str:
        return f"{self.nama_berkas} ({self.pada:%d-%m-%Y %H:%M})"


class SanksiDisiplin(models.Model):
    """A disciplinary sanction (hukuman disiplin) with its period; blocks nomination as agen perubahan."""

    class Tingkat(models.TextChoices):
        RINGAN = "RINGAN", _("Ringan")
        SEDANG = "SEDANG", _("Sedang")
        BERAT = "BERAT", _("Berat")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="sanksi")
    tingkat = models.CharField(_("tingkat"), max_length=8, choices=Tingkat.choices)
    jenis = models.CharField(_("jenis hukuman"), max_length=200)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sanksi disiplin")
        verbose_name_plural = _("sanksi disiplin")
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="sanksi_selesai_setelah_mulai",
            )
        ]

    def __str__(self) -> str:
        return f"{self.jenis} ({self.mulai:%d-%m-%Y})"


class PermintaanPerbaikan(models.Model):
    """An ASN's request to correct their own registry data (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»; UU 27/2022: the right to correct).

    The ASN proposes; the admin corrects the record in the admin and marks the request done or refused, through
    services.permintaan_perbaikan_transisi (the one function that changes `status`).
    """

    class Data(models.TextChoices):
        NAMA = "nama", _("Nama")
        GELAR = "gelar", _("Gelar depan/belakang")
        GOLONGAN = "golongan", _("Pangkat/golongan")
        JABATAN = "jabatan", _("Jabatan")
        UNIT_KERJA = "unit_kerja", _("Unit kerja")
        EMAIL = "email", _("Email")
        TELEPON = "telepon", _("Telepon")
        LAINNYA = "lainnya", _("Lainnya")

    Status = StatusPerbaikan  # states and transitions: apps/organisasi/workflow.py

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="permintaan_perbaikan")
    data = models.CharField(_("data yang salah"), max_length=12, choices=Data.choices)
    nilai_usulan = models.CharField(_("seharusnya"), max_length=200)
    catatan = models.TextField(_("catatan"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DIAJUKAN)
    catatan_admin = models.TextField(_("catatan admin"), max_length=1000, blank=True)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), auto_now_add=True)
    diputus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diputus oleh"),
    )
    diputus_pada = models.DateTimeField(_("diputus pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("permintaan perbaikan data")
        verbose_name_plural = _("permintaan perbaikan data")
        ordering = ["-diajukan_pada"]

    def __str__(self) -> str:
        return f"{self.pegawai.nama}: {self.get_data_display()}"


class AksesDataQuerySet(RiwayatQuerySet):
    def hapus_sebelum(self, batas: datetime.datetime) -> int:
        """The retention rule's delete (docs/pdp.md, «Retensi»): rows older than `batas`. The only way rows leave."""
        deleted, _ = models.QuerySet.delete(self.filter(waktu__lt=batas))
        return deleted


class AksesData(Riwayat):
    """Who viewed or downloaded whose personal data, and when (docs/pdp.md, «Jejak baca»; UU 27/2022 Pasal 31 and
    the breach notice of Pasal 46: the scope of a leak is read from here).

    Append-only (apps/common/riwayat.py): written by `apps.organisasi.akses.catat_akses`, never edited, removed only by the retention rule.
    A read of many people at once (an export, a list) has no `subjek` and names its scope in `objek`.
    """

    class Jenis(models.TextChoices):
        PEGAWAI = "PEGAWAI", _("Data pegawai")
        RESPON = "RESPON", _("Respon Formulir 1")
        EKSPOR = "EKSPOR", _("Ekspor")
        BERKAS = "BERKAS", _("Berkas bukti/lampiran")
        KODE = "KODE", _("Kode aktivasi")
        DATA_SAYA = "DATA_SAYA", _("Data saya")

    waktu = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    pembaca = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("pembaca")
    )
    # The reader's name as it was, kept when the account is later minimised.
    pembaca_nama = models.CharField(_("nama pembaca"), max_length=150)
    subjek = models.ForeignKey(
        Pegawai, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("pemilik data")
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    objek = models.CharField(_("yang dibaca"), max_length=200)
    alamat = models.CharField(_("halaman"), max_length=200)

    objects = AksesDataQuerySet.as_manager()

    class Meta:
        verbose_name = _("jejak baca data pribadi")
        verbose_name_plural = _("jejak baca data pribadi")
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["subjek", "waktu"], name="aksesdata_subjek_waktu")]

    def __str__(self) -> str:
        return f"{self.pembaca_nama}: {self.objek}"


class PemberitahuanDiterima(models.Model):
    """A person acknowledged the privacy notice (Pemberitahuan Pelindungan Data Pribadi, docs/pdp.md) of a
    version, before their first Formulir 1 (UU 27/2022 Pasal 5 and Pasal 16 ayat (2): the person is told before processing).
    A new version of the notice (VERSI) is shown again once."""

    VERSI = "2026-1"
    # Session key of an acknowledgement already read: [user pk, VERSI] (see `sudah`).
    KUNCI_SESI = "_pdp"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    versi = models.CharField(_("versi pemberitahuan"), max_length=20)
    pada = models.DateTimeField(_("diterima pada"), default=timezone.now)

    class Meta:
        verbose_name = _("pemberitahuan PDP diterima")
        verbose_name_plural = _("pemberitahuan PDP diterima")
        constraints = [models.UniqueConstraint(fields=["user", "versi"], name="pemberitahuan_satu_per_versi")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.versi}"

    @classmethod
    def sudah(cls, user, session=None) -> bool:
        """Whether `user` acknowledged the current version. With the user's session: a yes kept there for this user
        and version answers without a query (Formulir 1 asks on every GET), and a yes read from the database is kept
        there; an acknowledgement is never withdrawn, and a new VERSI does not match. docs/pdp.md, «Pemberitahuan»."""
        if not user.is_authenticated:
            return False
        tanda = [user.pk, cls.VERSI]
        if session is not None and session.get(cls.KUNCI_SESI) == tanda:
            return True
        ada = cls.objects.filter(user=user, versi=cls.VERSI).exists()
        if ada and session is not None:
            session[cls.KUNCI_SESI] = tanda
        return ada

    @classmethod
    def terima(cls, user, session=None) -> None:
        """`user` acknowledges the current version (once; kept in the session too, as `sudah` reads it)."""
        cls.objects.get_or_create(user=user, versi=cls.VERSI)
        if session is not None:
            session[cls.KUNCI_SESI] = [user.pk, cls.VERSI]


def pemberitahuan_saat_masuk(sender, request, user, **kwargs) -> None:
    """At login, keep an acknowledgement already given in the new session (connected to `user_logged_in` in
    apps.py): one query at login instead of one on every Formulir 1 page."""
    session = getattr(request, "session", None)
    if session is not None:
        PemberitahuanDiterima.sudah(user, session)
