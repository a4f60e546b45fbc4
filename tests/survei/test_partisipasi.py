"""Participation: who has submitted in the viewer's scope, never what (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»)."""

import pytest

from apps.akun.models import Peran
from apps.survei import services
from apps.survei.models import Respon
from tests.factories import PegawaiFactory, PeranFactory, UnitKerjaFactory

from .helpers import buat_periode, jawaban

pytestmark = pytest.mark.django_db


def test_unit_head_sees_names_and_status_of_the_subtree_only(client_as, world):
    periode = buat_periode()
    services.respon_kirim(periode, pegawai=world.asn, answers=jawaban(1, 1, 1))
    services.respon_simpan_draf(periode, pegawai=world.asn_a1, answers={1: 2})
    services.respon_kirim(periode, pegawai=world.asn_b, answers=jawaban(4, 4, 4))
    response = client_as("pimpinan").get(f"/survei/partisipasi/{periode.kode}/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Asn Unit A" in text and "Asn Seksi A1" in text and "Kepala Bidang A" in text
    assert "Asn Unit B" not in text
    assert "Terkirim 1 · draf 1 · dari 3 ASN aktif" in text
    # No score, category or answer appears (checked on words, not on the random CSRF token of the page).
    for word in (">BAIK<", "CUKUP BAIK", "KURANG BAIK", "BURUK", ">TS<", "Sering", "Buka kembali"):
        assert word not in text, word


def test_kepala_pd_sees_the_whole_pd(client_as, world):
    periode = buat_periode()
    text = client_as("kepala").get(f"/survei/partisipasi/{periode.kode}/").content.decode()
    assert "Asn Unit B" in text and "Asn Unit A" in text and "Asn Unit Y" not in text


def test_monev_may_reopen_from_the_list(client_as, world):
    periode = buat_periode()
    respon = services.respon_kirim(periode, pegawai=world.asn, answers=jawaban())
    text = client_as("monev").get(f"/survei/partisipasi/{periode.kode}/").content.decode()
    assert f'href="/survei/respon/{respon.pk}/buka-kembali/"' in text


@pytest.mark.parametrize("rows", [1, 3])
def test_participation_list_query_count(client, world, django_assert_num_queries, rows):
    """Same number of queries at 1 and 3 rows in the unit: session, user, lingkup pegawai (the roles come from the
    session: apps/akun/fakta.py), periode, paginator count, summary counts, page rows, and the session save
    (savepoint, update, release)."""
    periode = buat_periode()
    head = PegawaiFactory(nama="Kepala Baru", unit_kerja=world.unit_y)
    new_unit = UnitKerjaFactory(perangkat_daerah=world.pd_y)
    PeranFactory(user=head.user, jenis=Peran.Jenis.PIMPINAN_UNIT, unit_kerja=new_unit)
    for i in range(rows):
        p = PegawaiFactory(nama=f"Staf {i}", unit_kerja=new_unit)
        if i % 2 == 0:
            services.respon_kirim(periode, pegawai=p, answers=jawaban())
    client.force_login(head.user)
    with django_assert_num_queries(10 + 1 + 1):  # + the unread notices of the nav badge, + the per-unit GROUP BY
        response = client.get(f"/survei/partisipasi/{periode.kode}/")
    assert response.content.decode().count("<tr><td>Staf") == rows
    assert Respon.objects.count() == (rows + 1) // 2


def test_monev_filters_by_pd(client_as, world):
    periode = buat_periode()
    client = client_as("monev")
    text = client.get(f"/survei/partisipasi/{periode.kode}/?pd={world.pd_y.pk}").content.decode()
    assert "Asn Unit Y" in text and "Asn Unit A" not in text
    text = client.get(f"/survei/partisipasi/{periode.kode}/?pd=x'1").content.decode()
    assert "Asn Unit Y" in text and "Asn Unit A" in text
