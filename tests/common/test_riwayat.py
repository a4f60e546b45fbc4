"""History rows are append-only through one base (apps/common/riwayat.py): never edited, never deleted, one by
one or in bulk; a unit history row is closed once, while open (RiwayatUnit.sampai, at the next mutasi)."""

import datetime

import pytest
from django.utils import timezone

from apps.agen.models import RiwayatNominasi
from apps.agen.workflow import Status
from apps.organisasi.models import RiwayatUnit
from apps.organisasi.services import pegawai_mutasi
from apps.survei.models import RiwayatPeriode
from tests.agen.helpers import nominasi
from tests.survei.helpers import buat_periode


def _tolak_ubah_dan_hapus(row) -> None:
    model = type(row)
    row.catatan = "diubah"
    with pytest.raises(ValueError, match=f"{model.__name__} is append-only: a history row is never edited"):
        row.save()
    with pytest.raises(ValueError, match="never deleted"):
        row.delete()
    with pytest.raises(ValueError, match="history rows are never updated"):
        model.objects.filter(pk=row.pk).update(catatan="diubah")
    with pytest.raises(ValueError, match="history rows are never deleted"):
        model.objects.filter(pk=row.pk).delete()
    assert model.objects.filter(pk=row.pk).count() == 1


def test_periode_and_nomination_history_is_never_edited_or_deleted(world):
    periode = buat_periode()
    _tolak_ubah_dan_hapus(RiwayatPeriode.objects.create(periode=periode, dari="DRAF", ke="DIBUKA", oleh=None))
    nominasi(world, Status.PENELAAHAN)
    _tolak_ubah_dan_hapus(RiwayatNominasi.objects.get())


def test_a_unit_history_row_is_closed_once_at_the_next_mutasi(world):
    hari_ini = timezone.localdate()
    pertama = pegawai_mutasi(world.asn, unit_kerja=world.unit_b, mulai=hari_ini - datetime.timedelta(days=10))
    pegawai_mutasi(world.asn, unit_kerja=world.unit_a1, mulai=hari_ini)
    pertama.refresh_from_db()
    assert pertama.sampai == hari_ini - datetime.timedelta(days=1)
    # A closed row stays as it is: closing it again changes nothing, other columns are refused.
    assert RiwayatUnit.objects.filter(pk=pertama.pk).update(sampai=hari_ini) == 0
    with pytest.raises(ValueError, match="RiwayatUnit is append-only"):
        RiwayatUnit.objects.filter(pk=pertama.pk).update(unit_kerja=world.unit_a)
    with pytest.raises(ValueError, match="RiwayatUnit is append-only: a history row is never edited"):
        pertama.save()
    pertama.refresh_from_db()
    assert (pertama.unit_kerja_id, pertama.sampai) == (world.unit_b.pk, hari_ini - datetime.timedelta(days=1))
