"""Account writes: activation codes and first-time passwords (SPEC 3)."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.organisasi.models import Pegawai

from .models import ACTIVATION_MAX_FAILURES, ACTIVATION_VALIDITY, KodeAktivasi, User
from .scope import lingkup


@transaction.atomic
def kode_aktivasi_buat(pegawai_list: list[Pegawai], *, aktor: User) -> list[tuple[Pegawai, str, KodeAktivasi]]:
    """Issue one new code per pegawai, valid 7 days; earlier unused codes of these pegawai are cancelled.

    Returns (pegawai, plain code, record) so the caller can print the sheet; the plain code is not stored.
    """
    ids = [p.pk for p in pegawai_list]
    KodeAktivasi.objects.filter(pegawai_id__in=ids, dipakai_pada__isnull=True).update(dibatalkan=True)
    berlaku_sampai = timezone.now() + ACTIVATION_VALIDITY
    result = []
    records = []
    for pegawai in pegawai_list:
        code = KodeAktivasi.generate_code()
        record = KodeAktivasi(
            pegawai=pegawai, kode_hash=KodeAktivasi.hash_code(code), dibuat_oleh=aktor, berlaku_sampai=berlaku_sampai
        )
        records.append(record)
        result.append((pegawai, code, record))
    KodeAktivasi.objects.bulk_create(records)
    return result


def _akun_kabupaten(user: User) -> bool:
    """Accounts with kabupaten-level rights (Lingkup.akun_kabupaten); a new, unsaved account has none."""
    return user.pk is not None and lingkup(user).akun_kabupaten


GENERIC_ERROR = _("NIP atau kode aktivasi tidak cocok, sudah dipakai, atau sudah kedaluwarsa.")


def akun_aktifkan(nip: str, *, kode: str, password: str) -> User:
    """Check `kode` for the pegawai with `nip` and set `password` on their account (created if missing).

    Side effects: marks the code used; counts a failed try on each open code of that NIP and cancels
    them after 5 failures (the count is committed even though the call fails); creates the User
    (username = NIP) when the pegawai has none.
    Raises ValidationError with one generic message, so the form does not reveal which part was wrong,
    or the password validators' messages.
    """
    with transaction.atomic():
        pegawai = Pegawai.objects.select_for_update().filter(nip=nip, aktif=True).first()
        if pegawai is None:
            match = None
        else:
            codes = list(KodeAktivasi.objects.select_for_update().berlaku().filter(pegawai=pegawai))
            match = next((c for c in codes if c.matches(kode)), None)
            if match is None:
                for c in codes:
                    c.percobaan_gagal += 1
                    c.dibatalkan = c.percobaan_gagal >= ACTIVATION_MAX_FAILURES
                    c.save(update_fields=["percobaan_gagal", "dibatalkan"])
    if match is None:
        raise ValidationError(GENERIC_ERROR)
    with transaction.atomic():
        match = KodeAktivasi.objects.select_for_update().berlaku().filter(pk=match.pk).first()
        if match is None:
            raise ValidationError(GENERIC_ERROR)
        user = pegawai.user or User(username=pegawai.nip, email=pegawai.email)
        if user.pk is not None and not user.is_active:
            raise ValidationError(_("Akun ini dinonaktifkan. Hubungi admin Bagian Organisasi."))
        if _akun_kabupaten(user) and not lingkup(match.dibuat_oleh).boleh_terbitkan_kode_akun_kabupaten:
            # A Kepala PD may reset the passwords of their PD, never of a kabupaten-level account.
            raise ValidationError(_("Kata sandi akun ini hanya dapat diatur ulang dengan kode dari admin."))
        password_validation.validate_password(password, user)
        user.set_password(password)
        user.save()
        if pegawai.user_id is None:
            pegawai.user = user
            pegawai.save(update_fields=["user"])
        match.dipakai_pada = timezone.now()
        match.save(update_fields=["dipakai_pada"])
    return user
