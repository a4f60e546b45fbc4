"""KBK / PMO: Tabel 3.1 roles as data; membership gives (and ending it takes away) the reviewer rights."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from apps.agen import services as agen_services
from apps.agen.workflow import Aksi, Pelaku, Status
from apps.akun.models import Peran
from apps.akun.scope import lingkup
from apps.kbk import services
from apps.kbk.models import AnggotaKBK, AnggotaTimMonev, PeranKBK, TimMonev
from apps.kbk.reference import jabatan_sesuai
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


@pytest.fixture(autouse=True)
def _jabatan_menurut_tabel_3_1(world):
    """Posts that fit Tabel 3.1: the Kepala PD (Sponsorship), a Kepala Bidang (Program), a Kepala Seksi (sub-teams)."""
    for pegawai, jabatan in [
        (world.kepala, "Kepala Dinas Uji X"),
        (world.kbk, "Kepala Bidang Uji"),
        (world.asn_b, "Kepala Seksi Uji"),
    ]:
        pegawai.jabatan = jabatan
        pegawai.save()


def test_a_new_member_can_review_and_loses_the_right_when_the_membership_ends(world):
    nominasi = helpers.nominasi(world, Status.PENELAAHAN)
    member = world.asn_b  # unit B, not the nominee's unit
    assert Pelaku.PENELAAH not in agen_services.nominasi_pelaku(nominasi, aktor=_fresh(member.user))
    anggota = services.anggota_kbk_tambah(
        world.pd_x, pegawai=member, peran=PeranKBK.objects.get(kode="QA"), aktor=world.kepala.user
    )
    peran = Peran.objects.get(user=member.user, jenis=Peran.Jenis.ANGGOTA_KBK)
    assert (anggota.peran_akses_id, peran.perangkat_daerah_id) == (peran.pk, world.pd_x.pk)
    assert lingkup(_fresh(member.user)).kbk_pd_ids == frozenset({world.pd_x.pk})
    agen_services.nominasi_transisi(nominasi, aksi=Aksi.LANJUTKAN, aktor=_fresh(member.user))
    services.anggota_kbk_akhiri(anggota, aktor=world.kepala.user)
    assert lingkup(_fresh(member.user)).kbk_pd_ids == frozenset()
    with pytest.raises(PermissionDenied):
        agen_services.nominasi_transisi(nominasi, aksi=Aksi.TOLAK, aktor=_fresh(member.user), catatan="x")


def test_program_sponsorship_gives_no_reviewer_right(world):
    services.anggota_kbk_tambah(
        world.pd_x, pegawai=world.kepala, peran=PeranKBK.objects.get(kode="SPONSOR"), aktor=world.kepala.user
    )
    assert Peran.objects.filter(user=world.kepala.user, jenis=Peran.Jenis.ANGGOTA_KBK).count() == 0


def test_existing_reviewer_peran_is_reused_not_duplicated(world):
    services.anggota_kbk_tambah(
        world.pd_x, pegawai=world.kbk, peran=PeranKBK.objects.get(kode="PROGRAM"), aktor=world.kepala.user
    )
    assert Peran.objects.filter(user=world.kbk.user, jenis=Peran.Jenis.ANGGOTA_KBK).count() == 1


def test_only_kepala_pd_or_admin_changes_the_team(world):
    with pytest.raises(PermissionDenied):
        services.anggota_kbk_tambah(
            world.pd_x, pegawai=world.asn_b, peran=PeranKBK.objects.get(kode="QA"), aktor=world.kbk.user
        )
    with pytest.raises(PermissionDenied):
        services.anggota_kbk_tambah(
            world.pd_x, pegawai=world.asn_b, peran=PeranKBK.objects.get(kode="QA"), aktor=world.outsider.user
        )
    services.anggota_kbk_tambah(
        world.pd_x, pegawai=world.asn_b, peran=PeranKBK.objects.get(kode="QA"), aktor=world.admin
    )
    assert AnggotaKBK.objects.count() == 1


def test_kbk_page_shows_the_chart_with_members(world, client_as):
    services.anggota_kbk_tambah(
        world.pd_x, pegawai=world.kepala, peran=PeranKBK.objects.get(kode="SPONSOR"), aktor=world.kepala.user
    )
    services.anggota_kbk_tambah(
        world.pd_x, pegawai=world.kbk, peran=PeranKBK.objects.get(kode="PROGRAM"), aktor=world.kepala.user
    )
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
    assert refused.status_code == 400
    assert AnggotaKBK.objects.count() == 1


# Every page: session, user, Peran and Pegawai (lingkup), session saved (savepoint, UPDATE, release) = 7;
# the KBK page adds: the PD, the active members (with pegawai, role), the Tabel 3.1 roles for the chart, its KBK,
# and for the add form (Kepala PD) the pegawai of the PD, the Tabel 3.1 roles and the Tabel 3.1 reference list.
@pytest.mark.parametrize("rows", [1, 3])
def test_kbk_page_queries(world, client_as, django_assert_num_queries, rows):
    members = [world.kbk, world.asn_b, world.kepala][:rows]
    for pegawai in members:
        services.anggota_kbk_tambah(
            world.pd_x,
            pegawai=pegawai,
            peran=PeranKBK.objects.get(kode="QA"),
            aktor=world.kepala.user,
            catatan_kesesuaian="uji",
        )
    client = client_as("kepala")
    # The 6 of a first request after login (session, user, pegawai; the roles come from the session, written at
    # login: apps/akun/fakta.py; session save: savepoint, update, release), the page's 7, the nav badge's 1.
    with django_assert_num_queries(6 + 7 + 1):
        response = client.get(reverse("kbk:detail", kwargs={"pk": world.pd_x.pk}))
    assert len(response.context["anggota"]) == rows


@pytest.mark.parametrize(
    ("kode", "jabatan", "sesuai"),
    [
        ("SPONSOR", "Kepala Dinas Kesehatan", True),
        ("SPONSOR", "Camat Amarasi", True),
        ("SPONSOR", "Kepala Bidang Mutasi", False),
        ("ADVISOR", "Sekretaris Dinas Kesehatan", True),
        ("ADVISOR", "Sekretaris BKPSDM", True),
        ("ADVISOR", "Sekretaris Daerah Kabupaten Kupang", False),
        ("ADVISOR", "Bendahara", False),
        ("PROGRAM", "Kepala Bagian Organisasi", True),
        ("PROJECT", "Analis Kebijakan Ahli Madya", True),
        ("PROJECT", "Kepala Seksi Pelayanan", False),
        ("DESIGN", "Kepala Sub Bagian Umum dan Kepegawaian", True),
        ("CHANGE", "Perencana Ahli Muda", True),
        ("QA", "Pengawas Sekolah", True),
        ("QA", "Pengadministrasi Umum", False),
    ],
)
def test_jabatan_fits_tabel_3_1(kode, jabatan, sesuai):
    assert jabatan_sesuai(kode, jabatan) is sesuai


def test_a_jabatan_that_does_not_fit_needs_a_confirmation_with_a_note(world, client_as):
    url = reverse("kbk:anggota_tambah", kwargs={"pk": world.pd_x.pk})
    client = client_as("kepala")
    advisor = PeranKBK.objects.get(kode="ADVISOR").pk
    response = client.post(url, {"pegawai": world.asn_b.pk, "peran": advisor})
    html = response.content.decode()
    assert response.status_code == 400
    assert "tidak sesuai Tabel 3.1 untuk peran Advisor (Sekretaris Dinas/Badan)" in html
    assert 'data-testid="peringatan-tabel-3-1"' in html
    assert AnggotaKBK.objects.count() == 0
    response = client.post(url, {"pegawai": world.asn_b.pk, "peran": advisor, "konfirmasi": "on"})
    assert response.status_code == 400 and "Tulis alasan" in response.content.decode()
    response = client.post(
        url, {"pegawai": world.asn_b.pk, "peran": advisor, "konfirmasi": "on", "catatan_kesesuaian": "Plt. Sekretaris"}
    )
    assert response.status_code == 302
    assert AnggotaKBK.objects.get().catatan_kesesuaian == "Plt. Sekretaris"


def test_tim_monev_members_get_the_role_pengarah_does_not(world):
    tim = TimMonev.objects.create(nomor_keputusan="100/KEP/2025", tanggal_keputusan=datetime.date(2025, 1, 6))
    J = AnggotaTimMonev.Jabatan
    AnggotaTimMonev.objects.create(tim=tim, pegawai=world.asn_b, jabatan=J.KETUA)
    AnggotaTimMonev.objects.create(tim=tim, pegawai=world.asn_y, jabatan=J.ANGGOTA)
    AnggotaTimMonev.objects.create(tim=tim, pegawai=world.kepala, jabatan=J.PENGARAH)
    services.tim_monev_sinkronkan_peran(tim)
    assert lingkup(_fresh(world.asn_b.user)).monev and lingkup(_fresh(world.asn_y.user)).monev
    assert not lingkup(_fresh(world.kepala.user)).monev
    services.tim_monev_sinkronkan_peran(tim)  # idempotent
    assert Peran.objects.filter(jenis=Peran.Jenis.TIM_MONEV, user=world.asn_b.user).count() == 1
    AnggotaTimMonev.objects.filter(pegawai=world.asn_y).delete()
    services.tim_monev_sinkronkan_peran(tim)
    assert not lingkup(_fresh(world.asn_y.user)).monev
    tim.aktif = False
    tim.save()
    services.tim_monev_sinkronkan_peran(tim)
    assert not lingkup(_fresh(world.asn_b.user)).monev


def test_tim_monev_roles_follow_the_admin_form(world, client):
    client.force_login(world.admin)
    data = {
        "nama": "Tim Monitoring, Evaluasi dan Pelaporan",
        "nomor_keputusan": "100/KEP/2026",
        "tanggal_keputusan": "2026-01-05",
        "aktif": "on",
        "anggota-TOTAL_FORMS": "1",
        "anggota-INITIAL_FORMS": "0",
        "anggota-MIN_NUM_FORMS": "0",
        "anggota-MAX_NUM_FORMS": "1000",
        "anggota-0-pegawai": world.asn_b.pk,
        "anggota-0-jabatan": "SEKRETARIS",
        "anggota-0-urutan": "1",
    }
    response = client.post(reverse("admin:kbk_timmonev_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert lingkup(_fresh(world.asn_b.user)).monev
