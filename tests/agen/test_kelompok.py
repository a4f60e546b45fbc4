"""Kelompok Agen in the app (Lampiran BAB III 2.2.4-2.2.5): formed, edited and disbanded by the Kepala PD or the PD's KBK, from the
PD's active agents, with a history of who changed what; an SK may list a group in its appendix."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from apps.agen import services
from apps.agen.models import KelompokAgen, RiwayatKelompokAgen
from apps.agen.workflow import Status

from . import helpers
from .kelompok import agen_aktif, kelompok


def test_kepala_forms_a_group_through_the_page_and_history_names_the_members(world, client_as):
    a1, b = agen_aktif(world, world.asn_a1), agen_aktif(world, world.asn_b)
    response = client_as("kepala").post(
        reverse("agen:kelompok_tambah"),
        {"perangkat_daerah": world.pd_x.pk, "nama": "  Tim  Layanan ", "anggota": [a1.pk, b.pk]},
    )
    grup = KelompokAgen.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("agen:kelompok_detail", kwargs={"pk": grup.pk})
    assert grup.nama == "Tim Layanan"
    assert set(grup.anggota.all()) == {a1, b}
    riwayat = list(grup.riwayat.all())
    assert [(r.aksi, r.oleh) for r in riwayat] == [(RiwayatKelompokAgen.Aksi.BENTUK, world.kepala.user)]
    assert riwayat[0].rincian == "Nama: Tim Layanan. Anggota: Asn Seksi A1, Asn Unit B."


def test_an_agent_whose_term_ended_cannot_join_and_the_message_names_them(world, client_as):
    a1 = agen_aktif(world, world.asn_a1)
    lalu = helpers.nominasi(world, Status.PENELAAHAN, pegawai=world.asn_b)
    kemarin = timezone.localdate() - datetime.timedelta(days=1)
    sk_lama = helpers.sk(
        world, nomor="800/LAMA", masa_mulai=kemarin - datetime.timedelta(days=400), masa_selesai=kemarin
    )
    from apps.agen.models import Penetapan

    berakhir = Penetapan.objects.create(
        nominasi=lalu, surat_keputusan=sk_lama, pegawai=world.asn_b, peran=["KATALIS"], tugas="Tugas"
    )
    with pytest.raises(ValidationError) as exc:
        services.kelompok_agen_bentuk(world.pd_x, nama="Tim", anggota=[a1, berakhir], aktor=world.kbk.user)
    assert exc.value.message_dict == {"anggota": ["Asn Unit B tidak sedang aktif sebagai agen."]}
    assert KelompokAgen.objects.count() == 0
    # The page does not even offer the ended agent.
    response = client_as("kbk").get(reverse("agen:kelompok_tambah"))
    assert list(response.context["form"].fields["anggota"].queryset) == [a1]


def test_agents_of_another_pd_and_a_single_member_are_refused(world):
    a1 = agen_aktif(world, world.asn_a1)
    from apps.agen.models import Penetapan

    nominasi_y = helpers.nominasi(world, Status.PENELAAHAN, pegawai=world.asn_y, pengusul=world.outsider.user)
    y = Penetapan.objects.create(
        nominasi=nominasi_y,
        surat_keputusan=helpers.sk(world, nomor="800/Y", pd=world.pd_y),
        pegawai=world.asn_y,
        peran=["KATALIS"],
        tugas="Tugas",
    )
    with pytest.raises(ValidationError) as exc:
        services.kelompok_agen_bentuk(world.pd_x, nama="Tim", anggota=[a1, y], aktor=world.kepala.user)
    assert exc.value.message_dict == {"anggota": ["Asn Unit Y bukan agen perangkat daerah ini."]}
    with pytest.raises(ValidationError) as exc:
        services.kelompok_agen_bentuk(world.pd_x, nama="Tim", anggota=[a1], aktor=world.kepala.user)
    assert exc.value.message_dict == {"anggota": ["Kelompok agen beranggotakan paling sedikit dua agen."]}


def test_only_kepala_and_kbk_of_the_pd_manage_groups(world):
    anggota = [agen_aktif(world, world.asn_a1), agen_aktif(world, world.asn_b)]
    for user in (world.pimpinan.user, world.asn_a1.user, world.monev.user, world.outsider.user):
        with pytest.raises(PermissionDenied):
            services.kelompok_agen_bentuk(world.pd_x, nama="Tim", anggota=anggota, aktor=user)
    grup = services.kelompok_agen_bentuk(world.pd_x, nama="Tim", anggota=anggota, aktor=world.kbk.user)
    with pytest.raises(PermissionDenied):
        services.kelompok_agen_bubarkan(grup, aktor=world.outsider.user, catatan="x")


def test_edit_records_renames_and_member_changes_and_a_no_change_writes_nothing(world):
    grup = kelompok(world)
    a1, b = sorted(grup.anggota.all(), key=lambda p: p.pegawai.nama)
    asn = agen_aktif(world, world.asn)
    services.kelompok_agen_ubah(grup, nama="Tim Baru", anggota=[a1, asn], aktor=world.kbk.user)
    services.kelompok_agen_ubah(grup, nama="Tim Baru", anggota=[a1, asn], aktor=world.kbk.user)
    grup.refresh_from_db()
    assert set(grup.anggota.all()) == {a1, asn}
    assert [(r.aksi, r.oleh, r.rincian) for r in grup.riwayat.all()][1:] == [
        (
            RiwayatKelompokAgen.Aksi.UBAH,
            world.kbk.user,
            "Nama: Kelompok Pelayanan Prima → Tim Baru. Anggota masuk: Asn Unit A. Anggota keluar: Asn Unit B.",
        )
    ]


def test_a_kbk_member_cannot_list_the_group_in_an_sk(world):
    grup = kelompok(world)
    sk = grup.anggota.first().surat_keputusan
    with pytest.raises(PermissionDenied):
        services.kelompok_agen_ubah(
            grup, nama=grup.nama, anggota=list(grup.anggota.all()), surat_keputusan=sk, aktor=world.kbk.user
        )


def test_disband_keeps_the_group_readable_frees_the_name_and_refuses_a_second_time(world, client_as):
    grup = kelompok(world)
    client = client_as("kepala")
    url = reverse("agen:kelompok_bubarkan", kwargs={"pk": grup.pk})
    response = client.post(url, {"catatan": "Tugas selesai"})
    assert response.status_code == 200
    assert "yakin" in response.context["form"].errors
    response = client.post(url, {"catatan": "Tugas selesai", "yakin": "on"})
    assert response.status_code == 302
    grup.refresh_from_db()
    assert grup.dibubarkan
    assert [r.aksi for r in grup.riwayat.all()] == ["BENTUK", "BUBARKAN"]
    with pytest.raises(ValidationError):
        services.kelompok_agen_bubarkan(grup, aktor=world.kepala.user, catatan="lagi")
    assert client.get(reverse("agen:kelompok_detail", kwargs={"pk": grup.pk})).status_code == 200
    assert client.get(reverse("agen:kelompok_ubah", kwargs={"pk": grup.pk})).status_code == 302
    baru = services.kelompok_agen_bentuk(
        world.pd_x, nama=grup.nama, anggota=list(grup.anggota.all()), aktor=world.kepala.user
    )
    assert baru.pk != grup.pk


def test_history_rows_are_append_only(world):
    riwayat = kelompok(world).riwayat.get()
    with pytest.raises(ValueError):
        riwayat.save()
    with pytest.raises(ValueError):
        RiwayatKelompokAgen.objects.all().delete()


def test_a_group_listed_in_an_sk_is_in_the_sk_page_and_its_pdf_appendix(world, client_as):
    grup = kelompok(world)
    sk = grup.anggota.order_by("pk").first().surat_keputusan
    services.kelompok_agen_ubah(
        grup, nama=grup.nama, anggota=list(grup.anggota.all()), surat_keputusan=sk, aktor=world.kepala.user
    )
    client = client_as("kepala")
    page = client.get(reverse("agen:sk_detail", kwargs={"pk": sk.pk})).content.decode()
    assert "Kelompok Pelayanan Prima" in page
    response = client.get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk}))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "KELOMPOK AGEN PERUBAHAN" in text
    assert "Kelompok Pelayanan Prima" in text
    assert f"Asn Seksi A1, NIP {world.asn_a1.nip}" in text
    assert f"Asn Unit B, NIP {world.asn_b.nip}" in text


def test_kelompok_list_query_count_is_the_same_for_one_and_three_groups(world, client_as, django_assert_num_queries):
    kelompok(world, nama="Satu")
    client = client_as("kepala")
    url = reverse("agen:kelompok_list")
    client.get(url)
    # session, user, pegawai (lingkup; the roles come from the session: apps/akun/fakta.py), count, page of groups,
    # members, their pegawai (the session was written by the first request, less than a minute ago: no idle-timeout
    # save).
    with django_assert_num_queries(7 + 1) as one:  # + the unread notices of the nav badge
        client.get(url)
    anggota = list(KelompokAgen.objects.get().anggota.all())
    for nama in ("Dua", "Tiga"):
        services.kelompok_agen_bentuk(world.pd_x, nama=nama, anggota=anggota, aktor=world.kepala.user)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)


def test_a_member_sees_their_group_and_the_home_page_links_it(world):
    grup = kelompok(world)
    client = Client()
    client.force_login(world.asn_a1.user)
    assert client.get(reverse("agen:kelompok_detail", kwargs={"pk": grup.pk})).status_code == 200
    assert list(client.get(reverse("agen:kelompok_list")).context["page"]) == [grup]
    assert reverse("agen:kelompok_list") in client.get(reverse("beranda")).content.decode()
    assert client.get(reverse("agen:kelompok_ubah", kwargs={"pk": grup.pk})).status_code == 403
    other = Client()
    other.force_login(world.asn.user)
    assert list(other.get(reverse("agen:kelompok_list")).context["page"]) == []
    assert reverse("agen:kelompok_list") not in other.get(reverse("beranda")).content.decode()
