"""`manage.py pemberitahuan_periode` (run once a day): tells who has not submitted that the periode closes soon,
once per person."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from apps.notifikasi.models import Notifikasi
from apps.survei import services

from .helpers import buat_periode, jawaban


def _jalankan() -> str:
    out = io.StringIO()
    call_command("pemberitahuan_periode", stdout=out)
    return out.getvalue()


def test_the_daily_command_tells_each_asn_who_has_not_submitted_once(world):
    periode = buat_periode("TUTUP", tutup=timezone.localdate() + datetime.timedelta(days=2))
    services.respon_kirim(periode, pegawai=world.asn_b, answers=jawaban())
    # Ten pegawai of the world have an account; asn_b has submitted.
    assert _jalankan() == "9 pemberitahuan dibuat\n"
    assert _jalankan() == "0 pemberitahuan dibuat\n"
    teks = f"Formulir 1 Periode TUTUP ditutup {periode.tanggal_tutup:%d-%m-%Y} dan Anda belum mengirim"
    assert list(Notifikasi.objects.filter(penerima=world.asn.user).values_list("teks", flat=True)) == [teks]
    assert not Notifikasi.objects.filter(penerima=world.asn_b.user).exists()


def test_a_periode_closing_later_is_not_announced_yet(world):
    buat_periode("NANTI", tutup=timezone.localdate() + datetime.timedelta(days=10))
    assert _jalankan() == "0 pemberitahuan dibuat\n"
    assert not Notifikasi.objects.exists()
