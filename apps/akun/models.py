"""Login accounts, role memberships (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1») and one-time activation codes (docs/keputusan.md, «Registri dan impor» / «Kode aktivasi»)."""

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class User(AbstractUser):
    """A login. `username` is the NIP for ASN, or a fixed name for demo and service accounts.

    `versi_peran` goes up with every write of the user's roles (`Peran`): the role facts kept in the session are
    valid while their version equals this one, so a request reads no role (docs/arsitektur.md, «Hak dan sesi»).
    """

    versi_peran = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("akun")
        verbose_name_plural = _("akun")


def naikkan_versi_peran(user_ids) -> None:
    """Invalidate the role facts kept in the sessions of these users (every write of a Peran calls this)."""
    User.objects.filter(pk__in=set(user_ids)).update(versi_peran=models.F("versi_peran") + 1)


class PeranQuerySet(models.QuerySet):
    def aktif(self, pada: datetime.date | None = None) -> "PeranQuerySet":
        pada = pada or timezone.localdate()
        return self.filter(Q(sampai__isnull=True) | Q(sampai__gte=pada), mulai__lte=pada)

    # Writes that bypass Peran.save()/delete() bump the version too.
    def update(self, **kwargs) -> int:
        user_ids = list(self.values_list("user_id", flat=True))
        jumlah = super().update(**kwargs)
        naikkan_versi_peran(user_ids + ([kwargs["user_id"]] if "user_id" in kwargs else []))
        return jumlah

    def bulk_create(self, objs, *args, **kwargs):
        dibuat = super().bulk_create(objs, *args, **kwargs)
        naikkan_versi_peran(p.user_id for p in dibuat)
        return dibuat

    def delete(self):
        user_ids = list(self.values_list("user_id", flat=True))
        hasil = super().delete()
        naikkan_versi_peran(user_ids)
        return hasil


class Peran(models.Model):
    """A role held by a user, scoped to a PD, a unit, or the whole kabupaten, for a period (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»)."""

    class Jenis(models.TextChoices):
        PIMPINAN_UNIT = "PIMPINAN_UNIT", _("Pimpinan Unit Kerja")
        ANGGOTA_KBK = "ANGGOTA_KBK", _("Anggota KBK / Tim RB")
        KEPALA_PD = "KEPALA_PD", _("Kepala Perangkat Daerah")
        TIM_MONEV = "TIM_MONEV", _("Tim Monitoring, Evaluasi dan Pelaporan")
        SEKDA = "SEKDA", _("Sekretaris Daerah")
        ADMIN = "ADMIN", _("Admin (Bagian Organisasi)")
        # Written by apps.agen.services for an appointment's term (Lampiran BAB III 2.2.2 3)), ended at revocation.
        AGEN_PERUBAHAN = "AGEN_PERUBAHAN", _("Agen Perubahan")

    class Sebutan(models.TextChoices):
        DEFINITIF = "", _("Definitif")
        PLT = "Plt.", "Plt."
        PLH = "Plh.", "Plh."
        PJ = "Pj.", "Pj."

    PD_SCOPED = (Jenis.ANGGOTA_KBK, Jenis.KEPALA_PD, Jenis.AGEN_PERUBAHAN)
    KABUPATEN_SCOPED = (Jenis.TIM_MONEV, Jenis.SEKDA, Jenis.ADMIN)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peran")
    jenis = models.CharField(_("peran"), max_length=16, choices=Jenis.choices)
    perangkat_daerah = models.ForeignKey(
        "organisasi.PerangkatDaerah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("perangkat daerah"),
    )
    unit_kerja = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit kerja"),
    )
    sebutan = models.CharField(_("sebutan"), max_length=4, choices=Sebutan.choices, blank=True, default="")
    mulai = models.DateField(_("mulai"), default=timezone.localdate)
    sampai = models.DateField(_("sampai"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    history = HistoricalRecords()

    objects = PeranQuerySet.as_manager()

    class Meta:
        verbose_name = _("peran")
        verbose_name_plural = _("peran")
        ordering = ["user", "jenis"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(jenis="PIMPINAN_UNIT", unit_kerja__isnull=False, perangkat_daerah__isnull=True)
                    | Q(
                        jenis__in=["ANGGOTA_KBK", "KEPALA_PD", "AGEN_PERUBAHAN"],
                        perangkat_daerah__isnull=False,
                        unit_kerja__isnull=True,
                    )
                    | Q(
                        jenis__in=["TIM_MONEV", "SEKDA", "ADMIN"],
                        perangkat_daerah__isnull=True,
                        unit_kerja__isnull=True,
                    )
                ),
                name="peran_lingkup_sesuai_jenis",
            ),
            models.CheckConstraint(
                condition=Q(sampai__isnull=True) | Q(sampai__gte=models.F("mulai")), name="peran_sampai_setelah_mulai"
            ),
        ]

    def save(self, *args, **kwargs) -> None:
        lama = None
        if self.pk is not None:
            lama = Peran.objects.filter(pk=self.pk).values_list("user_id", flat=True).first()
        super().save(*args, **kwargs)
        naikkan_versi_peran([self.user_id] + ([lama] if lama is not None else []))

    def delete(self, *args, **kwargs):
        user_id = self.user_id
        hasil = super().delete(*args, **kwargs)
        naikkan_versi_peran([user_id])
        return hasil

    def __str__(self) -> str:
        lingkup = self.unit_kerja or self.perangkat_daerah or _("Kabupaten")
        return f"{self.get_jenis_display()} — {lingkup}"


ACTIVATION_VALIDITY = datetime.timedelta(days=7)
# Unambiguous characters for printed codes (no 0/O, 1/I/L).
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _hash_code(code: str) -> str:
    normalised = code.replace("-", "").replace(" ", "").upper()
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


class KodeAktivasiQuerySet(models.QuerySet):
    def berlaku(self) -> "KodeAktivasiQuerySet":
        return self.filter(dipakai_pada__isnull=True, dibatalkan=False, berlaku_sampai__gt=timezone.now())


class KodeAktivasi(models.Model):
    """A one-time code, printed on a sheet, with which an ASN sets their password (docs/keputusan.md, «Registri dan impor» / «Kode aktivasi»).

    Only an HMAC of the code is stored; the plain code exists only on the printed sheet.
    """

    pegawai = models.ForeignKey("organisasi.Pegawai", on_delete=models.CASCADE, related_name="kode_aktivasi")
    kode_hash = models.CharField(max_length=64)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    berlaku_sampai = models.DateTimeField()
    dipakai_pada = models.DateTimeField(null=True, blank=True)
    dibatalkan = models.BooleanField(default=False)
    # Wrong tries on this pegawai's NIP while the code was open: shown to the admin, never a reason to cancel
    # the code (a guesser would cancel the person's printed code); guessers are throttled by IP and NIP.
    percobaan_gagal = models.PositiveSmallIntegerField(default=0)
    # A reset of an already activated account: only the admin issues one, with a written reason. The row is
    # the append-only record of the reset (who, when, why; when it was used); the person is told at login.
    atur_ulang = models.BooleanField(_("atur ulang kata sandi"), default=False)
    alasan = models.TextField(_("alasan"), blank=True)

    objects = KodeAktivasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("kode aktivasi")
        verbose_name_plural = _("kode aktivasi")
        ordering = ["-dibuat_pada"]

    @staticmethod
    def generate_code() -> str:
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
        return f"{raw[:5]}-{raw[5:]}"

    def matches(self, code: str) -> bool:
        return hmac.compare_digest(self.kode_hash, _hash_code(code))

    @classmethod
    def hash_code(cls, code: str) -> str:
        return _hash_code(code)
