"""Plan lists, the Tim Monev overview, the XLSX and the plan PDF take the same number of queries with 1 and with 3
plans (or rows) (docs/arsitektur.md)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.rencana import services
from apps.rencana.workflow import Status

from .helpers import agen, ke_status, rencana

pytestmark = pytest.mark.django_db


def _rencana_banyak(world, n: int):
    plans = []
    for pegawai in [world.asn, world.asn_a1, world.asn_b][:n]:
        r = ke_status(world, rencana(world, agen(world, pegawai), baris=2), Status.DISETUJUI)
        b1, b2 = r.baris.all()
        services.laporan_kemajuan_kirim(
            r,
            aktor=pegawai.user,
            periode_mulai=r.mulai,
            isian={b1.pk: (Decimal("40"), "Berjalan."), b2.pk: (Decimal("50"), "Berjalan.")},
        )
        plans.append(r)
    return plans


def _count(client, user, url) -> int:
    """Queries of the first request of a fresh login (which writes the session, apps.common.middleware)."""
    client.logout()
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("persona", "url_name"),
    [
        ("kepala", "rencana:daftar"),
        ("pimpinan", "rencana:daftar"),
        ("monev", "rencana:daftar"),
        ("monev", "rencana:ikhtisar"),
        ("sekda", "rencana:ikhtisar"),
        ("kbk", "rencana:masalah_list"),
    ],
)
def test_lists_take_the_same_queries_at_1_and_3_plans(world, client, persona, url_name):
    user = getattr(world, persona).user
    _rencana_banyak(world, 1)
    satu = _count(client, user, reverse(url_name))
    _rencana_banyak_lagi(world)
    tiga = _count(client, user, reverse(url_name))
    assert satu == tiga


def _rencana_banyak_lagi(world):
    for pegawai in (world.asn_a1, world.asn_b):
        r = ke_status(world, rencana(world, agen(world, pegawai), baris=2), Status.DISETUJUI)
        b1, b2 = r.baris.all()
        services.laporan_kemajuan_kirim(
            r,
            aktor=pegawai.user,
            periode_mulai=r.mulai,
            isian={b1.pk: (Decimal("40"), "Berjalan."), b2.pk: (Decimal("50"), "Berjalan.")},
        )


# The overview: the 6 queries of the first request after login (session, user, pegawai; the roles come from the
# session, written at login: apps/akun/fakta.py; session save: SAVEPOINT, UPDATE, RELEASE), then the PDs, the active
# agents per PD, the approved plans, their reports, the realisations with their rows = 11.
IKHTISAR_QUERIES = 11 + 1  # + the unread notices of the nav badge


def test_ikhtisar_query_count(world, client, django_assert_num_queries):
    _rencana_banyak(world, 3)
    client.force_login(world.monev.user)
    with django_assert_num_queries(IKHTISAR_QUERIES):
        assert client.get(reverse("rencana:ikhtisar")).status_code == 200


def test_xlsx_takes_the_same_queries_at_1_and_3_plans(world, client):
    _rencana_banyak(world, 1)
    xlsx = reverse("rencana:ekspor_xlsx", args=[world.pd_x.pk])
    satu = _count(client, world.monev.user, xlsx)
    _rencana_banyak_lagi(world)
    assert satu == _count(client, world.monev.user, xlsx)


def test_plan_pdf_takes_the_same_queries_at_1_and_3_rows(world, client):
    penetapan = agen(world)
    satu = ke_status(world, rencana(world, penetapan, baris=1), Status.DIAJUKAN)
    tiga = ke_status(world, rencana(world, penetapan, baris=3), Status.DIAJUKAN)
    counts = [_count(client, world.kepala.user, reverse("rencana:rencana_pdf", args=[r.pk])) for r in (satu, tiga)]
    assert counts[0] == counts[1]
