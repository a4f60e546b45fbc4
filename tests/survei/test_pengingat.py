"""Reminders and participation (docs/keputusan.md, «Periode Formulir 1»): one reminder a day per group, to those who have not submitted,
never answers; a "belum" filter, percentages per unit and PD, a printable list and an XLSX."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from apps.notifikasi.models import Notifikasi
from apps.survei import services
from apps.survei.models import Pengingat
from apps.survei.pemberitahuan import PengingatDitolak, pengingat_kirim
from tests.survei.helpers import buat_periode, jawaban


def _penerima() -> set[int]:
    return set(Notifikasi.objects.filter(kunci__startswith="pengingat:").values_list("penerima_id", flat=True))


def test_the_unit_head_reminds_who_has_not_submitted_and_twice_in_a_day_is_refused(world):
    periode = buat_periode()
    services.respon_kirim(periode, pegawai=world.asn, answers=jawaban())
    n = pengingat_kirim(periode, kelompok=f"unit:{world.unit_a.pk}", aktor=world.pimpinan.user)
    # Unit A and its sub-unit A1: the head and the ASN of A1 (the ASN of A submitted).
    assert _penerima() == {world.pimpinan.user.pk, world.asn_a1.user.pk}
    assert n == 2
    with pytest.raises(PengingatDitolak, match="sudah dikirim hari ini"):
        pengingat_kirim(periode, kelompok=f"unit:{world.unit_a.pk}", aktor=world.pimpinan.user)
    assert Pengingat.objects.count() == 1


def test_a_unit_head_cannot_remind_another_unit_nor_a_pd(world):
    periode = buat_periode()
    for kelompok in (f"unit:{world.unit_b.pk}", f"pd:{world.pd_x.pk}", f"unit:{world.unit_y.pk}"):
        with pytest.raises(PengingatDitolak):
            pengingat_kirim(periode, kelompok=kelompok, aktor=world.pimpinan.user)
    assert Notifikasi.objects.count() == 0


def test_the_kepala_reminds_the_pd_through_the_page_and_the_second_click_says_why(world, client):
    periode = buat_periode()
    client.force_login(world.kepala.user)
    url = reverse("survei:pengingat", args=[periode.kode])
    response = client.post(url, {"kelompok": f"pd:{world.pd_x.pk}"}, follow=True)
    assert "Pengingat dikirim kepada" in response.content.decode()
    assert world.asn_y.user.pk not in _penerima()
    response = client.post(url, {"kelompok": f"pd:{world.pd_x.pk}"}, follow=True)
    assert "sudah dikirim hari ini" in response.content.decode()


def test_tim_monev_reminds_every_pd_below_a_percentage(world, client):
    periode = buat_periode()
    for p in (world.asn_y, world.outsider):
        services.respon_kirim(periode, pegawai=p, answers=jawaban())  # PD Y: 2 of 2 submitted; PD X: none
    client.force_login(world.monev.user)
    client.post(reverse("survei:pengingat", args=[periode.kode]), {"persen": "50"})
    assert set(Pengingat.objects.values_list("kelompok", flat=True)) >= {f"pd:{world.pd_x.pk}"}
    assert f"pd:{world.pd_y.pk}" not in set(Pengingat.objects.values_list("kelompok", flat=True))


def test_the_belum_filter_and_the_xlsx_list_names_and_status_safely(world, client):
    periode = buat_periode()
    world.asn_a1.nama = "=HYPERLINK(1)"
    world.asn_a1.save(update_fields=["nama"])
    services.respon_kirim(periode, pegawai=world.asn, answers=jawaban())
    client.force_login(world.pimpinan.user)
    page = client.get(reverse("survei:partisipasi", args=[periode.kode]) + "?status=belum").content.decode()
    assert world.asn.nama not in page
    assert "Kepala Bidang A" in page
    data = client.get(reverse("survei:partisipasi_xlsx", args=[periode.kode])).content
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    status = {r[1]: r[4] for r in rows[1:]}
    assert status[world.asn.nama_lengkap] == "Terkirim"
    assert all(not str(v).startswith("=") for r in rows for v in r if v)
    cetak = client.get(reverse("survei:partisipasi_cetak", args=[periode.kode])).content.decode()
    assert world.asn.nama_lengkap not in cetak and "Kepala Bidang A" in cetak
