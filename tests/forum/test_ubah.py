"""Correcting a meeting record and a praktik baik entry: the writers of the PD forum may, everyone else may not."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from apps.forum import services
from apps.forum.selectors import Forum
from apps.nilai.models import Nilai
from tests.agen.kelompok import agen_aktif

from . import helpers


def test_kbk_corrects_a_meeting_record_and_its_attendees(world, client_as):
    pertemuan = helpers.pertemuan(world, dengan_lampiran=False)
    hadir = agen_aktif(world, world.asn_b)
    hari_ini = timezone.localdate()
    url = reverse("forum:pertemuan_ubah", kwargs={"pk": pertemuan.pk})
    response = client_as("kbk").post(
        url,
        {
            "tanggal": hari_ini.isoformat(),
            "topik": "Evaluasi piket layanan",
            "fasilitator": "Kepala Dinas X",
            "peserta": [hadir.pk],
            "catatan": "Piket diganti tiap pekan.",
        },
        follow=True,
    )
    assert response.redirect_chain == [(reverse("forum:pertemuan_detail", kwargs={"pk": pertemuan.pk}), 302)]
    assert [str(m) for m in response.context["messages"]] == ["Catatan pertemuan diperbarui."]
    pertemuan.refresh_from_db()
    assert (pertemuan.tanggal, pertemuan.topik, pertemuan.fasilitator, pertemuan.catatan) == (
        hari_ini,
        "Evaluasi piket layanan",
        "Kepala Dinas X",
        "Piket diganti tiap pekan.",
    )
    assert (pertemuan.diubah_oleh, pertemuan.dicatat_oleh) == (world.kbk.user, world.kbk.user)
    assert list(pertemuan.peserta.all()) == [hadir]


def test_an_invalid_meeting_correction_changes_nothing(world, client_as):
    pertemuan = helpers.pertemuan(world, dengan_lampiran=False)
    url = reverse("forum:pertemuan_ubah", kwargs={"pk": pertemuan.pk})
    response = client_as("kepala").post(url, {"tanggal": "", "topik": "", "fasilitator": "x", "catatan": "x"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"tanggal", "topik"}
    pertemuan.refresh_from_db()
    assert (pertemuan.topik, pertemuan.diubah_oleh) == ("Berbagi pengalaman layanan", None)


def test_only_the_writers_of_the_pd_forum_correct_its_records(world):
    pertemuan = helpers.pertemuan(world, dengan_lampiran=False)
    praktik = helpers.praktik(world)
    for user in (world.outsider.user, world.asn.user, world.monev.user):
        with pytest.raises(PermissionDenied):
            services.pertemuan_ubah(
                pertemuan,
                tanggal=timezone.localdate(),
                topik="diubah",
                fasilitator="x",
                peserta=[],
                catatan="x",
                aktor=user,
            )
        with pytest.raises(PermissionDenied):
            services.praktik_baik_ubah(
                praktik, judul="diubah", nilai=[], yang_dilakukan="x", hasil="x", kontak=praktik.kontak, aktor=user
            )
        with pytest.raises(PermissionDenied):
            services.lampiran_unggah(pertemuan, berkas=helpers.berkas(), aktor=user)
        with pytest.raises(PermissionDenied):
            services.praktik_baik_tulis(
                Forum(world.pd_x), judul="x", nilai=[], yang_dilakukan="x", hasil="x", kontak=None, aktor=user
            )
    pertemuan.refresh_from_db()
    praktik.refresh_from_db()
    assert (pertemuan.topik, praktik.judul, pertemuan.lampiran.count()) == (
        "Berbagi pengalaman layanan",
        "Layanan tanpa antre",
        0,
    )


def test_an_active_agent_corrects_a_praktik_baik_entry_and_its_values(world, client_as):
    praktik = helpers.praktik(world, kode_nilai=("MELAYANI",))
    agen_aktif(world, world.asn)
    nilai = list(Nilai.objects.filter(kode__in=["DISIPLIN", "AKUNTABEL"]).order_by("pk"))
    url = reverse("forum:praktik_ubah", kwargs={"pk": praktik.pk})
    response = client_as("asn").post(
        url,
        {
            "judul": "Loket tanpa antre",
            "nilai": [n.pk for n in nilai],
            "yang_dilakukan": "Nomor antrean lewat WhatsApp.",
            "hasil": "Waktu tunggu turun dari 40 ke 10 menit.",
            "kontak": praktik.kontak_id,
        },
    )
    assert response["Location"] == reverse("forum:praktik_detail", kwargs={"pk": praktik.pk})
    praktik.refresh_from_db()
    assert (praktik.judul, praktik.yang_dilakukan, praktik.hasil) == (
        "Loket tanpa antre",
        "Nomor antrean lewat WhatsApp.",
        "Waktu tunggu turun dari 40 ke 10 menit.",
    )
    assert (praktik.ditulis_oleh, praktik.diubah_oleh) == (world.kbk.user, world.asn.user)
    assert list(praktik.nilai.order_by("pk")) == nilai
