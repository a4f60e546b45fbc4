"""Account writes: activation codes, resets of activated accounts, first-time passwords (docs/keputusan.md, «Registri dan impor» / «Kode aktivasi»)."""

import datetime
import logging

from django.contrib.auth import password_validation
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.organisasi.models import Pegawai

from .models import ACTIVATION_VALIDITY, KodeAktivasi, User
from .scope import lingkup

logger = logging.getLogger("kupang.akun")

# Never activated: no account, or an account without a usable password (its hash starts with "!").
BELUM_AKTIF = Q(user__isnull=True) | Q(user__password__startswith=UNUSABLE_PASSWORD_PREFIX)


def sudah_aktif(pegawai: Pegawai) -> bool:
    """The pegawai has set a password at least once (their account has a usable password)."""
    return pegawai.user_id is not None and pegawai.user.has_usable_password()


@transaction.atomic
def kode_aktivasi_buat(
    pegawai_list: list[Pegawai], *, aktor: User, atur_ulang: bool = False, alasan: str = ""
) -> list[tuple[Pegawai, str, KodeAktivasi]]:
    """Issue one new code per pegawai, valid 7 days; earlier unused codes of *these* pegawai are cancelled.

    Nobody else's code is touched: the caller chooses whom to print for (the unit sheet leaves out who already
    holds a valid code unless "cetak ulang" is chosen). Returns (pegawai, plain code, record) so the caller can
    print the sheet; the plain code is not stored.
    """
    ids = [p.pk for p in pegawai_list]
    KodeAktivasi.objects.filter(pegawai_id__in=ids, dipakai_pada__isnull=True, dibatalkan=False).update(dibatalkan=True)
    berlaku_sampai = timezone.now() + ACTIVATION_VALIDITY
    result = []
    records = []
    for pegawai in pegawai_list:
        code = KodeAktivasi.generate_code()
        record = KodeAktivasi(
            pegawai=pegawai,
            kode_hash=KodeAktivasi.hash_code(code),
            dibuat_oleh=aktor,
            berlaku_sampai=berlaku_sampai,
            atur_ulang=atur_ulang,
            alasan=alasan,
        )
        records.append(record)
        result.append((pegawai, code, record))
    KodeAktivasi.objects.bulk_create(records)
    return result


def kode_aktivasi_cetak_satu(pegawai: Pegawai, *, aktor: User, alasan: str = "") -> tuple[Pegawai, str, KodeAktivasi]:
    """One code for one person (a nominee, a newcomer, a forgotten password).

    A never-activated account: the admin, the Kepala PD of the pegawai's PD or the head of a unit above them
    (Lingkup.boleh_cetak_kode_pegawai). An activated account is a reset: the admin only, with a written reason
    (Lingkup.boleh_atur_ulang_sandi); the code row records who, when and why, and a warning goes to the log.
    Side effects: earlier unused codes of this pegawai are cancelled; nobody else's.
    """
    scope = lingkup(aktor)
    reset = sudah_aktif(pegawai)
    if reset:
        if not scope.boleh_atur_ulang_sandi(pegawai):
            raise PermissionDenied
        if len(alasan.strip()) < 10:
            raise ValidationError(_("Tuliskan alasan atur ulang (paling sedikit 10 karakter)."))
    elif not scope.boleh_cetak_kode_pegawai(pegawai):
        raise PermissionDenied
    [hasil] = kode_aktivasi_buat([pegawai], aktor=aktor, atur_ulang=reset, alasan=alasan.strip() if reset else "")
    if reset:
        logger.warning("kode atur ulang kata sandi: pegawai=%s oleh=%s kode_id=%s", pegawai.pk, aktor.pk, hasil[2].pk)
    return hasil


def _akun_kabupaten(user: User) -> bool:
    """Accounts with kabupaten-level rights (Lingkup.akun_kabupaten); a new, unsaved account has none."""
    return user.pk is not None and lingkup(user).akun_kabupaten


def _kode_admin(kode: KodeAktivasi) -> bool:
    return kode.dibuat_oleh is not None and lingkup(kode.dibuat_oleh).boleh_terbitkan_kode_akun_kabupaten


GENERIC_ERROR = _("NIP atau kode aktivasi tidak cocok, sudah dipakai, atau sudah kedaluwarsa.")


def akun_aktifkan(nip: str, *, kode: str, password: str) -> User:
    """Check `kode` for the pegawai with `nip` and set `password` on their account (created if missing).

    Side effects: marks the code used and cancels the pegawai's other open codes; on a wrong code, counts
    the try on each open code of that NIP (for the admin's eyes; a wrong guess never cancels a code: the
    caller throttles the guesser by IP and NIP, apps/akun/throttle.py); creates the User (username = NIP)
    when the pegawai has none. An account that already has a password is reset only with an admin's reset
    code (`atur_ulang`): a code printed for activation cannot take over an activated account.
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
            if match is None and codes:
                KodeAktivasi.objects.filter(pk__in=[c.pk for c in codes]).update(
                    percobaan_gagal=F("percobaan_gagal") + 1
                )
    if match is None:
        raise ValidationError(GENERIC_ERROR)
    with transaction.atomic():
        match = KodeAktivasi.objects.select_for_update().berlaku().filter(pk=match.pk).first()
        if match is None:
            raise ValidationError(GENERIC_ERROR)
        user = pegawai.user or User(username=pegawai.nip, email=pegawai.email)
        if user.pk is not None and not user.is_active:
            raise ValidationError(_("Akun ini dinonaktifkan. Hubungi admin Bagian Organisasi."))
        if user.pk is not None and user.has_usable_password() and not (match.atur_ulang and _kode_admin(match)):
            raise ValidationError(
                _(
                    "Akun ini sudah aktif. Bila lupa kata sandi, minta admin Bagian Organisasi mengatur ulang "
                    "kata sandi Anda."
                )
            )
        if _akun_kabupaten(user) and not _kode_admin(match):
            # A Kepala PD or unit head may activate accounts of their PD, never one with kabupaten rights.
            raise ValidationError(_("Kata sandi akun ini hanya dapat diatur ulang dengan kode dari admin."))
        password_validation.validate_password(password, user)
        user.set_password(password)
        user.save()
        if pegawai.user_id is None:
            pegawai.user = user
            pegawai.save(update_fields=["user"])
        now = timezone.now()
        match.dipakai_pada = now
        match.save(update_fields=["dipakai_pada"])
        KodeAktivasi.objects.berlaku().filter(pegawai=pegawai).exclude(pk=match.pk).update(dibatalkan=True)
    if match.atur_ulang:
        logger.warning("kata sandi diatur ulang: pegawai=%s kode_id=%s", pegawai.pk, match.pk)
    return user


def pemberitahuan_atur_ulang(user: User) -> KodeAktivasi | None:
    """The latest admin reset of this account used in the last 30 days, to tell the person at login."""
    sejak = timezone.now() - datetime.timedelta(days=30)
    return (
        KodeAktivasi.objects.filter(pegawai__user=user, atur_ulang=True, dipakai_pada__gte=sejak)
        .select_related("dibuat_oleh")
        .order_by("-dipakai_pada")
        .first()
    )
