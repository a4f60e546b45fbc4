"""State changes of Formulir 1: periode status (one function, history) and reopening a response."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from apps.survei import services
from apps.survei.models import InstrumenVersi, PembukaanKembali, Periode, Respon, RiwayatPeriode

from .helpers import buat_periode, jawaban

pytestmark = pytest.mark.django_db
S = Periode.Status


def test_open_close_reopen_and_finalise_write_history(world):
    actor = world.monev.user
    periode = buat_periode(status=S.DRAFT)
    services.periode_ubah_status(periode, ke=S.DIBUKA, aktor=actor, catatan="mulai")
    services.periode_ubah_status(periode, ke=S.DITUTUP, aktor=actor)
    assert periode.ditutup_pada is not None
    first_close = periode.ditutup_pertama_pada
    assert first_close == periode.ditutup_pada
    services.periode_ubah_status(periode, ke=S.DIBUKA, aktor=world.admin, catatan="diperpanjang")
    assert Periode.objects.get().ditutup_pada is None
    services.periode_ubah_status(periode, ke=S.DITUTUP, aktor=actor)
    services.periode_finalkan(periode, aktor=actor)
    assert Periode.objects.get().ditutup_pertama_pada == first_close
    rows = list(RiwayatPeriode.objects.order_by("pk").values_list("dari", "ke", "oleh", "catatan"))
    assert rows == [
        ("DRAFT", "DIBUKA", actor.pk, "mulai"),
        ("DIBUKA", "DITUTUP", actor.pk, ""),
        ("DITUTUP", "DIBUKA", world.admin.pk, "diperpanjang"),
        ("DIBUKA", "DITUTUP", actor.pk, ""),
        ("DITUTUP", "FINAL", actor.pk, ""),
    ]
    assert Periode.objects.get().status == S.FINAL


@pytest.mark.parametrize(
    ("dari", "ke"), [(S.DRAFT, S.DITUTUP), (S.DIBUKA, S.FINAL), (S.FINAL, S.DIBUKA), (S.DRAFT, S.FINAL)]
)
def test_a_transition_not_in_the_table_is_refused(world, dari, ke):
    periode = buat_periode(status=dari)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        if ke == S.FINAL:
            services.periode_finalkan(periode, aktor=world.monev.user)
        else:
            services.periode_ubah_status(periode, ke=ke, aktor=world.monev.user)
    assert Periode.objects.get().status == dari
    assert RiwayatPeriode.objects.count() == 0


def test_reopening_after_the_close_date_is_refused(world):
    today = timezone.localdate()
    periode = buat_periode(
        status=S.DITUTUP, buka=today - datetime.timedelta(days=9), tutup=today - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="Tanggal tutup sudah lewat"):
        services.periode_ubah_status(periode, ke=S.DIBUKA, aktor=world.admin, catatan="diperpanjang")


def test_only_the_admin_reopens_a_closed_periode_and_writes_why(world):
    periode = buat_periode(status=S.DITUTUP)
    with pytest.raises(PermissionDenied):
        services.periode_ubah_status(periode, ke=S.DIBUKA, aktor=world.monev.user, catatan="diperpanjang")
    with pytest.raises(ValidationError, match="alasan"):
        services.periode_ubah_status(periode, ke=S.DIBUKA, aktor=world.admin, catatan=" ")
    assert Periode.objects.get().status == S.DITUTUP


@pytest.mark.parametrize("persona", ["asn", "pimpinan", "kepala", "sekda"])
def test_only_tim_monev_or_admin_changes_a_periode(world, persona):
    periode = buat_periode(status=S.DRAFT)
    with pytest.raises(PermissionDenied):
        services.periode_ubah_status(periode, ke=S.DIBUKA, aktor=world.user(persona))


def test_status_change_through_the_confirmation_page(client_as, world):
    periode = buat_periode(status=S.DRAFT)
    client = client_as("monev")
    page = client.get(f"/survei/periode/{periode.kode}/status/DIBUKA/")
    assert "ubah status ke Dibuka?" in page.content.decode()
    assert Periode.objects.get().status == S.DRAFT
    response = client.post(f"/survei/periode/{periode.kode}/status/DIBUKA/", {"catatan": "siap"})
    assert response.status_code == 302
    assert Periode.objects.get().status == S.DIBUKA
    assert client.get(f"/survei/periode/{periode.kode}/status/FINAL/").status_code == 404


def test_monev_creates_a_periode_as_draft(client_as, world):
    data = {
        "kode": "2027",
        "nama": "Periode 2027",
        "instrumen": InstrumenVersi.objects.get().pk,
        "tanggal_buka": "2027-01-01",
        "tanggal_tutup": "2027-01-31",
        "status": "DIBUKA",
    }
    response = client_as("monev").post("/survei/periode/baru/", data)
    assert response.status_code == 302
    assert Periode.objects.get(kode="2027").status == S.DRAFT


def test_periode_with_close_before_open_is_refused(client_as, world):
    data = {
        "kode": "2027",
        "nama": "x",
        "instrumen": InstrumenVersi.objects.get().pk,
        "tanggal_buka": "2027-02-01",
        "tanggal_tutup": "2027-01-31",
    }
    response = client_as("monev").post("/survei/periode/baru/", data)
    assert response.status_code == 200
    assert "Tanggal tutup harus sama dengan atau sesudah tanggal buka." in response.content.decode()
    assert Periode.objects.count() == 0


def test_monev_reopens_a_response_with_a_reason(client_as, world):
    periode = buat_periode()
    respon = services.respon_kirim(periode, pegawai=world.asn, answers=jawaban())
    response = client_as("monev").post(f"/survei/respon/{respon.pk}/buka-kembali/", {"alasan": "salah pilih unit"})
    assert response.status_code == 302
    respon.refresh_from_db()
    assert (respon.status, respon.total_1, respon.dikirim_pada) == ("DRAF", None, None)
    log = PembukaanKembali.objects.get()
    assert (log.respon, log.oleh, log.alasan) == (respon, world.monev.user, "salah pilih unit")
    again = services.respon_kirim(periode, pegawai=world.asn, answers={})
    assert (again.status, again.total_1) == ("TERKIRIM", 20)


def test_reopening_needs_a_reason_and_an_open_periode(world):
    periode = buat_periode()
    respon = services.respon_kirim(periode, pegawai=world.asn, answers=jawaban())
    with pytest.raises(ValidationError, match="Alasan wajib diisi"):
        services.respon_buka_kembali(respon, aktor=world.monev.user, alasan="  ")
    Periode.objects.filter(pk=periode.pk).update(status=S.DITUTUP)
    with pytest.raises(ValidationError, match="Periode sudah tidak menerima jawaban"):
        services.respon_buka_kembali(respon, aktor=world.monev.user, alasan="alasan")
    assert Respon.objects.get().status == "TERKIRIM"


@pytest.mark.parametrize("rows", [1, 3])
def test_periode_list_query_count(client_as, world, django_assert_num_queries, rows):
    """Same queries at 1 and 3 periodes: session, user, lingkup pegawai (the roles come from the session:
    apps/akun/fakta.py), periodes with their version and submitted count (one query), the home-menu needs none;
    session save (savepoint, update, release)."""
    for i in range(rows):
        buat_periode(f"P{i}")
    client = client_as("monev")
    with django_assert_num_queries(7 + 1):  # + the unread notices of the nav badge
        response = client.get("/survei/periode/")
    assert response.content.decode().count('data-testid="periode-P') == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_asn_periode_list_query_count(client_as, world, django_assert_num_queries, rows):
    """Same queries at 1 and 3 periodes: session, user, lingkup (the pegawai; no role query for an ASN without
    one), own responses, periodes, the version of the first periode (links to the instrument); session save (3)."""
    for i in range(rows):
        buat_periode(f"P{i}")
    client = client_as("asn")
    with django_assert_num_queries(9 + 1):  # + the unread notices of the nav badge
        response = client.get("/survei/")
    assert response.content.decode().count("Isi formulir") == rows


def test_a_periode_cannot_be_opened_before_its_first_day(world):
    besok = timezone.localdate() + datetime.timedelta(days=1)
    periode = buat_periode(status=S.DRAFT, buka=besok, tutup=besok + datetime.timedelta(days=30))
    with pytest.raises(ValidationError) as refused:
        services.periode_ubah_status(periode, ke=S.DIBUKA, aktor=world.monev.user)
    assert refused.value.messages == [f"Periode baru dapat dibuka mulai tanggal buka {besok:%d-%m-%Y}."]
    assert (Periode.objects.get().status, RiwayatPeriode.objects.count()) == (S.DRAFT, 0)


def test_a_periode_cannot_be_opened_while_an_overlapping_one_is_open(world):
    buat_periode(kode="A", status=S.DIBUKA)
    kedua = buat_periode(kode="B", status=S.DRAFT)
    with pytest.raises(ValidationError) as refused:
        services.periode_ubah_status(kedua, ke=S.DIBUKA, aktor=world.monev.user)
    assert refused.value.messages == ["Periode Periode A masih dibuka pada tanggal yang sama; tutup dulu periode itu."]
    assert Periode.objects.get(kode="B").status == S.DRAFT


def test_a_periode_overlapping_another_is_refused_with_the_input_kept(client_as, world):
    lama = buat_periode(kode="2026", status=S.DIBUKA)
    data = {
        "kode": "2026-II",
        "nama": "Pengukuran susulan",
        "instrumen": InstrumenVersi.objects.get().pk,
        "tanggal_buka": lama.tanggal_tutup.isoformat(),
        "tanggal_tutup": (lama.tanggal_tutup + datetime.timedelta(days=20)).isoformat(),
    }
    response = client_as("monev").post("/survei/periode/baru/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        f"Tanggal bertumpang tindih dengan periode Periode 2026 ({lama.tanggal_buka:%d-%m-%Y} s.d. "
        f"{lama.tanggal_tutup:%d-%m-%Y})."
    ) in html
    assert 'value="Pengukuran susulan"' in html
    assert Periode.objects.count() == 1


def test_a_submission_stores_what_the_service_returns(world):
    """respon_kirim writes its fields in one plain statement: the stored row equals the returned object."""
    periode = buat_periode()
    sebelum = timezone.now()
    respon = services.respon_kirim(periode, pegawai=world.asn, answers=jawaban(1, 3, 4))
    stored = Respon.objects.get(pk=respon.pk)
    fields = ["status", "total_1", "total_2", "total_3", "unit_kerja_id", "perangkat_daerah_id", "dikirim_pada"]
    assert [getattr(stored, f) for f in fields] == [getattr(respon, f) for f in fields]
    unit = world.asn.unit_kerja
    assert (stored.status, stored.total_1, stored.total_2, stored.total_3) == ("TERKIRIM", 10, 15, 80)
    assert (stored.unit_kerja_id, stored.perangkat_daerah_id) == (unit.pk, unit.perangkat_daerah_id)
    assert sebelum <= stored.dikirim_pada <= timezone.now()
