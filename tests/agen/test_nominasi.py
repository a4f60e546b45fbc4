"""Penjaringan awal: criteria (a) and (b) from the registry, checked at nomination and again at appointment."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from apps.agen import services
from apps.agen.models import Nominasi, Penetapan, RiwayatNominasi
from apps.agen.workflow import Aksi, Status
from apps.organisasi.models import SanksiDisiplin
from tests.factories import PegawaiFactory

from . import helpers

TODAY = timezone.localdate


def _sanksi(pegawai, mulai, selesai):
    return SanksiDisiplin.objects.create(
        pegawai=pegawai, tingkat="RINGAN", jenis="Teguran tertulis", mulai=mulai, selesai=selesai
    )


def test_a_person_with_an_active_sanction_cannot_be_nominated(world):
    _sanksi(world.asn, TODAY() - datetime.timedelta(days=10), TODAY() + datetime.timedelta(days=10))
    with pytest.raises(ValidationError) as exc:
        services.nominasi_usulkan(
            helpers.putaran(world),
            pegawai=world.asn,
            aktor=world.pimpinan.user,
            mekanisme="MUSYAWARAH",
            alasan=helpers.ALASAN,
        )
    mulai = (TODAY() - datetime.timedelta(days=10)).strftime("%d-%m-%Y")
    sampai = (TODAY() + datetime.timedelta(days=10)).strftime("%d-%m-%Y")
    assert exc.value.messages == [
        f"(b) Asn Unit A sedang menjalani hukuman disiplin (Teguran tertulis, {mulai} s.d. {sampai})."
    ]
    assert Nominasi.objects.count() == 0


def test_a_person_whose_sanction_ended_can_be_nominated(world):
    _sanksi(world.asn, TODAY() - datetime.timedelta(days=100), TODAY() - datetime.timedelta(days=1))
    nominasi = services.nominasi_usulkan(
        helpers.putaran(world),
        pegawai=world.asn,
        aktor=world.pimpinan.user,
        mekanisme="MUSYAWARAH",
        alasan=helpers.ALASAN,
    )
    assert nominasi.status == Status.MENUNGGU_KOMITMEN
    row = RiwayatNominasi.objects.get(nominasi=nominasi)
    assert (row.aksi, row.dari_status, row.ke_status, row.oleh_id) == (
        "usulkan",
        "",
        Status.MENUNGGU_KOMITMEN,
        world.pimpinan.user.pk,
    )


def test_an_inactive_person_cannot_be_nominated(world):
    world.asn.aktif = False
    world.asn.save()
    with pytest.raises(ValidationError) as exc:
        services.nominasi_usulkan(
            helpers.putaran(world),
            pegawai=world.asn,
            aktor=world.pimpinan.user,
            mekanisme="MUSYAWARAH",
            alasan=helpers.ALASAN,
        )
    assert exc.value.messages == ["(a) Asn Unit A tidak berstatus ASN aktif di registri."]


def test_a_unit_head_cannot_nominate_outside_their_units(world):
    with pytest.raises(PermissionDenied):
        services.nominasi_usulkan(
            helpers.putaran(world),
            pegawai=world.asn_b,
            aktor=world.pimpinan.user,
            mekanisme="MUSYAWARAH",
            alasan=helpers.ALASAN,
        )


def test_a_closed_round_refuses_nominations(world):
    putaran = helpers.putaran(world)
    putaran.ditutup = TODAY() - datetime.timedelta(days=1)
    putaran.dibuka = putaran.ditutup - datetime.timedelta(days=30)
    putaran.save()
    with pytest.raises(ValidationError) as exc:
        services.nominasi_usulkan(
            putaran, pegawai=world.asn, aktor=world.pimpinan.user, mekanisme="MUSYAWARAH", alasan=helpers.ALASAN
        )
    assert exc.value.messages == [f"Putaran rekrutmen {putaran} tidak sedang dibuka."]


def test_nominating_twice_in_a_round_is_refused(world):
    putaran = helpers.putaran(world)
    services.nominasi_usulkan(
        putaran, pegawai=world.asn, aktor=world.pimpinan.user, mekanisme="MUSYAWARAH", alasan=helpers.ALASAN
    )
    with pytest.raises(ValidationError):
        services.nominasi_usulkan(
            putaran, pegawai=world.asn, aktor=world.pimpinan.user, mekanisme="MUSYAWARAH", alasan=helpers.ALASAN
        )
    assert Nominasi.objects.count() == 1


def test_criteria_are_checked_again_at_appointment(world):
    nominasi = helpers.nominasi(world, Status.DIREKOMENDASIKAN)
    _sanksi(world.asn, TODAY(), None)
    with pytest.raises(ValidationError) as exc:
        services.nominasi_transisi(
            nominasi,
            aksi=Aksi.TETAPKAN,
            aktor=world.kepala.user,
            surat_keputusan=helpers.sk(world),
            peran=["KATALIS"],
            tugas="T",
        )
    assert exc.value.messages[0].startswith("(b) Asn Unit A sedang menjalani hukuman disiplin")
    nominasi.refresh_from_db()
    assert nominasi.status == Status.DIREKOMENDASIKAN
    assert Penetapan.objects.count() == 0


def test_the_picker_offers_only_eligible_asn_not_yet_nominated_and_refuses_the_others(world, client_as):
    helpers.putaran(world)
    _sanksi(world.asn, TODAY() - datetime.timedelta(days=1), None)
    other = PegawaiFactory(nama="Sudah Diusulkan", unit_kerja=world.unit_a)
    helpers.nominasi(world, Status.MENUNGGU_KOMITMEN, pegawai=other)
    client = client_as("pimpinan")
    offered = list(client.get(reverse("agen:nominasi_tambah")).context["form"].fields["pegawai"].queryset)
    assert offered == [world.asn_a1]  # not the sanctioned ASN, not the one already nominated, not the head
    data = {"pegawai": world.asn.pk, "mekanisme": "MUSYAWARAH"}
    for k in "cdef":
        data[f"kriteria_{k}"] = "on"
        data[f"alasan_{k}"] = helpers.ALASAN[k]
    response = client.post(reverse("agen:nominasi_tambah"), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["pegawai"]
    assert Nominasi.objects.count() == 1


def test_nomination_form_creates_a_nomination(world, client_as):
    helpers.putaran(world)
    data = {"pegawai": world.asn_a1.pk, "mekanisme": "PENILAIAN_PIMPINAN"}
    for k in "cdef":
        data[f"kriteria_{k}"] = "on"
        data[f"alasan_{k}"] = helpers.ALASAN[k]
    data["status"] = Status.DITETAPKAN  # never taken from POST
    response = client_as("pimpinan").post(reverse("agen:nominasi_tambah"), data)
    nominasi = Nominasi.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("agen:nominasi_detail", kwargs={"pk": nominasi.pk})
    assert (nominasi.pegawai, nominasi.status, nominasi.mekanisme, nominasi.alasan_f) == (
        world.asn_a1,
        Status.MENUNGGU_KOMITMEN,
        "PENILAIAN_PIMPINAN",
        "Membuat aplikasi antrean",
    )


def test_a_sanction_during_the_term_is_flagged_on_the_agents_list(world, client_as):
    nominasi = helpers.nominasi(world, Status.DITETAPKAN)
    _sanksi(world.asn, TODAY(), None)
    helpers.nominasi(world, Status.DITETAPKAN, pegawai=world.asn_a1)
    response = client_as("kepala").get(reverse("agen:daftar_agen"))
    assert response.content.decode().count('data-testid="peringatan-sanksi"') == 1
    assert nominasi.penetapan.status_masa == "AKTIF"


def test_term_state_is_computed_from_the_date(world):
    nominasi = helpers.nominasi(world, Status.DITETAPKAN)
    penetapan = nominasi.penetapan
    sk = penetapan.surat_keputusan
    assert penetapan.status_pada(sk.masa_selesai) == "AKTIF"
    assert penetapan.status_pada(sk.masa_selesai + datetime.timedelta(days=1)) == "BERAKHIR"
    assert penetapan.status_pada(sk.masa_mulai - datetime.timedelta(days=1)) == "BELUM_MULAI"


def test_a_kepala_pd_who_nominated_cannot_appoint_their_own_nominee(world):
    """docs/keamanan.md, «Kendali»: the nominator never decides on their own nomination."""
    from apps.agen.workflow import Pelaku
    from apps.akun.models import Peran

    Peran.objects.create(
        user=world.kepala.user,
        jenis=Peran.Jenis.PIMPINAN_UNIT,
        unit_kerja=world.unit_a,
        mulai=datetime.date(2024, 1, 1),
    )
    n = helpers.nominasi(world, status=Status.DIREKOMENDASIKAN, pengusul=world.kepala.user)
    assert services.nominasi_pelaku(n, aktor=world.kepala.user) == {Pelaku.PENGUSUL}
    other = helpers.nominasi(world, status=Status.DIREKOMENDASIKAN, pegawai=world.asn_a1)
    assert services.nominasi_pelaku(other, aktor=world.kepala.user) == {Pelaku.KEPALA_PD}


@pytest.mark.parametrize(
    "mulai, selesai",
    [(-400, -1), (1, 365)],
    ids=["term-ended", "term-not-begun"],
)
def test_appointing_under_an_sk_whose_term_does_not_cover_today_is_refused(world, mulai, selesai):
    n = helpers.nominasi(world, Status.DIREKOMENDASIKAN)
    sk = helpers.sk(
        world,
        nomor="800/LAMA",
        masa_mulai=TODAY() + datetime.timedelta(days=mulai),
        masa_selesai=TODAY() + datetime.timedelta(days=selesai),
    )
    with pytest.raises(ValidationError, match="tidak mencakup hari ini"):
        services.nominasi_transisi(
            n, aksi=Aksi.TETAPKAN, aktor=world.kepala.user, surat_keputusan=sk, peran=["KATALIS"], tugas="T"
        )
    n.refresh_from_db()
    assert (n.status, Penetapan.objects.count()) == (Status.DIREKOMENDASIKAN, 0)


def test_a_waiting_status_says_who_it_waits_for_and_the_kbk_step_is_first(world, client_as):
    n = helpers.nominasi(world, Status.KLARIFIKASI_PENGUSUL)
    page = client_as("pimpinan").get(reverse("agen:nominasi_detail", args=[n.pk])).content.decode()
    assert "menunggu jawaban pengusul" in page
    n2 = helpers.nominasi(world, Status.PENELAAHAN, pegawai=world.asn_a1)
    response = client_as("kbk").get(reverse("agen:nominasi_detail", args=[n2.pk]))
    first = response.context["forms"][0]
    assert (first[0], first[3], first[5]) == ("lanjutkan", True, True)
