"""Notices of Formulir 1: a periode opened (everyone with an account), a periode about to close (those who
have not submitted; `manage.py pemberitahuan_periode`, once a day), and reminders by unit heads."""

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.akun.scope import lingkup
from apps.notifikasi.services import notifikasi_kirim_banyak
from apps.organisasi.models import Pegawai, UnitKerja

from .models import Pengingat, Periode, Respon
from .partisipasi import pegawai_dalam_lingkup
from .signals import periode_status_changed

HARI_SEBELUM_TUTUP = 3


def _on_status(sender, periode: Periode, old_status: str, new_status: str, **kwargs) -> None:
    if new_status != Periode.Status.DIBUKA or old_status != Periode.Status.DRAFT:
        return
    users = Pegawai.objects.filter(aktif=True, user__isnull=False, user__is_active=True).values_list(
        "user_id", flat=True
    )
    notifikasi_kirim_banyak(
        users,
        teks=_("Formulir 1 %(periode)s dibuka sampai %(tutup)s")
        % {"periode": periode.nama, "tutup": periode.tanggal_tutup.strftime("%d-%m-%Y")},
        url=reverse("survei:formulir", args=[periode.kode]),
        kunci=f"periode-buka:{periode.kode}"[:100],
    )


def beri_tahu_periode_akan_tutup(hari_ini: datetime.date | None = None) -> int:
    """Tell every active ASN with an account who has not submitted that an open periode closes within
    HARI_SEBELUM_TUTUP days; once per periode per person (the notice's kunci). Returns the number told."""
    hari_ini = hari_ini or timezone.localdate()
    total = 0
    batas = hari_ini + datetime.timedelta(days=HARI_SEBELUM_TUTUP)
    for periode in Periode.objects.filter(status=Periode.Status.DIBUKA, tanggal_tutup__range=(hari_ini, batas)):
        terkirim = Respon.objects.filter(periode=periode, status=Respon.Status.TERKIRIM).values("pegawai_id")
        users = (
            Pegawai.objects.filter(aktif=True, user__isnull=False, user__is_active=True)
            .exclude(pk__in=terkirim)
            .values_list("user_id", flat=True)
        )
        total += notifikasi_kirim_banyak(
            users,
            teks=_("Formulir 1 %(periode)s ditutup %(tutup)s dan Anda belum mengirim")
            % {"periode": periode.nama, "tutup": periode.tanggal_tutup.strftime("%d-%m-%Y")},
            url=reverse("survei:formulir", args=[periode.kode]),
            kunci=f"periode-tutup:{periode.kode}"[:100],
        )
    return total


def hubungkan() -> None:
    periode_status_changed.connect(_on_status, dispatch_uid="survei-pemberitahuan-buka")


class PengingatDitolak(Exception):  # noqa: N818 (an outcome shown to the user)
    pass


def pengingat_kirim(periode: Periode, *, kelompok: str, aktor) -> int:
    """Remind everyone of `kelompok` ("unit:<pk>" — the unit and its sub-units — or "pd:<pk>") who has not
    submitted Formulir 1 of `periode`: an in-app notice each, never answers. At most once a day per group.

    Rights: the head of the unit (or of a unit above it), the Kepala PD of its PD, Tim Monev. Side effects: one
    Pengingat row (unique per periode, group and day: a second one the same day raises PengingatDitolak); one
    Notifikasi per person with an account. Returns the number of people reminded.
    """
    jenis, _sep, pk = kelompok.partition(":")
    unit = None
    if not periode.menerima_kiriman() or jenis not in ("unit", "pd") or not pk.isdigit():
        raise PengingatDitolak(_("Pengingat hanya untuk periode yang sedang dibuka."))
    belum = pegawai_dalam_lingkup(aktor).exclude(
        pk__in=Respon.objects.filter(periode=periode, status=Respon.Status.TERKIRIM).values("pegawai_id")
    )
    if jenis == "unit":
        unit = UnitKerja.objects.filter(pk=pk).first()
        belum = belum.filter(unit_kerja__path__startswith=unit.path) if unit else belum.none()
    else:
        belum = belum.filter(unit_kerja__perangkat_daerah_id=int(pk))
    scope = lingkup(aktor)
    boleh = scope.boleh_ingatkan_unit(unit) if jenis == "unit" and unit else scope.boleh_ingatkan_pd(int(pk))
    if (jenis == "unit" and unit is None) or not boleh:
        raise PengingatDitolak(_("Anda tidak dapat mengirim pengingat untuk kelompok ini."))
    hari_ini = timezone.localdate()
    users = list(belum.filter(user__isnull=False, user__is_active=True).values_list("user_id", flat=True))
    try:
        with transaction.atomic():
            Pengingat.objects.create(
                periode=periode, kelompok=kelompok, tanggal=hari_ini, oleh=aktor, jumlah=len(users)
            )
            notifikasi_kirim_banyak(
                users,
                teks=_("Pengingat: Formulir 1 %(periode)s belum Anda kirim; ditutup %(tutup)s")
                % {"periode": periode.nama, "tutup": periode.tanggal_tutup.strftime("%d-%m-%Y")},
                url=reverse("survei:formulir", args=[periode.kode]),
                kunci=f"pengingat:{periode.kode}:{hari_ini.isoformat()}"[:100],
            )
    except IntegrityError:
        raise PengingatDitolak(_("Pengingat untuk kelompok ini sudah dikirim hari ini; coba lagi besok.")) from None
    return len(users)
