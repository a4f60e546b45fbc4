"""Rounds, SKs, pembinaan (3.1 a-e) and penghargaan (3.2) through their pages."""

import datetime

from django.urls import reverse
from django.utils import timezone

from apps.agen.models import Pembinaan, Penghargaan, PutaranRekrutmen, SuratKeputusan
from apps.agen.workflow import Status

from . import helpers


def test_pembinaan_and_penghargaan_are_recorded_per_agent(world, client_as):
    agen = helpers.nominasi(world, Status.DITETAPKAN).penetapan
    client = client_as("kbk")
    client.post(
        reverse("agen:pembinaan_tambah", kwargs={"pk": agen.pk}),
        {
            "pembinaan-topik": "B",
            "pembinaan-bentuk": "SEMINAR",
            "pembinaan-judul": "Seminar pencegahan korupsi",
            "pembinaan-tanggal": "2026-04-02",
            "pembinaan-penyelenggara": "Inspektorat",
            "pembinaan-dicatat_oleh": world.kepala.user.pk,  # not a form field: ignored
        },
    )
    client.post(
        reverse("agen:penghargaan_tambah", kwargs={"pk": agen.pk}),
        {
            "penghargaan-jenis": "FASILITAS_KERJA",
            "penghargaan-uraian": "Laptop kerja",
            "penghargaan-tanggal": "2026-05-01",
        },
    )
    p = Pembinaan.objects.get()
    assert (p.penetapan, p.topik, p.bentuk, p.judul, p.tanggal, p.dicatat_oleh) == (
        agen,
        "B",
        "SEMINAR",
        "Seminar pencegahan korupsi",
        datetime.date(2026, 4, 2),
        world.kbk.user,
    )
    h = Penghargaan.objects.get()
    assert (h.penetapan, h.jenis, h.uraian, h.dicatat_oleh) == (agen, "FASILITAS_KERJA", "Laptop kerja", world.kbk.user)
    html = client.get(reverse("agen:agen_detail", kwargs={"pk": agen.pk})).content.decode()
    assert "Seminar pencegahan korupsi" in html
    assert "Laptop kerja" in html


def test_one_round_per_year_per_pd(world, client_as):
    year = timezone.localdate().year
    data = {"tahun": year, "dibuka": f"{year}-01-01", "ditutup": f"{year}-06-30"}
    client = client_as("kepala")
    client.post(reverse("agen:putaran_tambah"), data, follow=True)
    response = client.post(reverse("agen:putaran_tambah"), data, follow=True)
    assert PutaranRekrutmen.objects.filter(perangkat_daerah=world.pd_x).count() == 1
    assert [str(m) for m in response.context["messages"]] == [
        "Putaran rekrutmen tahun ini sudah ada di perangkat daerah ini."
    ]


def test_sk_is_signed_by_the_kepala_pd_and_its_number_is_unique(world, client_as):
    data = {"nomor": "800/1/2026", "tanggal": "2026-02-01", "masa_mulai": "2026-02-01", "masa_selesai": "2027-01-31"}
    client = client_as("kepala")
    client.post(reverse("agen:sk_tambah"), data)
    client.post(reverse("agen:sk_tambah"), data)
    sk = SuratKeputusan.objects.get()
    assert (sk.perangkat_daerah, sk.penandatangan, sk.masa_selesai) == (
        world.pd_x,
        world.kepala,
        datetime.date(2027, 1, 31),
    )


def test_kepala_of_pd_y_cannot_appoint_with_an_sk_of_pd_x(world, client_as):
    nominasi = helpers.nominasi(world, Status.DIREKOMENDASIKAN)
    response = client_as("outsider").get(reverse("agen:nominasi_tetapkan", kwargs={"pk": nominasi.pk}))
    assert response.status_code == 404


def test_asn_page_lists_own_nomination_for_commitment(world, client_as):
    nominasi = helpers.nominasi(world, Status.MENUNGGU_KOMITMEN)
    response = client_as("asn").get(reverse("agen:saya"))
    assert list(response.context["nominasi"]) == [nominasi]
    assert list(response.context["penetapan"]) == []
