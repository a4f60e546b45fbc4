"""seed_demo adds the `agen` login and plans in every state, deterministically and idempotently (README "Login demo")."""

import io

import pytest
from django.core.management import call_command

from apps.rencana.models import LaporanKemajuan, Permasalahan, RencanaTindak
from apps.rencana.workflow import Status

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_agen_with_the_whole_cycle_and_is_idempotent():
    call_command("seed_demo", stdout=io.StringIO())
    first = sorted(RencanaTindak.objects.values_list("judul", "status", "versi"))
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert sorted(RencanaTindak.objects.values_list("judul", "status", "versi")) == first
    assert "agen" in out.getvalue()
    assert {s for _j, s, _v in first} == set(Status.values)
    milik = RencanaTindak.objects.filter(penetapan__pegawai__user__username="agen")
    assert milik.get().status == Status.DISETUJUI
    assert LaporanKemajuan.objects.filter(rencana__in=milik).count() == 1
    assert sorted(Permasalahan.objects.filter(rencana__in=milik).values_list("status", flat=True)) == [
        "DIJAWAB",
        "TERBUKA",
    ]
    kelompok = RencanaTindak.objects.get(kelompok__isnull=False)
    assert kelompok.baris.values("ditulis_oleh").distinct().count() == 2
