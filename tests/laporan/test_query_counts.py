"""Every report takes the same number of queries with 1 and with 3 PDs (tests/conftest.py (personas))."""

import pytest
from django.urls import reverse

from apps.akun.models import Peran
from apps.hasil.services import jumlah_asn
from apps.survei.models import Periode
from tests.factories import PegawaiFactory, PeranFactory, PerangkatDaerahFactory, UnitKerjaFactory
from tests.hasil.data import buat_periode, isi_respon

# Every request: the session, the user, the user's pegawai record (lingkup; the roles come from the session, written
# at login: apps/akun/fakta.py), the periode, and the session save (first request since the login,
# apps.common.middleware: SAVEPOINT, UPDATE, RELEASE) = 7. The consolidated report adds: the
# notes, the frozen ASN counts, the bands, the GROUP BY per PD, the PD list, the Sekda = 6; around it: the previous
# periode, the kop (Instansi), the implementation per PD (PDs, declarations, activities, agents; no previous periode:
# no follow-ups), the approved plans (the previous periode and the plans; no plans: no reports) and the Ketua Tim
# Monev = 9. Total 22.
KONSOLIDASI_QUERIES = 22
# An HTML page also counts the unread notices for the nav badge; a download has no nav.
NAV = {"html": 1, "pdf": 0, "xlsx": 0}
# The per-PD report: the 7 of every request, the PD, and the notes, the frozen ASN counts, the bands, the units,
# the GROUP BY per unit, the Kepala PD, the respondents per PD (the consolidated level's confidentiality) = 15;
# the previous periode and the kop = 17.
PD_QUERIES = 17


@pytest.fixture
def kabupaten(db):
    def build(n_pd: int):
        periode = buat_periode("2025", Periode.Status.DITUTUP)
        pds = []
        for i in range(n_pd):
            pd = PerangkatDaerahFactory(kode=f"PD{i}")
            for j in range(n_pd):
                unit = UnitKerjaFactory(perangkat_daerah=pd, kode=f"PD{i}.{j}")
                isi_respon(periode, unit, [(12, 7, 30)] * 3)
            pds.append(pd)
        sekda = PegawaiFactory(unit_kerja=unit)
        PeranFactory(user=sekda.user, jenis=Peran.Jenis.SEKDA)
        kepala = PegawaiFactory(unit_kerja=unit)
        PeranFactory(user=kepala.user, jenis=Peran.Jenis.KEPALA_PD, perangkat_daerah=pds[0])
        jumlah_asn(periode)  # the first read after closing freezes the ASN counts (2 queries, once)
        return sekda.user

    return build


@pytest.mark.parametrize("n_pd", [1, 3])
@pytest.mark.parametrize("fmt", ["html", "pdf", "xlsx"])
def test_consolidated_report_queries_do_not_grow_with_pds(kabupaten, client, django_assert_num_queries, n_pd, fmt):
    client.force_login(kabupaten(n_pd))
    url = (
        reverse("laporan:konsolidasi", args=["2025"])
        if fmt == "html"
        else reverse("laporan:konsolidasi_unduh", args=["2025", fmt])
    )
    with django_assert_num_queries(KONSOLIDASI_QUERIES + NAV[fmt]):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("n_pd", [1, 3])
@pytest.mark.parametrize("fmt", ["html", "pdf", "xlsx"])
def test_pd_report_queries_do_not_grow_with_units(kabupaten, client, django_assert_num_queries, n_pd, fmt):
    client.force_login(kabupaten(n_pd))
    url = (
        reverse("laporan:pd", args=["2025", "PD0"])
        if fmt == "html"
        else reverse("laporan:pd_unduh", args=["2025", "PD0", fmt])
    )
    with django_assert_num_queries(PD_QUERIES + NAV[fmt]):
        response = client.get(url)
    assert response.status_code == 200


# The dashboard: the 7 of every request, the frozen ASN counts, the consolidated report's 4, the distribution, the five
# weakest items, the periodes, the trend's bands and its GROUP BY = 17.
DASBOR_QUERIES = 17


@pytest.mark.parametrize("n_pd", [1, 3])
def test_dashboard_queries_do_not_grow_with_pds(kabupaten, client, django_assert_num_queries, n_pd):
    client.force_login(kabupaten(n_pd))
    with django_assert_num_queries(DASBOR_QUERIES + 1):  # + the unread notices of the nav badge
        response = client.get(reverse("laporan:dasbor", args=["2025"]))
    assert response.status_code == 200
