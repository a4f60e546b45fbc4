"""Filling in Formulir 1: drafts on the server, submission, the result page, closed periodes."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from apps.survei.models import Jawaban, Periode, Respon

from .helpers import buat_periode, jawaban, post_data

pytestmark = pytest.mark.django_db


def url(periode: Periode) -> str:
    return f"/survei/isi/{periode.kode}/"


def test_form_shows_instruction_header_and_35_fieldsets(client_as, world):
    periode = buat_periode()
    response = client_as("asn").get(url(periode))
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count("<fieldset") == 35
    assert text.count("<legend") == 35
    assert text.count('type="radio"') == 140
    assert "Isilah jawaban Saudara pada setiap kotak" in text
    assert "Dinas Uji X" in text and "Bidang A" in text
    assert '<label class="form-check-label" for="p16-1">1. Sangat tinggi</label>' in text
    assert '<progress id="kemajuan" class="w-100" max="35" value="0">' in text
    assert "<script>" not in text and 'style="' not in text


def test_draft_survives_logout_and_another_device(client_as, world):
    periode = buat_periode()
    first = client_as("asn")
    response = first.post(url(periode), post_data({1: 3, 2: 4, 16: 1}, aksi="draf:I"))
    assert response.status_code == 302
    assert response["Location"] == f"{url(periode)}#bagian-I"
    first.logout()
    other = Client()
    other.force_login(world.asn.user)
    text = other.get(url(periode)).content.decode()
    assert 'value="3" id="p1-3" checked' in text
    assert 'value="4" id="p2-4" checked' in text
    assert 'value="1" id="p16-1" checked' in text
    assert 'max="35" value="3"' in text
    respon = Respon.objects.get(pegawai=world.asn)
    assert respon.status == Respon.Status.DRAF
    assert dict(Jawaban.objects.filter(respon=respon).values_list("butir__nomor", "nilai")) == {1: 3, 2: 4, 16: 1}


def test_autosave_answers_json_and_updates_a_changed_answer(client_as, world):
    periode = buat_periode()
    client = client_as("asn")
    client.post(url(periode), post_data({1: 3}, aksi="draf"), headers={"X-Autosave": "1"})
    response = client.post(url(periode), post_data({1: 2, 5: 4}, aksi="draf"), headers={"X-Autosave": "1"})
    assert response.status_code == 200
    assert response.json() == {"ok": True, "terjawab": 2}
    assert dict(Jawaban.objects.filter(respon__pegawai=world.asn).values_list("butir__nomor", "nilai")) == {1: 2, 5: 4}


def test_submit_with_a_missing_item_keeps_every_answer_and_points_to_it(client_as, world):
    periode = buat_periode()
    answers = jawaban(2, 2, 2)
    del answers[7]
    del answers[20]
    response = client_as("asn").post(url(periode), post_data(answers))
    text = response.content.decode()
    assert response.status_code == 200
    assert 'href="#butir-7"' in text
    assert "2 butir belum dijawab" in text
    assert text.count(" checked") == 33
    assert 'id="galat-p7"' in text and 'id="galat-p20"' in text
    respon = Respon.objects.get(pegawai=world.asn)
    assert respon.status == Respon.Status.DRAF
    assert Jawaban.objects.filter(respon=respon).count() == 33


def test_submit_complete_stores_totals_unit_and_time(client_as, world):
    periode = buat_periode()
    response = client_as("asn").post(url(periode), post_data(jawaban(1, 3, 4)))
    respon = Respon.objects.get(pegawai=world.asn)
    assert response.status_code == 302
    assert response["Location"] == f"/survei/respon/{respon.pk}/"
    assert (respon.status, respon.total_1, respon.total_2, respon.total_3) == ("TERKIRIM", 10, 15, 80)
    assert (respon.unit_kerja, respon.perangkat_daerah) == (world.unit_a, world.pd_x)
    assert respon.dikirim_pada is not None


def test_submit_completes_a_saved_draft(client_as, world):
    periode = buat_periode()
    client = client_as("asn")
    answers = jawaban(2, 2, 2)
    client.post(url(periode), post_data({n: v for n, v in answers.items() if n <= 15}, aksi="draf"))
    client.post(url(periode), post_data({n: v for n, v in answers.items() if n > 15}))
    respon = Respon.objects.get(pegawai=world.asn)
    assert (respon.status, respon.total_1, respon.total_2, respon.total_3) == ("TERKIRIM", 20, 10, 40)


def test_result_page_shows_ts_ka_follow_up_and_answers(client_as, world):
    periode = buat_periode()
    client = client_as("asn")
    client.post(url(periode), post_data(jawaban(1, 2, 3)))
    respon = Respon.objects.get(pegawai=world.asn)
    text = client.get(f"/survei/respon/{respon.pk}/").content.decode()
    assert '<tr data-testid="hasil-I"><th scope="row">I</th><td class="fw-bold">10</td><td>BAIK</td>' in text
    assert '<tr data-testid="hasil-II"><th scope="row">II</th><td class="fw-bold">10</td><td>KURANG BAIK</td>' in text
    assert '<tr data-testid="hasil-III"><th scope="row">III</th><td class="fw-bold">60</td><td>KURANG BAIK</td>' in text
    assert "Untuk dipertahankan dan ditingkatkan" in text
    assert text.count("<strong>3. Cukup</strong>") == 20


def test_a_second_submit_keeps_one_response_and_shows_the_result(client_as, world):
    periode = buat_periode()
    client = client_as("asn")
    client.post(url(periode), post_data(jawaban(1, 1, 1)))
    response = client.post(url(periode), post_data(jawaban(4, 4, 4)), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/survei/respon/")
    assert "sudah terkirim" in response.content.decode()
    assert Respon.objects.filter(pegawai=world.asn).count() == 1
    assert Respon.objects.get(pegawai=world.asn).total_1 == 10


def test_a_submitted_form_cannot_be_changed_by_a_draft(client_as, world):
    periode = buat_periode()
    client = client_as("asn")
    client.post(url(periode), post_data(jawaban(1, 1, 1)))
    response = client.post(url(periode), post_data({1: 4}, aksi="draf"), headers={"X-Autosave": "1"})
    assert response.status_code == 409
    respon_url = f"/survei/respon/{Respon.objects.get().pk}/"
    assert response.json() == {"ok": False, "pesan": "Formulir ini sudah terkirim.", "url": respon_url}
    response = client.post(url(periode), post_data({1: 4}, aksi="draf"))
    assert response["Location"] == f"/survei/respon/{Respon.objects.get().pk}/"
    assert set(Jawaban.objects.filter(respon__pegawai=world.asn).values_list("nilai", flat=True)) == {1}


def test_after_the_close_date_nothing_is_accepted(client_as, world):
    today = timezone.localdate()
    periode = buat_periode(buka=today - datetime.timedelta(days=10), tutup=today - datetime.timedelta(days=1))
    response = client_as("asn").post(url(periode), post_data(jawaban()), follow=True)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Periode ini sudah tidak menerima jawaban. Jawaban Anda tidak disimpan." in text
    assert "Periode ini tidak menerima jawaban." in text
    assert Respon.objects.count() == 0


def test_the_close_date_itself_still_accepts(client_as, world):
    today = timezone.localdate()
    periode = buat_periode(buka=today, tutup=today)
    client_as("asn").post(url(periode), post_data(jawaban()))
    assert Respon.objects.get().status == "TERKIRIM"


def test_a_closed_periode_accepts_nothing_even_within_its_dates(client_as, world):
    periode = buat_periode(status=Periode.Status.DITUTUP)
    client_as("asn").post(url(periode), post_data(jawaban()))
    assert Respon.objects.count() == 0


def test_a_draft_periode_is_404(client_as, world):
    periode = buat_periode(status=Periode.Status.DRAFT)
    assert client_as("asn").get(url(periode)).status_code == 404


def test_status_and_scores_are_never_taken_from_post(client_as, world):
    periode = buat_periode()
    data = post_data(jawaban(4, 4, 4)) | {"status": "TERKIRIM", "total_1": "10", "pegawai": str(world.asn_b.pk)}
    data["aksi"] = "draf"
    client_as("asn").post(url(periode), data)
    respon = Respon.objects.get()
    assert (respon.pegawai, respon.status, respon.total_1) == (world.asn, "DRAF", None)


def test_list_shows_open_periodes_and_past_results(client_as, world):
    open_ = buat_periode("BUKA")
    closed = buat_periode("LAMA", status=Periode.Status.DITUTUP)
    client = client_as("asn")
    text = client.get("/survei/").content.decode()
    assert f'href="/survei/isi/{open_.kode}/">Isi formulir' in text
    assert f"Periode {closed.kode}" in text
    assert "Tidak mengisi" in text


def test_home_card_says_whether_the_asn_has_answered(client_as, world):
    periode = buat_periode()
    client = client_as("asn")
    assert "belum diisi" in client.get("/").content.decode()
    client.post(url(periode), post_data(jawaban()))
    home = client.get("/").content.decode()
    assert "sudah dikirim" in home
    respon = Respon.objects.get(periode=periode, pegawai=world.asn)
    assert f'<a href="/survei/respon/{respon.pk}/" data-testid="tautan-hasil-saya">Hasil saya</a>' in home


@pytest.mark.parametrize("persona", ["asn_a1", "pimpinan", "kepala", "monev", "outsider"])
def test_another_persona_never_sees_the_asns_draft(client, world, persona):
    periode = buat_periode()
    client.force_login(world.asn.user)
    client.post(url(periode), post_data(jawaban(3, 3, 3), aksi="draf"))
    respon = Respon.objects.get(pegawai=world.asn)
    client.force_login(getattr(world, persona).user)
    assert " checked" not in client.get(url(periode)).content.decode()
    assert client.get(f"/survei/respon/{respon.pk}/").status_code == 404


def test_kirim_sent_by_the_script_answers_with_the_result_url_or_the_missing_items(client_as, world):
    periode = buat_periode()
    client = client_as("asn")
    response = client.post(url(periode), post_data({1: 4}, aksi="kirim"), headers={"X-Autosave": "1"})
    assert (response.status_code, response.json()["kurang"]) == (409, True)
    response = client.post(url(periode), post_data(jawaban(2, 2, 2), aksi="kirim"), headers={"X-Autosave": "1"})
    assert response.json() == {"ok": True, "url": f"/survei/respon/{Respon.objects.get().pk}/"}


def test_the_service_worker_is_served_under_survei_as_javascript(client):
    response = client.get("/survei/sw.js")
    assert (response.status_code, response["Content-Type"]) == (200, "application/javascript; charset=utf-8")
    assert b"bk-formulir-v1" in response.content
