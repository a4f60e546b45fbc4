"""A hand-built periode 2025 in the personas' world, with numbers worked out by hand (see `laporan_world`)."""

from dataclasses import dataclass

import pytest

from apps.survei.models import Periode
from tests.conftest import World
from tests.factories import UnitKerjaFactory

from .data import buat_periode, isi_respon


@dataclass
class LaporanWorld:
    w: World
    periode: Periode


def isi_2025(w: World, periode: Periode) -> None:
    """Unit A (PD X): 200 responses, section II mean 1299/200 = 6.495. Unit B (PD X): 2 responses. Unit C (PD X,
    made here): 1 response, so the hidden rows of PD X hold 3 and Unit A stays printed (kerahasiaan.py).
    PD Y: none. Sekretariat Daerah (unit Bagian Organisasi): 3 responses."""
    isi_respon(periode, w.unit_a, [(12, 6, 25)] * 101 + [(12, 7, 25)] * 99)
    isi_respon(periode, w.unit_b, [(30, 15, 70), (28, 14, 61)])
    unit_c = UnitKerjaFactory(kode="X.C", nama="Subbagian C", perangkat_daerah=w.pd_x)
    isi_respon(periode, unit_c, [(12, 6, 25)])
    setda_unit = w.sekda.unit_kerja
    isi_respon(periode, setda_unit, [(10, 5, 20), (11, 6, 26), (11, 7, 30)])


@pytest.fixture
def laporan_world(world) -> LaporanWorld:
    periode = buat_periode("2025", Periode.Status.DITUTUP)
    isi_2025(world, periode)
    return LaporanWorld(world, periode)
