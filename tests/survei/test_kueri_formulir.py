"""Queries of the form page and of a submission: few, and the same for 35 items as for 40 (bench/kirim.py)."""

import pytest

from apps.survei.models import Bagian, Butir, InstrumenVersi, Periode, Respon

from .helpers import buat_periode

pytestmark = pytest.mark.django_db


def periode_40_butir() -> Periode:
    """A test instrument of 40 items (10, 10, 20) and a periode on it."""
    versi = InstrumenVersi.objects.create(kode="UJI-40", nama="Uji 40 butir")
    nomor = 0
    for urutan, (kode, jumlah) in enumerate((("I", 10), ("II", 10), ("III", 20)), start=1):
        bagian = Bagian.objects.create(
            instrumen=versi, kode=kode, judul=f"Bagian {kode}", urutan=urutan, label_skala=["a", "b", "c", "d"]
        )
        for _ in range(jumlah):
            nomor += 1
            Butir.objects.create(bagian=bagian, nomor=nomor, teks=f"Butir uji {nomor}")
    periode = buat_periode("UJI40")
    Periode.objects.filter(pk=periode.pk).update(instrumen=versi)
    return Periode.objects.get(pk=periode.pk)


def lengkap(jumlah: int) -> dict[str, str]:
    return {"aksi": "kirim", **{f"p{n}": str(n % 4 + 1) for n in range(1, jumlah + 1)}}


@pytest.fixture(params=[35, 40], ids=["35-items", "40-items"])
def periode_n(request, world) -> tuple[Periode, int]:
    if request.param == 35:
        return buat_periode(), 35
    return periode_40_butir(), 40


# Both counts are for a logged-in ASN whose session was written less than a minute ago (the usual case: they came
# from the home page); when the last write is older, the request adds the session write (SAVEPOINT, UPDATE,
# RELEASE; BEGIN, UPDATE, COMMIT outside tests), once a minute at most. The instrument comes from the per-process
# cache of frozen versions (apps/survei/versi.py), filled by the first request.


@pytest.mark.parametrize("draf", [False, True], ids=["new", "draft"])
def test_form_page_queries_do_not_grow_with_the_items(client_as, periode_n, django_assert_num_queries, draf):
    """session, user, lingkup (the pegawai with whether they hold a role: no role query for an ASN without one),
    periode, the ASN's response (+ the draft's answers) = 5 (6). The privacy notice acknowledged (docs/pdp.md,
    «Pemberitahuan») is kept in the session at login: no query here."""
    periode, jumlah = periode_n
    client = client_as("asn")
    url = f"/survei/isi/{periode.kode}/"
    if draf:
        client.post(url, {"aksi": "draf", "p1": "2"})
    client.get(url)
    with django_assert_num_queries((6 if draf else 5) + 1):  # + the unread notices of the nav badge
        response = client.get(url)
    assert response.content.decode().count("<fieldset") == jumlah


@pytest.mark.parametrize("draf", [False, True], ids=["new", "after-a-draft"])
def test_submission_queries_do_not_grow_with_the_items(client_as, periode_n, django_assert_num_queries, draf):
    """session, user, lingkup (one query for an ASN without a role), periode; SAVEPOINT (BEGIN outside tests);
    create-or-lock the response (one INSERT ... ON CONFLICT DO UPDATE); upsert every answer (one INSERT); update
    the response; RELEASE (COMMIT) = 9."""
    periode, jumlah = periode_n
    client = client_as("asn")
    url = f"/survei/isi/{periode.kode}/"
    if draf:
        client.post(url, {"aksi": "draf", "p1": "2"})
    client.get(url)
    with django_assert_num_queries(9):
        response = client.post(url, lengkap(jumlah))
    assert response.status_code == 302
    respon = Respon.objects.get(periode=periode)
    assert (respon.status, respon.jawaban.count()) == (Respon.Status.TERKIRIM, jumlah)


def test_cached_fieldsets_show_group_headings_answers_and_errors(client_as, world):
    """The fieldsets rendered once per version carry the BerAKHLAK group headings, the ASN's own answers, and
    (rendered for the request) the error of each unanswered item after an incomplete "Kirim"."""
    periode = buat_periode()
    client = client_as("asn")
    url = f"/survei/isi/{periode.kode}/"
    text = client.get(url).content.decode()
    assert text.count("<h3") == 7 and " checked" not in text
    response = client.post(url, {"aksi": "kirim", "p1": "3", "p16": "1"})
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count("Butir ini belum dijawab.") == 33
    assert 'value="3" id="p1-3" checked' in text and 'value="1" id="p16-1" checked' in text
    assert '<fieldset class="butir card mb-2 border-danger" id="butir-2" aria-describedby="galat-p2">' in text
    assert text.count("<h3") == 7
    other = client_as("asn_b")
    assert " checked" not in other.get(url).content.decode()
