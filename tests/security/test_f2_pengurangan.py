"""F2: subtraction. "Seluruh PD" (its mean and respondents) minus the printed unit rows gave the exact section sums
of a "< 3 responden" unit; the same on Tim Monev's sub-unit view and on the kabupaten level."""

import pytest
from django.urls import reverse

from apps.survei.models import Periode
from apps.survei.scoring import MIN_RESPONDEN
from tests.hasil.data import buat_periode, isi_respon

from .penyerang import baris, kolam_tersembunyi

pytestmark = pytest.mark.django_db


def _kecil(pool: int) -> bool:
    return 0 < pool < MIN_RESPONDEN


def test_f2_seluruh_pd_minus_the_printed_units_gives_no_small_unit(world, client_as):
    periode = buat_periode("2025", Periode.Status.DITUTUP)
    isi_respon(periode, world.unit_a, [(12, 6, 25), (14, 7, 30), (11, 6, 27), (13, 8, 33), (12, 5, 26)])
    isi_respon(periode, world.unit_b, [(30, 15, 70), (28, 14, 61)])  # the small unit
    html = client_as("kepala").get(reverse("laporan:pd", args=["2025", "PDX"])).content.decode()
    assert [(nama, n) for nama, n, _ in baris(html)] == [("Bidang A", 5), ("Sekretariat X", 2)]
    assert not _kecil(kolam_tersembunyi(html))
    assert "agar jawaban kelompok kecil tidak dapat dihitung" in html


def test_f2_the_sub_unit_view_gives_no_small_group(world, client_as):
    periode = buat_periode("2025", Periode.Status.DITUTUP)
    isi_respon(periode, world.unit_a, [(12, 6, 25), (14, 7, 30)])  # unit A's own staff: 2
    isi_respon(periode, world.unit_a1, [(11, 6, 27), (13, 8, 33), (12, 5, 26), (10, 5, 20)])
    isi_respon(periode, world.unit_b, [(20, 10, 40)] * 3)
    html = client_as("monev").get(reverse("laporan:rincian", args=["2025", world.unit_a.pk])).content.decode()
    assert [(nama, n) for nama, n, _ in baris(html)] == [("Bidang A (pegawai langsung)", 2), ("Seksi A1", 4)]
    assert not _kecil(kolam_tersembunyi(html))
    # The unit head's page of Seksi A1 must not print what the sub-unit view hides.
    page = client_as("monev").get(reverse("laporan:unit", args=["2025", world.unit_a1.pk])).content.decode()
    assert "11.50" not in page and "11,50" not in page  # 46/4, the mean of section I of Seksi A1
    assert "disembunyikan" in page


def test_f2_the_kabupaten_level_hides_a_partner_of_a_small_pd(world, client_as):
    periode = buat_periode("2025", Periode.Status.DITUTUP)
    isi_respon(periode, world.unit_a, [(12, 6, 25)] * 5)
    isi_respon(periode, world.unit_y, [(30, 15, 70), (28, 14, 61)])  # PD Y: 2
    isi_respon(periode, world.sekda.unit_kerja, [(10, 5, 20)] * 3)
    html = client_as("sekda").get(reverse("laporan:konsolidasi", args=["2025"])).content.decode()
    rows = baris(html)
    # Whatever prints the kabupaten's total (the export, the dashboard's items) minus the printed PDs must not
    # give PD Y: the hidden PDs together hold 0 or at least 3.
    assert not _kecil(sum(n for _, n, shown in rows if not shown))
