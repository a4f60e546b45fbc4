"""F3: comparing two views over time. Close the periode, read the report, reopen the periode, reopen one named
response, close again and read again: the difference was that person's totals."""

import re

import pytest
from django.urls import reverse

from apps.survei.models import Respon
from tests.hasil.data import isi_respon
from tests.survei.helpers import buat_periode

from .penyerang import baris

pytestmark = pytest.mark.django_db


def _laporan(client, kode: str) -> tuple[str, str]:
    """The report table without the active-ASN denominators (counted again at each close: not answers)."""
    html = client.get(reverse("laporan:pd", args=[kode, "PDX"])).content.decode()
    return re.sub(r" / \d+", "", html.split("<tbody", 1)[1].split("</tfoot>", 1)[0]), html


def test_f3_reopening_after_a_close_changes_no_printed_number(world, client_as):
    periode = buat_periode()  # open now, closes in ten days
    isi_respon(periode, world.unit_a, [(12, 6, 25), (14, 7, 30), (11, 6, 27)])
    isi_respon(periode, world.unit_b, [(20, 10, 40), (21, 11, 41), (17, 9, 44)])
    target = Respon.objects.filter(periode=periode, total_3=44).get()
    monev, admin = client_as("monev"), client_as("admin")  # the attacker holds every role

    monev.post(f"/survei/periode/{periode.kode}/status/DITUTUP/", {"catatan": ""})
    before, html = _laporan(monev, periode.kode)
    assert ("Seluruh PD", 6, True) in baris(html, "tfoot")

    admin.post(f"/survei/periode/{periode.kode}/status/DIBUKA/", {"catatan": "perpanjangan"})
    for client in (monev, admin):
        client.post(f"/survei/respon/{target.pk}/buka-kembali/", {"alasan": "koreksi"})
    monev.post(f"/survei/periode/{periode.kode}/status/DITUTUP/", {"catatan": ""})
    after, _ = _laporan(monev, periode.kode)

    assert Respon.objects.get(pk=target.pk).status == Respon.Status.TERKIRIM
    assert after == before


def test_f3_a_response_submitted_after_the_first_close_does_not_count(world, client_as):
    periode = buat_periode()
    isi_respon(periode, world.unit_a, [(12, 6, 25)] * 3)
    monev, admin = client_as("monev"), client_as("admin")
    monev.post(f"/survei/periode/{periode.kode}/status/DITUTUP/", {"catatan": ""})
    before, _ = _laporan(monev, periode.kode)
    admin.post(f"/survei/periode/{periode.kode}/status/DIBUKA/", {"catatan": "perpanjangan"})
    isi_respon(periode, world.unit_a, [(40, 20, 80)])  # one late person
    monev.post(f"/survei/periode/{periode.kode}/status/DITUTUP/", {"catatan": ""})
    after, _ = _laporan(monev, periode.kode)
    assert after == before


def test_f3_only_the_admin_reopens_a_closed_periode_with_a_reason(world, client_as):
    periode = buat_periode()
    client_as("monev").post(f"/survei/periode/{periode.kode}/status/DITUTUP/", {"catatan": ""})
    assert client_as("monev").get(f"/survei/periode/{periode.kode}/status/DIBUKA/").status_code == 403
    client_as("admin").post(f"/survei/periode/{periode.kode}/status/DIBUKA/", {"catatan": ""})
    periode.refresh_from_db()
    assert periode.status == "DITUTUP"
