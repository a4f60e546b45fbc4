"""Notices of Formulir 1: a periode opened (everyone with an account), a periode about to close (those who
have not submitted; `manage.py pemberitahuan_periode`, once a day), and reminders by unit heads."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.notifikasi.services import notifikasi_kirim_banyak
from apps.organisasi.models import Pegawai

from .models import Periode, Respon
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
