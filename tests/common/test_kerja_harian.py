"""`manage.py kerja_harian` (docs/keputusan.md «Antarmuka yang tetap»): each step once per day, a failed step rolls back
and runs again next time, `--tanggal` checked."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from apps.common import harian
from apps.common.models import LangkahHarian

HARI = datetime.date(2026, 12, 1)


def _langkah_uji(hari: datetime.date) -> dict:
    LangkahHarian.objects.create(tanggal=hari, langkah=f"jejak-{LangkahHarian.objects.count()}")
    return {"hari": hari.isoformat()}


def _langkah_gagal(hari: datetime.date) -> dict:
    LangkahHarian.objects.create(tanggal=hari, langkah="jejak-gagal")
    raise RuntimeError("gagal")


def test_every_step_runs_once_a_day_and_a_second_run_skips_it(db):
    out = io.StringIO()
    call_command("kerja_harian", "--tanggal", HARI.isoformat(), stdout=out)
    assert sorted(LangkahHarian.objects.values_list("langkah", flat=True)) == sorted(n for n, _p in harian.LANGKAH)
    out = io.StringIO()
    call_command("kerja_harian", "--tanggal", HARI.isoformat(), stdout=out)
    assert out.getvalue().count("sudah dijalankan hari ini") == len(harian.LANGKAH)
    assert LangkahHarian.objects.count() == len(harian.LANGKAH)


def test_a_failed_step_is_rolled_back_stops_the_day_and_runs_again(db):
    langkah = [("uji", f"{__name__}:_langkah_uji"), ("gagal", f"{__name__}:_langkah_gagal")]
    with pytest.raises(RuntimeError):
        harian.jalankan(HARI, langkah)
    # The first step is kept with its result; the failed one left nothing, not even what it wrote.
    assert list(LangkahHarian.objects.order_by("pk").values_list("langkah", "hasil")) == [
        ("uji", {"hari": "2026-12-01"}),
        ("jejak-1", {}),
    ]
    assert harian.jalankan(HARI, langkah[:1]) == [("uji", None)]


def test_a_bad_date_is_refused(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("kerja_harian", "--tanggal", "01-12-2026", stdout=io.StringIO())
