"""The loop from Formulir 1 (Lampiran BAB III 2.2.4; docs/keputusan.md, «Kerahasiaan Formulir 1»): weakest sections and items of the PD and the unit, through the report
selectors and the confidentiality rule (docs/keamanan.md) (fewer than MIN_RESPONDEN respondents: nothing; no unit whose
complement in its PD holds 1-2 respondents)."""

from decimal import Decimal

import pytest

from apps.rencana.fokus import titik_lemah
from apps.survei.models import Butir, Periode
from apps.survei.scoring import MIN_RESPONDEN
from tests.hasil.data import buat_periode, isi_jawaban, isi_respon

pytestmark = pytest.mark.django_db


def _isi(periode, unit, n):
    for respon in isi_respon(periode, unit, [(12, 6, 25)] * n):
        nilai = {nomor: 1 for nomor in range(1, 36)}
        nilai.update({17: 4, 3: 3, 12: 2})
        isi_jawaban(respon, nilai)


@pytest.fixture
def periode(world):
    p = buat_periode("2025", Periode.Status.DITUTUP)
    Butir.objects.filter(bagian__instrumen=p.instrumen, nomor=17).update(kelompok="A Berorientasi Pelayanan")
    return p


def test_pd_and_unit_each_with_the_value_they_belong_to(world, periode):
    _isi(periode, world.unit_a, MIN_RESPONDEN)
    _isi(periode, world.unit_b, MIN_RESPONDEN)
    got, titik = titik_lemah(world.pd_x, world.unit_a)
    assert got == periode
    butir_pd = [(t.kunci, t.nilai, t.skor) for t in titik if t.kunci.startswith("pd:butir")][:3]
    assert butir_pd == [
        ("pd:butir:17", "BerAKHLAK: Berorientasi Pelayanan", Decimal("4.00")),
        ("pd:butir:3", "MEDIASI", Decimal("3.00")),
        ("pd:butir:12", "MEDIASI", Decimal("2.00")),
    ]
    bagian_pd = [(t.kunci, t.nilai) for t in titik if t.kunci.startswith("pd:bagian")]
    # Totals (12, 6, 25): per item 1.20, 1.20, 1.25; the weakest first.
    assert bagian_pd == [("pd:bagian:III", "BerAKHLAK"), ("pd:bagian:I", "MEDIASI"), ("pd:bagian:II", "MEDIASI")]
    assert [t.kunci for t in titik if t.kunci.startswith("unit:butir")][:1] == ["unit:butir:17"]


def test_unit_hidden_when_the_rest_of_the_pd_is_one_or_two_people(world, periode):
    _isi(periode, world.unit_a, 4)
    _isi(periode, world.unit_b, 2)
    _periode, titik = titik_lemah(world.pd_x, world.unit_a)
    assert {t.tingkat for t in titik} == {"Perangkat daerah"}


def test_nothing_for_a_pd_under_the_threshold(world, periode):
    _isi(periode, world.unit_a, MIN_RESPONDEN - 1)
    assert titik_lemah(world.pd_x, world.unit_a) == (periode, [])


def test_an_open_periode_is_never_used(world, periode):
    _isi(periode, world.unit_a, MIN_RESPONDEN)
    terbuka = buat_periode("2026", Periode.Status.DIBUKA)
    _isi(terbuka, world.unit_a, 5)
    got, titik = titik_lemah(world.pd_x, None)
    assert got == periode
    assert len(titik) == 3 + 5
