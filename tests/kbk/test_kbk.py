"""KBK / PMO: Tabel 3.1 roles as data; membership gives (and ending it takes away) the reviewer rights."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from apps.agen import services as agen_services
from apps.agen.workflow import Aksi, Pelaku, Status
from apps.akun.models import Peran
from apps.akun.scope import lingkup
from apps.kbk import services
from apps.kbk.models import AnggotaKBK, PeranKBK
from tests.agen import helpers


def _fresh(user):
    user.__dict__.pop("_lingkup_cache", None)
    return user


def test_tabel_3_1_roles_are_data(db):
    assert list(PeranKBK.objects.values_list("nama", flat=True)) == [
        "Program Sponsorship",
        "Advisor",
        "Program Management",
        "Project Management",
        "Design Management",
        "Change Management",
        "Quality Assurance Management",
    ]
    assert PeranKBK.objects.get(kode="SPONSOR").penanggung_jawab == "Kepala Perangkat Daerah"


def test_a_new_member_can_review_and_loses_the_right_when_the_membership_ends(world):
    nominasi = helpers.nominasi(world, Status.PENELAAHAN)
    member = world.asn_b  # unit B, not the nominee's unit
    assert Pelaku.PENELAAH not in agen_services.pelaku(nominasi, _fresh(member.user))
    anggota = services.tambah_anggota(world.pd_x, member, PeranKBK.objects.get(kode="QA"), world.kepala.user)
    peran = Peran.objects.get(user=member.user, jenis=Peran.Jenis.ANGGOTA_KBK)
    assert (anggota.peran_akses_id, peran.perangkat_daerah_id) == (peran.pk, world.pd_x.pk)
    assert lingkup(_fresh(member.user)).kbk_pd_ids == frozenset({world.pd_x.pk})
    agen_services.transition(nominasi, Aksi.LANJUTKAN, _fresh(member.user))
    services.akhiri_anggota(anggota, world.kepala.user)
    assert lingkup(_fresh(member.user)).kbk_pd_ids == frozenset()
    with pytest.raises(PermissionDenied):
        agen_services.transition(nominasi, Aksi.TOLAK, _fresh(member.user), "x")


def test_program_sponsorship_gives_no_reviewer_right(world):
    services.tambah_anggota(world.pd_x, world.kepala, PeranKBK.objects.get(kode="SPONSOR"), world.kepala.user)
    assert Peran.objects.filter(user=world.kepala.user, jenis=Peran.Jenis.ANGGOTA_KBK).count() == 0


def test_existing_reviewer_peran_is_reused_not_duplicated(world):
    services.tambah_anggota(world.pd_x, world.kbk, PeranKBK.objects.get(kode="PROGRAM"), world.kepala.user)
    assert Peran.objects.filter(user=world.kbk.user, jenis=Peran.Jenis.ANGGOTA_KBK).count() == 1


def test_only_kepala_pd_or_admin_changes_the_team(world):
    with pytest.raises(PermissionDenied):
        services.tambah_anggota(world.pd_x, world.asn_b, PeranKBK.objects.get(kode="QA"), world.kbk.user)
    with pytest.raises(PermissionDenied):
        services.tambah_anggota(world.pd_x, world.asn_b, PeranKBK.objects.get(kode="QA"), world.outsider.user)
    services.tambah_anggota(world.pd_x, world.asn_b, PeranKBK.objects.get(kode="QA"), world.admin)
    assert AnggotaKBK.objects.count() == 1


def test_kbk_page_shows_the_chart_with_members(world, client_as):
    services.tambah_anggota(world.pd_x, world.kepala, PeranKBK.objects.get(kode="SPONSOR"), world.kepala.user)
    services.tambah_anggota(world.pd_x, world.kbk, PeranKBK.objects.get(kode="PROGRAM"), world.kepala.user)
    response = client_as("kepala").get(reverse("kbk:detail", kwargs={"pk": world.pd_x.pk}))
    bagan = response.context["bagan"]
    assert [[p.kode for p, _ in row] for row in bagan] == [
        ["SPONSOR"],
        ["ADVISOR"],
        ["PROGRAM"],
        ["PROJECT"],
        ["DESIGN", "CHANGE", "QA"],
    ]
    assert [a.pegawai.nama for a in bagan[2][0][1]] == ["Anggota KBK X"]
    assert 'style="' not in response.content.decode()


def test_add_member_through_the_page(world, client_as):
    url = reverse("kbk:anggota_tambah", kwargs={"pk": world.pd_x.pk})
    response = client_as("kepala").post(
        url, {"pegawai": world.asn_b.pk, "peran": PeranKBK.objects.get(kode="CHANGE").pk}
    )
    assert response.status_code == 302
    anggota = AnggotaKBK.objects.get()
    assert (anggota.pegawai, anggota.peran.kode, anggota.dicatat_oleh) == (world.asn_b, "CHANGE", world.kepala.user)
    refused = client_as("kepala").post(url, {"pegawai": world.asn_y.pk, "peran": PeranKBK.objects.get(kode="QA").pk})
    assert refused.status_code == 302
    assert AnggotaKBK.objects.count() == 1


# Every page: session, user, Peran and Pegawai (lingkup), session saved (savepoint, UPDATE, release) = 7;
# the KBK page adds: the PD, the active members (with pegawai, role), the Tabel 3.1 roles for the chart, its KBK,
# and for the add form (Kepala PD) the pegawai of the PD and the Tabel 3.1 roles.
@pytest.mark.parametrize("rows", [1, 3])
def test_kbk_page_queries(world, client_as, django_assert_num_queries, rows):
    members = [world.kbk, world.asn_b, world.kepala][:rows]
    for pegawai in members:
        services.tambah_anggota(world.pd_x, pegawai, PeranKBK.objects.get(kode="QA"), world.kepala.user)
    client = client_as("kepala")
    with django_assert_num_queries(7 + 6 + 1):  # + the unread notices of the nav badge
        response = client.get(reverse("kbk:detail", kwargs={"pk": world.pd_x.pk}))
    assert len(response.context["anggota"]) == rows
