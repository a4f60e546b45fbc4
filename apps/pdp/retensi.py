"""Retention: how long each kind of personal data is kept (docs/pdp.md, «Retensi»; UU 27/2022 Pasal 16 ayat (2)
huruf f and Pasal 43-44: data no longer needed for its purpose is deleted). The periods are settings from the
environment (`settings.RETENSI`). `retensi_jalankan(hari)` is a step of the daily `kerja_harian`
(apps/common/harian.py; expired sessions are that command's own step); it is idempotent: a second run on the
same day finds nothing more to do.

What it never touches: submitted Formulir 1 responses (the reports and their frozen snapshots are computed from
them, and they carry no contact data), issued documents (SK, final reports: an issued document never changes), and
the NIP and name of a leaver (the registry key those documents and the history point to).
"""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from apps.notifikasi.models import Notifikasi
from apps.organisasi.models import AksesData, Pegawai, SanksiDisiplin


def _tahun_sebelum(hari: datetime.date, tahun: int) -> datetime.date:
    try:
        return hari.replace(year=hari.year - tahun)
    except ValueError:  # 29 February
        return hari.replace(year=hari.year - tahun, day=28)


def _awal_hari(hari: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(hari, datetime.time.min))


def keluar_sejak(pegawai: Pegawai) -> datetime.date | None:
    """The day a leaver's record was switched to inactive (from the registry history), None if active."""
    if pegawai.aktif:
        return None
    history = pegawai.history.order_by("history_date", "history_id")
    terakhir_aktif = history.filter(aktif=True).last()
    nonaktif = history.filter(aktif=False)
    if terakhir_aktif is not None:
        nonaktif = nonaktif.filter(history_date__gt=terakhir_aktif.history_date)
    pertama = nonaktif.first()
    return timezone.localdate(pertama.history_date) if pertama else None


def _minimalkan(pegawai: Pegawai, hari: datetime.date) -> None:
    """Close the account and remove the contact data of a leaver, in the record and its history."""
    pegawai.email = ""
    pegawai.telepon = ""
    pegawai.diminimalkan_pada = hari
    pegawai._change_reason = "retensi"
    pegawai.save(update_fields=["email", "telepon", "diminimalkan_pada"])
    pegawai.history.all().update(email="", telepon="")
    if pegawai.user_id:
        user = get_user_model().objects.get(pk=pegawai.user_id)
        user.is_active = False
        user.email = ""
        user.set_unusable_password()
        user.save(update_fields=["is_active", "email", "password"])


def retensi_jalankan(hari: datetime.date) -> dict:
    """Apply every retention rule as of `hari`; returns how many records each rule changed or removed."""
    aturan = settings.RETENSI
    hasil = {}
    with transaction.atomic():
        batas_keluar = _tahun_sebelum(hari, aturan["pegawai_keluar_tahun"])
        diminimalkan = 0
        for pegawai in Pegawai.objects.filter(aktif=False, diminimalkan_pada__isnull=True):
            sejak = keluar_sejak(pegawai)
            if sejak is not None and sejak <= batas_keluar:
                _minimalkan(pegawai, hari)
                diminimalkan += 1
        hasil["pegawai_keluar_diminimalkan"] = diminimalkan

        batas_sanksi = _tahun_sebelum(hari, aturan["sanksi_tahun"])
        sanksi = list(SanksiDisiplin.objects.filter(selesai__isnull=False, selesai__lt=batas_sanksi))
        ids = [s.pk for s in sanksi]
        for s in sanksi:
            s.delete()
        # The history keeps a copy of each sanction (and of its deletion): those go too.
        SanksiDisiplin.history.filter(id__in=ids).delete()
        hasil["sanksi_dihapus"] = len(ids)

        batas_baca = _awal_hari(_tahun_sebelum(hari, aturan["jejak_baca_tahun"]))
        hasil["jejak_baca_dihapus"] = AksesData.objects.hapus_sebelum(batas_baca)

        batas_log = _awal_hari(hari - datetime.timedelta(days=aturan["log_masuk_hari"]))
        hasil["log_masuk_dihapus"] = (
            AccessLog.objects.filter(attempt_time__lt=batas_log).delete()[0]
            + AccessFailureLog.objects.filter(attempt_time__lt=batas_log).delete()[0]
            + AccessAttempt.objects.filter(attempt_time__lt=batas_log).delete()[0]
        )

        batas_notif = _awal_hari(hari - datetime.timedelta(days=aturan["pemberitahuan_hari"]))
        hasil["pemberitahuan_dihapus"] = Notifikasi.objects.filter(dibuat__lt=batas_notif).delete()[0]
    return hasil
