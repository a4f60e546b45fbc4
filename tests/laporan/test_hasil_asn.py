"""Results back to every ASN (Lampiran BAB III.2): own scores beside the printed rows of the unit, the PD and the
kabupaten; a small unit shows no numbers; the PD's weakest items by rank; the PD's follow-ups."""

import pytest
from django.urls import reverse

from apps.hasil.services import bekukan
from apps.survei.models import Jawaban, Periode, Respon
from apps.survei.services import periode_finalkan
from apps.tindaklanjut.models import TindakLanjut
from tests.factories import UserFactory
from tests.hasil.data import isi_jawaban, isi_respon

from .test_views import rows_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def final(laporan_world):
    """laporan_world 2025 plus one response of the ASN of sub-unit A1 (11, 6, 24), whose row is unit A's; FINAL."""
    w = laporan_world.w
    periode = laporan_world.periode
    [respon] = isi_respon(periode, w.unit_a1, [(11, 6, 24)])
    Respon.objects.filter(pk=respon.pk).update(pegawai=w.asn_a1)
    periode_finalkan(periode, aktor=w.monev.user)
    return laporan_world


def test_asn_sees_own_scores_beside_unit_pd_and_kabupaten(final, client_as):
    w = final.w
    client = client_as("asn")
    client.force_login(w.asn_a1.user)
    html = client.get(reverse("laporan:hasil_saya", args=["2025"])).content.decode()
    rows = rows_of(html)
    assert rows[0] == ["Anda", "11 BAIK", "6 BAIK", "24 BAIK"]
    # Unit A (its sub-unit A1 folded in): 201 responses: I 2411 / 201 = 11.99502 -> 12.00, II (6*101 + 7*99 + 6)
    # / 201 = 1305 / 201 = 6.4925 -> 6.49 (Ka: 6 -> BAIK), III 5024 / 201 = 24.99502 -> 25.00.
    assert rows[1][0].startswith("Unit kerja Anda") and rows[1][1:] == ["12,00 CUKUP BAIK", "6,49 BAIK", "25,00 BAIK"]
    assert rows[2][0].startswith("Perangkat daerah Anda")
    assert rows[3][0].startswith("Kabupaten (RATA-RATA)")


def test_a_unit_of_two_respondents_shows_no_unit_numbers(final, client_as):
    """Unit B has 2 respondents: its member sees "< 3 responden" in the unit row, never its numbers."""
    w = final.w
    respon = Respon.objects.filter(periode=final.periode, unit_kerja=w.unit_b).first()
    Respon.objects.filter(pk=respon.pk).update(pegawai=w.asn_b)
    client = client_as("asn")
    client.force_login(w.asn_b.user)
    html = client.get(reverse("laporan:hasil_saya", args=["2025"])).content.decode()
    unit_row = rows_of(html)[1]
    assert unit_row[0].startswith("Unit kerja Anda")
    assert unit_row[1].startswith("< 3 responden")
    # Unit B's mean would be (30 + 28) / 2 = 29.00, (15 + 14) / 2 = 14.50, (70 + 61) / 2 = 65.50.
    for number in ["29,00", "14,50", "65,50", "29.00", "14.50", "65.50"]:
        assert number not in html


def test_weakest_items_of_the_pd_by_rank_without_means(final, client_as):
    w = final.w
    for r in Respon.objects.filter(periode=final.periode, perangkat_daerah=w.pd_x)[:5]:
        isi_jawaban(r, dict.fromkeys(range(1, 36), 1) | {7: 4, 12: 3})
    bekukan(final.periode)  # the answers are written after FINAL here: store them as the close would have
    client = client_as("asn")
    client.force_login(w.asn_a1.user)
    html = client.get(reverse("laporan:hasil_saya", args=["2025"])).content.decode()
    lemah = html[html.index('data-testid="butir-lemah"') :]
    assert lemah.index("butir 7") < lemah.index("butir 12")
    assert Jawaban.objects.exists()


def test_before_final_nothing_is_compared(laporan_world, client_as):
    html = client_as("asn").get(reverse("laporan:hasil_saya", args=["2025"])).content.decode()
    assert "setelah Tim Monev memfinalkan" in html


def test_an_account_without_pegawai_is_refused(laporan_world, client):
    client.force_login(UserFactory(username="tanpa-pegawai"))
    assert client.get(reverse("laporan:hasil_saya", args=["2025"])).status_code == 403


def test_open_periode_is_not_final(world, client_as):
    from tests.hasil.data import buat_periode

    buat_periode("2026", Periode.Status.DIBUKA)
    html = client_as("asn").get(reverse("laporan:hasil_saya", args=["2026"])).content.decode()
    assert "setelah Tim Monev memfinalkan" in html


def test_follow_ups_of_own_unit_row_and_pd_labelled_with_their_names(final, client_as):
    """The ASN of sub-unit A1 sees the follow-ups of unit A's row (the row that holds A1) and of PD X, each under
    its name; unit B's follow-up is another row's and stays out. The PD row is labelled with the PD's name."""
    w = final.w
    buat = {"periode": final.periode, "perangkat_daerah": w.pd_x, "ts": "20.00", "kategori": "KURANG_BAIK"}
    TindakLanjut.objects.create(**buat, unit_kerja=w.unit_a, bagian="I", tindakan="Sosialisasi unit A")
    TindakLanjut.objects.create(**buat, unit_kerja=w.unit_b, bagian="I", tindakan="Sosialisasi unit B")
    TindakLanjut.objects.create(**buat, unit_kerja=None, bagian="II", tindakan="Pelatihan seluruh PD")
    client = client_as("asn")
    client.force_login(w.asn_a1.user)
    html = client.get(reverse("laporan:hasil_saya", args=["2025"])).content.decode()
    assert rows_of(html)[2][0] == f"Perangkat daerah Anda{w.pd_x.nama}"  # the name under the label (<br>)
    unit = html[html.index('data-testid="tl-unit-judul"') : html.index('data-testid="tl-pd-judul"')]
    pd = html[html.index('data-testid="tl-pd-judul"') :]
    assert f"Unit kerja Anda: {w.unit_a.nama}</h3>" in unit
    assert ("Sosialisasi unit A" in unit, "Pelatihan seluruh PD" in unit) == (True, False)
    assert f"Perangkat daerah Anda: {w.pd_x.nama}</h3>" in pd
    assert ("Pelatihan seluruh PD" in pd, "Sosialisasi unit A" in pd) == (True, False)
    assert "Sosialisasi unit B" not in html
