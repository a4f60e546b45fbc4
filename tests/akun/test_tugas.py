"""Home page tasks (apps/akun/tugas.py): the most urgent first, counts from the scoped querysets, and a fixed
number of queries whatever the counts."""

from django.urls import reverse

from apps.agen.workflow import Status
from apps.akun.tugas import tugas_untuk
from apps.organisasi.models import Pegawai
from tests.agen.helpers import nominasi
from tests.factories import PegawaiFactory
from tests.survei.helpers import buat_periode


def _kunci(user) -> list[str]:
    return [t.kunci for t in tugas_untuk(user)]


def test_the_nominee_sees_the_commitment_first_then_the_form(world):
    buat_periode()
    nominasi(world, status=Status.MENUNGGU_KOMITMEN)
    tasks = tugas_untuk(world.asn.user)
    assert [(t.kunci, t.teks) for t in tasks] == [
        ("calon", "Anda diusulkan sebagai agen perubahan: konfirmasi komitmen"),
        ("formulir1", "Formulir 1 Periode UJI belum dikirim — 10 hari lagi"),
    ]


def test_the_unit_head_counts_who_has_not_submitted_in_the_subtree_only(world):
    buat_periode()
    tasks = {t.kunci: t for t in tugas_untuk(world.pimpinan.user)}
    in_subtree = Pegawai.objects.filter(unit_kerja__path__startswith=world.unit_a.path, aktif=True).count()
    assert tasks["partisipasi"].teks == f"{in_subtree} dari {in_subtree} pegawai belum mengisi Formulir 1 Periode UJI"
    assert tasks["partisipasi"].url == reverse("survei:partisipasi", args=["UJI"]) + "?status=belum"


def test_kbk_of_another_pd_sees_no_nomination_task(world):
    nominasi(world, status=Status.PENELAAHAN)
    assert "telaah" in _kunci(world.kbk.user)
    assert "telaah" not in _kunci(world.outsider.user)


def _home_queries(client, user) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(user)
    client.get("/")  # the first request after login writes the session (apps.common.middleware); not counted
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


def test_the_home_page_costs_the_same_queries_with_1_and_3_items(world, client, django_assert_num_queries):
    buat_periode()
    # Session, user, pegawai (the roles come from the session: apps/akun/fakta.py); then per provider: survei 1 periode + 1 own responses + 1 participation,
    # agen 1 nominee + 1 aggregate, laporan 0 (not kabupaten); the role cards' own queries.
    user = world.kepala.user
    nominasi(world, status=Status.DIREKOMENDASIKAN, pegawai=world.asn)
    client.force_login(user)
    one = _home_queries(client, user)
    for _i in range(2):
        nominasi(world, status=Status.DIREKOMENDASIKAN, pegawai=PegawaiFactory(unit_kerja=world.unit_a))
    client.force_login(user)
    client.get("/")
    with django_assert_num_queries(one):
        response = client.get("/")
    assert response.context["tugas_utama"].teks == "3 rekomendasi menunggu penetapan"
