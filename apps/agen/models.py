"""Agen perubahan (Lampiran BAB III 2.2, 3.1-3.3; docs/keputusan.md, «Alur agen perubahan»): rounds, nominations, assessment, SK, appointment.

The workflow of a nomination lives in `apps.agen.workflow` (states, the transition table) and
`apps.agen.services.nominasi_transisi` (the one function that changes a state).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.common.riwayat import Riwayat

from .workflow import AKSI_LABEL, Status


class PutaranRekrutmen(models.Model):
    """The annual recruitment round of a PD (BAB III 3.3: "rekrutmen baru secara berkala setahun sekali")."""

    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, related_name="+", verbose_name=_("perangkat daerah")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    dibuka = models.DateField(_("dibuka"))
    ditutup = models.DateField(_("ditutup"))
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("putaran rekrutmen")
        verbose_name_plural = _("putaran rekrutmen")
        ordering = ["-tahun", "perangkat_daerah__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun"],
                name="putaran_satu_per_tahun_per_pd",
                violation_error_message=_("Putaran rekrutmen tahun ini sudah ada di perangkat daerah ini."),
            ),
            models.CheckConstraint(condition=Q(ditutup__gte=models.F("dibuka")), name="putaran_ditutup_setelah_dibuka"),
        ]

    def __str__(self) -> str:
        return f"{self.perangkat_daerah.singkatan or self.perangkat_daerah} {self.tahun}"

    def clean(self) -> None:
        if self.dibuka and self.ditutup and self.ditutup < self.dibuka:
            raise ValidationError({"ditutup": _("Tanggal tutup harus sesudah tanggal buka.")})
        if self.dibuka and self.tahun and self.dibuka.year != self.tahun:
            raise ValidationError({"dibuka": _("Tanggal buka harus di tahun putaran.")})

    def terbuka(self, pada: datetime.date | None = None) -> bool:
        pada = pada or timezone.localdate()
        return self.dibuka <= pada <= self.ditutup


class Nominasi(models.Model):
    """An ASN nominated as agen perubahan by the head of their unit (penjaringan awal, 2.2.2 1))."""

    class Mekanisme(models.TextChoices):
        MUSYAWARAH = "MUSYAWARAH", _("Musyawarah")
        PENILAIAN_PIMPINAN = "PENILAIAN_PIMPINAN", _("Penilaian pimpinan")

    putaran = models.ForeignKey(PutaranRekrutmen, on_delete=models.PROTECT, related_name="nominasi")
    pegawai = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.PROTECT, related_name="nominasi_agen", verbose_name=_("calon")
    )
    unit_kerja = models.ForeignKey(
        "organisasi.UnitKerja", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit kerja")
    )
    pengusul = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("pengusul")
    )
    mekanisme = models.CharField(_("mekanisme seleksi internal"), max_length=20, choices=Mekanisme.choices)
    alasan_c = models.TextField(_("(c) bertanggung jawab atas setiap tugas"))
    alasan_d = models.TextField(_("(d) taat aturan disiplin dan kode etik"))
    alasan_e = models.TextField(_("(e) pengaruh positif berdasarkan MEDIASI dan BerAKHLAK"))
    alasan_f = models.TextField(_("(f) inovatif dan proaktif"))
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, editable=False)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nominasi agen perubahan")
        verbose_name_plural = _("nominasi agen perubahan")
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["putaran", "pegawai"], name="nominasi_satu_per_putaran"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="nominasi_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai.nama} ({self.putaran})"

    @property
    def perangkat_daerah_id(self) -> int:
        return self.putaran.perangkat_daerah_id


class RiwayatNominasi(Riwayat):
    """One state change of a nomination: who, when, from, to, note. Append-only (docs/keamanan.md, «Kendali»)."""

    nominasi = models.ForeignKey(Nominasi, on_delete=models.PROTECT, related_name="riwayat")
    aksi = models.CharField(_("aksi"), max_length=32)
    dari_status = models.CharField(_("dari"), max_length=24, choices=Status.choices, blank=True)
    ke_status = models.CharField(_("ke"), max_length=24, choices=Status.choices)
    catatan = models.TextField(_("catatan"), blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        verbose_name = _("riwayat nominasi")
        verbose_name_plural = _("riwayat nominasi")
        ordering = ["pada", "pk"]

    def __str__(self) -> str:
        return f"{self.nominasi_id}: {self.dari_status or '-'} → {self.ke_status}"

    @property
    def aksi_label(self) -> str:
        return AKSI_LABEL.get(self.aksi, self.aksi)


class RubrikItem(models.Model):
    """An item of the simple assessment rubric (2.2.2 2): personality and potential), scored 1-5; data."""

    class Aspek(models.TextChoices):
        KEPRIBADIAN = "KEPRIBADIAN", _("Kepribadian")
        POTENSI = "POTENSI", _("Potensi kemampuan")

    kode = models.CharField(_("kode"), max_length=10, unique=True)
    aspek = models.CharField(_("aspek"), max_length=12, choices=Aspek.choices)
    uraian = models.CharField(_("uraian"), max_length=250)
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("butir rubrik penilaian")
        verbose_name_plural = _("rubrik penilaian")
        ordering = ["urutan"]

    def __str__(self) -> str:
        return f"{self.kode}. {self.uraian}"


class Penilaian(models.Model):
    """The KBK's assessment of a nomination: scores, recommendation and notes. Written by the transition."""

    nominasi = models.OneToOneField(Nominasi, on_delete=models.PROTECT, related_name="penilaian")
    penilai = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    direkomendasikan = models.BooleanField(_("direkomendasikan"))
    catatan = models.TextField(_("catatan"), blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("penilaian")
        verbose_name_plural = _("penilaian")

    def __str__(self) -> str:
        return f"Penilaian {self.nominasi}"


class SkorPenilaian(models.Model):
    penilaian = models.ForeignKey(Penilaian, on_delete=models.CASCADE, related_name="skor")
    item = models.ForeignKey(RubrikItem, on_delete=models.PROTECT, related_name="+")
    skor = models.PositiveSmallIntegerField(_("skor"))

    class Meta:
        ordering = ["item__urutan"]
        constraints = [
            models.UniqueConstraint(fields=["penilaian", "item"], name="skor_satu_per_item"),
            models.CheckConstraint(condition=Q(skor__gte=1, skor__lte=5), name="skor_1_sampai_5"),
        ]


class SuratKeputusan(models.Model):
    """A Keputusan of the Kepala PD about agents (2.2.2 3)): number, date, and the agents' term.

    Issued once (docs/keputusan.md, «Dokumen terbit»): while `ditetapkan_pada` is empty the SK is a konsep to which
    appointments are added; `surat_keputusan_tetapkan` issues it, stores its PDF, and from then on nothing is added to
    it or changed in it. A later appointment needs a new SK, or an amending SK (PERUBAHAN) that cites it; a
    revocation is its own decree (PENCABUTAN) citing the SK that appointed the agent.
    """

    class Jenis(models.TextChoices):
        PENETAPAN = "PENETAPAN", _("Penetapan")
        PERUBAHAN = "PERUBAHAN", _("Perubahan atas SK sebelumnya")
        PENCABUTAN = "PENCABUTAN", _("Pencabutan")

    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah",
        on_delete=models.PROTECT,
        related_name="sk_agen",
        verbose_name=_("perangkat daerah"),
    )
    nomor = models.CharField(_("nomor SK"), max_length=100)
    tanggal = models.DateField(_("tanggal SK"))
    masa_mulai = models.DateField(_("masa tugas mulai"))
    masa_selesai = models.DateField(_("masa tugas selesai"))
    penandatangan = models.ForeignKey(
        "organisasi.Pegawai", on_delete=models.PROTECT, related_name="+", verbose_name=_("penandatangan")
    )
    sebutan_penandatangan = models.CharField(max_length=4, blank=True, default="")
    jenis = models.CharField(_("jenis keputusan"), max_length=12, choices=Jenis.choices, default=Jenis.PENETAPAN)
    merujuk = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dirujuk",
        verbose_name=_("mengubah/mencabut SK"),
    )
    ditetapkan_pada = models.DateTimeField(_("ditetapkan pada"), null=True, blank=True, editable=False)
    dokumen = models.OneToOneField(
        "common.DokumenTerbit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("surat keputusan")
        verbose_name_plural = _("surat keputusan")
        ordering = ["-tanggal", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["perangkat_daerah", "nomor"], name="sk_nomor_unik_per_pd"),
            models.CheckConstraint(condition=Q(masa_selesai__gt=models.F("masa_mulai")), name="sk_masa_valid"),
        ]

    def __str__(self) -> str:
        return self.nomor

    @property
    def ditetapkan(self) -> bool:
        return self.ditetapkan_pada is not None


class PeranAgen(models.TextChoices):
    """The roles of an agent (2.2.3 a-e)."""

    KATALIS = "KATALIS", _("Katalis")
    PENGGERAK = "PENGGERAK", _("Penggerak perubahan")
    PEMBERI_SOLUSI = "PEMBERI_SOLUSI", _("Pemberi solusi")
    MEDIATOR = "MEDIATOR", _("Mediator")
    PENGHUBUNG = "PENGHUBUNG", _("Penghubung")


class PenetapanQuerySet(models.QuerySet):
    def aktif(self, pada: datetime.date | None = None):
        pada = pada or timezone.localdate()
        return self.filter(
            dicabut_pada__isnull=True, surat_keputusan__masa_mulai__lte=pada, surat_keputusan__masa_selesai__gte=pada
        )

    def berakhir(self, pada: datetime.date | None = None):
        pada = pada or timezone.localdate()
        return self.filter(dicabut_pada__isnull=True, surat_keputusan__masa_selesai__lt=pada)

    def dicabut(self):
        return self.filter(dicabut_pada__isnull=False)


class Penetapan(models.Model):
    """An agen perubahan: one nominee appointed by an SK, with roles, tasks and the SK's term.

    AKTIF / BERAKHIR is computed from the date when read (`status_pada`), never written by a job.
    Created and revoked only by `apps.agen.services.nominasi_transisi`.
    """

    class StatusMasa(models.TextChoices):
        BELUM_MULAI = "BELUM_MULAI", _("Belum mulai")
        AKTIF = "AKTIF", _("Aktif")
        BERAKHIR = "BERAKHIR", _("Berakhir")
        DICABUT = "DICABUT", _("Dicabut")

    nominasi = models.OneToOneField(Nominasi, on_delete=models.PROTECT, related_name="penetapan")
    surat_keputusan = models.ForeignKey(SuratKeputusan, on_delete=models.PROTECT, related_name="penetapan")
    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.PROTECT, related_name="penetapan_agen")
    peran = models.JSONField(_("peran"), default=list)
    tugas = models.TextField(_("tugas"))
    dicabut_pada = models.DateTimeField(_("dicabut pada"), null=True, blank=True, editable=False)
    alasan_pencabutan = models.TextField(_("alasan pencabutan"), blank=True, editable=False)
    dicabut_dengan = models.ForeignKey(
        SuratKeputusan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pencabutan",
        editable=False,
        verbose_name=_("dicabut dengan SK"),
    )
    # The role fact of the appointment (akun.Peran AGEN_PERUBAHAN for the SK's PD and term, ended at revocation),
    # from which apps.akun.scope.lingkup knows an agent: written by services.peran_agen_selaraskan.
    peran_akses = models.OneToOneField(
        "akun.Peran", on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="penetapan_agen"
    )

    objects = PenetapanQuerySet.as_manager()

    class Meta:
        verbose_name = _("agen perubahan")
        verbose_name_plural = _("agen perubahan")
        ordering = ["-surat_keputusan__tanggal", "pegawai__nama"]

    def __str__(self) -> str:
        return f"{self.pegawai.nama} ({self.surat_keputusan.nomor})"

    @property
    def peran_label(self) -> list[str]:
        return [str(PeranAgen(kode).label) for kode in self.peran if kode in PeranAgen.values]

    def status_pada(self, pada: datetime.date | None = None) -> str:
        pada = pada or timezone.localdate()
        sk = self.surat_keputusan
        if self.dicabut_pada is not None:
            return self.StatusMasa.DICABUT
        if pada > sk.masa_selesai:
            return self.StatusMasa.BERAKHIR
        if pada < sk.masa_mulai:
            return self.StatusMasa.BELUM_MULAI
        return self.StatusMasa.AKTIF

    @property
    def status_masa(self) -> str:
        return self.status_pada()

    @property
    def status_masa_label(self) -> str:
        return str(self.StatusMasa(self.status_masa).label)


class KelompokAgenQuerySet(models.QuerySet):
    def aktif(self):
        return self.filter(dibubarkan_pada__isnull=True)


class KelompokAgen(models.Model):
    """A named group of agents of one PD ("individu/kelompok", Lampiran BAB III 2.2.4-2.2.5).

    Formed, edited and disbanded by the Kepala PD or the PD's KBK only through `apps.agen.services`
    (`kelompok_agen_bentuk`, `kelompok_agen_ubah`, `kelompok_agen_bubarkan`), each writing one row of
    `RiwayatKelompokAgen`. A disbanded group stays readable with its history; its name may be used again.
    """

    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah", on_delete=models.PROTECT, related_name="+", verbose_name=_("perangkat daerah")
    )
    nama = models.CharField(_("nama kelompok"), max_length=150)
    anggota = models.ManyToManyField(Penetapan, related_name="kelompok", blank=True, verbose_name=_("anggota"))
    surat_keputusan = models.ForeignKey(
        SuratKeputusan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kelompok",
        verbose_name=_("dicantumkan dalam SK"),
    )
    dibentuk_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    dibentuk_pada = models.DateTimeField(_("dibentuk pada"), default=timezone.now, editable=False)
    dibubarkan_pada = models.DateTimeField(_("dibubarkan pada"), null=True, blank=True, editable=False)

    objects = KelompokAgenQuerySet.as_manager()

    class Meta:
        verbose_name = _("kelompok agen")
        verbose_name_plural = _("kelompok agen")
        ordering = ["nama", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "nama"],
                condition=Q(dibubarkan_pada__isnull=True),
                name="kelompok_agen_unik",
                violation_error_message=_("Nama kelompok ini sudah dipakai kelompok lain di perangkat daerah ini."),
            )
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def dibubarkan(self) -> bool:
        return self.dibubarkan_pada is not None

    @property
    def sebutan(self) -> str:
        """ "Kelompok <nama>", as the regulation names a group of agents (Lampiran BAB III 2.2.5 a: "rencana tindak
        individu dan kelompok"), without doubling a name that already says "Kelompok"."""
        if self.nama.lower().startswith("kelompok"):
            return self.nama
        return f"Kelompok {self.nama}"


class RiwayatKelompokAgen(Riwayat):
    """One change of a Kelompok Agen: who, when, what (formed, edited, disbanded) and the details. Append-only."""

    class Aksi(models.TextChoices):
        BENTUK = "BENTUK", _("Dibentuk")
        UBAH = "UBAH", _("Diubah")
        BUBARKAN = "BUBARKAN", _("Dibubarkan")

    kelompok = models.ForeignKey(KelompokAgen, on_delete=models.PROTECT, related_name="riwayat")
    aksi = models.CharField(_("aksi"), max_length=10, choices=Aksi.choices)
    rincian = models.TextField(_("rincian"), blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        verbose_name = _("riwayat kelompok agen")
        verbose_name_plural = _("riwayat kelompok agen")
        ordering = ["pada", "pk"]

    def __str__(self) -> str:
        return f"{self.kelompok_id}: {self.aksi}"


class Pembinaan(models.Model):
    """Training of an agent (BAB III 3.1, topics a-e)."""

    class Topik(models.TextChoices):
        MANAJEMEN_PERUBAHAN = "A", _("a. Pemahaman tentang manajemen perubahan")
        PENCEGAHAN_KORUPSI = "B", _("b. Pemahaman tentang program pencegahan korupsi")
        INTEGRITAS = "C", _("c. Teori dan implementasi integritas dan nilai-nilai organisasi dan nilai dasar ASN")
        KOMUNIKASI = "D", _("d. Teknik dan strategi komunikasi mempengaruhi orang lain")
        LAINNYA = "E", _("e. Materi lain terkait reformasi birokrasi dan pelayanan publik")

    class Bentuk(models.TextChoices):
        PELATIHAN = "PELATIHAN", _("Pelatihan")
        BENCHMARKING = "BENCHMARKING", _("Benchmarking")
        WORKSHOP = "WORKSHOP", _("Workshop")
        SEMINAR = "SEMINAR", _("Seminar")
        FGD = "FGD", _("Focus Group Discussion")
        LAINNYA = "LAINNYA", _("Lainnya")

    penetapan = models.ForeignKey(Penetapan, on_delete=models.PROTECT, related_name="pembinaan")
    topik = models.CharField(_("topik"), max_length=1, choices=Topik.choices)
    bentuk = models.CharField(_("bentuk"), max_length=12, choices=Bentuk.choices)
    judul = models.CharField(_("judul kegiatan"), max_length=200)
    tanggal = models.DateField(_("tanggal"))
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pembinaan")
        verbose_name_plural = _("pembinaan")
        ordering = ["-tanggal", "-pk"]


class Penghargaan(models.Model):
    """An award to an agent (BAB III 3.2)."""

    class Jenis(models.TextChoices):
        FASILITAS_KERJA = "FASILITAS_KERJA", _("Pemberian fasilitas kerja")
        STUDI_BANDING = "STUDI_BANDING", _("Kesempatan studi banding dalam/luar negeri")
        TUGAS_BELAJAR = "TUGAS_BELAJAR", _("Tugas belajar")
        LAINNYA = "LAINNYA", _("Bentuk penghargaan lain yang wajar")

    penetapan = models.ForeignKey(Penetapan, on_delete=models.PROTECT, related_name="penghargaan")
    jenis = models.CharField(_("jenis"), max_length=16, choices=Jenis.choices)
    uraian = models.CharField(_("uraian"), max_length=250)
    tanggal = models.DateField(_("tanggal"))
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("penghargaan")
        verbose_name_plural = _("penghargaan")
        ordering = ["-tanggal", "-pk"]
