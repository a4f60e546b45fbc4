"""A closed periode is read, not computed (docs/keputusan.md, «Periode tertutup dibaca, tidak dihitung»): every
read of the stored world equals the live computation exactly, on random data; the world is frozen at the close
through the service and at FINAL; the tree stays frozen across a reopening."""

import random

import pytest
from django.utils import timezone

from apps.hasil.beku import bekukan_bila_perlu
from apps.hasil.models import AgregatButir, AgregatPeriode, PeriodeBeku, UnitPeriode
from apps.hasil.selectors import (
    bands_for,
    baris_unit,
    butir_terlemah,
    distribusi_kategori,
    laporan_konsolidasi,
    laporan_perangkat_daerah,
    pohon_pd,
    tren,
)
from apps.hasil.selectors.hasil_asn import butir_terlemah_pd
from apps.hasil.services import bekukan
from apps.laporan import ekspor
from apps.organisasi.models import PerangkatDaerah, UnitKerja
from apps.survei.models import Periode
from apps.survei.services import periode_ubah_status
from tests.factories import PerangkatDaerahFactory, UnitKerjaFactory

from .data import buat_periode, isi_jawaban, isi_respon

pytestmark = pytest.mark.django_db


def _semua(periode: Periode) -> dict:
    """Everything the views of a periode read from the results model."""
    bands = bands_for(periode)
    out = {
        "konsolidasi": laporan_konsolidasi(periode),
        "distribusi": distribusi_kategori(periode, bands),
        "butir": butir_terlemah(periode, 35),
        "tren": tren([periode]),
        "label": ekspor.label(periode),
    }
    for pd in PerangkatDaerah.objects.order_by("pk"):
        out[f"pd{pd.pk}"] = laporan_perangkat_daerah(periode, pd)
        out[f"pd{pd.pk}-pohon"] = pohon_pd(periode, pd.pk)
        out[f"pd{pd.pk}-butir"] = butir_terlemah(periode, 35, perangkat_daerah=pd)
        out[f"pd{pd.pk}-butir-asn"] = butir_terlemah_pd(periode, pd.pk, 35)
    for unit in UnitKerja.objects.order_by("pk"):
        out[f"rincian{unit.pk}"] = laporan_perangkat_daerah(periode, unit.perangkat_daerah, induk=unit)
        out[f"unit{unit.pk}"] = baris_unit(periode, unit)
        out[f"unit{unit.pk}-butir"] = butir_terlemah(periode, 35, unit=unit)
    return out


def test_stored_reads_equal_the_live_computation_on_random_data(world):
    rng = random.Random(17)
    for case in range(2):
        periode = buat_periode(f"A{case}", Periode.Status.DITUTUP, tahun=2020 + case)
        for _pd in range(rng.randint(1, 3)):
            pd = PerangkatDaerahFactory()
            made = []
            for _ in range(rng.randint(1, 4)):
                unit = UnitKerjaFactory(perangkat_daerah=pd, induk=rng.choice([None, None, *made]))
                made.append(unit)
                totals = [
                    (rng.randint(10, 40), rng.randint(5, 20), rng.randint(20, 80)) for _ in range(rng.randint(0, 6))
                ]
                for respon in isi_respon(periode, unit, totals):
                    isi_jawaban(respon, {nomor: rng.randint(1, 4) for nomor in range(1, 36)})
        Periode.objects.filter(pk=periode.pk).update(ditutup_pertama_pada=timezone.now())
        live = Periode.objects.get(pk=periode.pk)
        live.__dict__["_hasil_beku"] = False  # computed from the answers and the registry
        expected = _semua(live)
        assert not PeriodeBeku.objects.filter(periode=periode).exists()

        stored = Periode.objects.get(pk=periode.pk)
        assert bekukan_bila_perlu(stored) is True  # closed before its world was stored: frozen at the first read
        assert AgregatPeriode.objects.filter(periode=periode).exists()
        assert _semua(stored) == expected
        Periode.objects.filter(pk=periode.pk).update(status=Periode.Status.FINAL)


def test_the_close_stores_the_world_and_a_reopening_keeps_the_tree(world):
    periode = buat_periode("2026", Periode.Status.DIBUKA, tahun=2026)
    isi_respon(periode, world.unit_a, [(12, 6, 25)] * 3)
    periode_ubah_status(periode, ke=Periode.Status.DITUTUP, aktor=world.monev.user)
    beku = PeriodeBeku.objects.get(periode=periode)
    assert UnitPeriode.objects.get(periode=periode, unit_id=world.unit_a1.pk).path == world.unit_a1.path
    assert list(AgregatPeriode.objects.filter(periode=periode).values_list("pd_id", "unit_id", "n", "s1")) == [
        (world.pd_x.pk, world.unit_a.pk, 3, 36)
    ]
    assert AgregatButir.objects.filter(periode=periode).count() == 0  # no answers written here
    assert beku.histogram == {"I": {"12": 3}, "II": {"6": 3}, "III": {"25": 3}}

    world.unit_a1.induk = world.unit_b
    world.unit_a1.save()
    Periode.objects.filter(pk=periode.pk).update(tanggal_tutup="2099-12-31")
    periode.refresh_from_db()
    periode_ubah_status(periode, ke=Periode.Status.DIBUKA, aktor=world.admin, catatan="perpanjangan")
    periode_ubah_status(periode, ke=Periode.Status.DITUTUP, aktor=world.monev.user)
    frozen_path = UnitPeriode.objects.get(periode=periode, unit_id=world.unit_a1.pk).path
    assert frozen_path == f"/{world.unit_a.pk}/{world.unit_a1.pk}/"  # as at the first close, not the move
    assert PeriodeBeku.objects.get(periode=periode).pohon_pada == beku.pohon_pada


def test_a_periode_closed_without_the_service_is_computed_live(world):
    periode = buat_periode("2025", Periode.Status.DITUTUP)
    isi_respon(periode, world.unit_a, [(12, 6, 25)] * 3)
    assert bekukan_bila_perlu(periode) is False
    assert not PeriodeBeku.objects.exists()
    bekukan(periode)
    assert bekukan_bila_perlu(periode) is True
