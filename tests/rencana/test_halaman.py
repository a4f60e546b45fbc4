"""The rencana pages as the agent and the Kepala PD post them: writing the plan and its rows, reports, problems,
and the refusals each page and service gives."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from apps.common.pdf import PdfRenderTimeoutError
from apps.rencana import services
from apps.rencana import views as rencana_views
from apps.rencana.models import BarisRencana, LaporanKemajuan, Permasalahan, RencanaTindak
from apps.rencana.workflow import Status, StatusMasalah
from tests.agen.kelompok import kelompok

from .helpers import BARIS_BAIK, agen, bulan, ke_status, rencana

pytestmark = pytest.mark.django_db


def _pesan(response) -> list[str]:
    """The messages shown on the page (those of earlier posts that were not followed come first)."""
    return [str(m) for m in response.context["messages"]]


def _bulan(d) -> str:
    return f"{d:%Y-%m}"


def test_the_agent_writes_a_plan_header_then_corrects_it(world, client_as):
    penetapan = agen(world)
    client = client_as("asn")
    mulai = bulan(timezone.localdate())
    response = client.post(
        reverse("rencana:rencana_tambah"),
        {
            "pemilik": f"agen:{penetapan.pk}",
            "judul": "Layanan tepat waktu",
            "mulai": _bulan(mulai),
            "selesai": _bulan(bulan(mulai, 2)),
        },
    )
    r = RencanaTindak.objects.get()
    assert response["Location"] == reverse("rencana:baris_tambah", kwargs={"pk": r.pk})
    assert (r.penetapan, r.judul, r.mulai, r.selesai, r.status, r.fokus) == (
        penetapan,
        "Layanan tepat waktu",
        mulai,
        bulan(mulai, 2),
        Status.DRAF,
        [],
    )
    response = client.post(
        reverse("rencana:rencana_ubah", kwargs={"pk": r.pk}),
        {"judul": "Layanan kepegawaian tepat waktu", "mulai": _bulan(mulai), "selesai": _bulan(bulan(mulai, 5))},
        follow=True,
    )
    assert _pesan(response)[-1] == "Tersimpan."
    r.refresh_from_db()
    assert (r.judul, r.selesai) == ("Layanan kepegawaian tepat waktu", bulan(mulai, 5))


def test_a_group_member_writes_the_groups_plan(world, client_as):
    grup = kelompok(world)
    client = client_as("asn_a1")
    page = client.get(reverse("rencana:rencana_tambah"))
    assert (f"kelompok:{grup.pk}", f"Rencana kelompok: {grup.nama}") in page.context["form"].fields["pemilik"].choices
    mulai = bulan(timezone.localdate())
    client.post(
        reverse("rencana:rencana_tambah"),
        {
            "pemilik": f"kelompok:{grup.pk}",
            "judul": "Rencana bersama",
            "mulai": _bulan(mulai),
            "selesai": _bulan(mulai),
        },
    )
    r = RencanaTindak.objects.get()
    assert (r.kelompok, r.penetapan, r.dibuat_oleh) == (grup, None, world.asn_a1.user)


def test_plan_header_services_refuse_bad_owners_and_months(world):
    penetapan = agen(world)
    grup = kelompok(world)
    mulai = bulan(timezone.localdate())
    with pytest.raises(ValueError):
        services.rencana_buat(aktor=world.asn.user, judul="x", mulai=mulai, selesai=mulai)
    with pytest.raises(PermissionDenied):  # asn is no member of the group
        services.rencana_buat(aktor=world.asn.user, judul="x", mulai=mulai, selesai=mulai, kelompok=grup)
    with pytest.raises(ValidationError) as exc:
        services.rencana_buat(
            aktor=world.asn.user, judul="x", mulai=bulan(mulai, 1), selesai=mulai, penetapan=penetapan
        )
    assert exc.value.message_dict == {"selesai": ["Bulan selesai harus sama dengan atau sesudah bulan mulai."]}
    r = rencana(world, penetapan, baris=0)
    with pytest.raises(ValidationError):
        services.rencana_ubah(r, aktor=world.asn.user, selesai=bulan(mulai, -1))
    with pytest.raises(ValueError):
        services.rencana_ubah(r, aktor=world.asn.user, status=Status.DISETUJUI)
    with pytest.raises(PermissionDenied):
        services.rencana_ubah(r, aktor=world.outsider.user, judul="diambil alih")
    r.refresh_from_db()
    assert (r.judul, r.selesai, r.status) == ("Layanan kepegawaian tepat waktu", bulan(mulai, 2), Status.DRAF)


def _data_baris(r, **extra) -> dict:
    data = {
        **{k: v for k, v in BARIS_BAIK.items() if k != "masuk_skp"},
        "waktu_mulai": _bulan(r.mulai),
        "waktu_selesai": _bulan(r.selesai),
        **extra,
    }
    return data


def test_rows_are_added_through_the_page_and_deleting_one_renumbers_the_rest(world, client_as):
    r = rencana(world, baris=0)
    client = client_as("asn")
    url = reverse("rencana:baris_tambah", kwargs={"pk": r.pk})
    response = client.post(url, _data_baris(r, sasaran="Sasaran satu", tambah_lagi="1"))
    assert response["Location"] == url
    response = client.post(url, _data_baris(r, sasaran="Sasaran dua"))
    assert response["Location"] == reverse("rencana:detail", kwargs={"pk": r.pk})
    client.post(url, _data_baris(r, sasaran="Sasaran tiga"))
    assert list(r.baris.order_by("nomor").values_list("nomor", "sasaran", "ditulis_oleh")) == [
        (1, "Sasaran satu", world.asn.pk),
        (2, "Sasaran dua", world.asn.pk),
        (3, "Sasaran tiga", world.asn.pk),
    ]
    response = client.post(reverse("rencana:baris_hapus", kwargs={"pk": r.pk, "nomor": 1}), follow=True)
    assert _pesan(response)[-1] == "Baris 1 dihapus."
    assert list(r.baris.order_by("nomor").values_list("nomor", "sasaran")) == [(1, "Sasaran dua"), (2, "Sasaran tiga")]


def test_a_row_of_another_plan_is_refused(world):
    r1 = rencana(world, baris=1)
    r2 = rencana(world, r1.penetapan, baris=0)
    with pytest.raises(PermissionDenied):
        services.baris_simpan(r2, aktor=world.asn.user, data={"sasaran": "x"}, nilai=[], baris=r1.baris.get())
    with pytest.raises(PermissionDenied):
        services.baris_simpan(r2, aktor=world.outsider.user, data={"sasaran": "x"}, nilai=[])
    assert BarisRencana.objects.filter(rencana=r2).count() == 0


def test_submitting_without_the_statement_is_refused(world, client_as):
    r = rencana(world)
    response = client_as("asn").post(reverse("rencana:ajukan", kwargs={"pk": r.pk}), {}, follow=True)
    assert _pesan(response) == ["Centang pernyataan bahwa rencana siap dikirim."]
    r.refresh_from_db()
    assert r.status == Status.DRAF


def test_the_monitoring_list_filters_by_status(world, client_as):
    draf = rencana(world)
    diajukan = ke_status(world, rencana(world, draf.penetapan), Status.DIAJUKAN)
    disetujui = ke_status(world, rencana(world, draf.penetapan), Status.DISETUJUI)
    url = reverse("rencana:daftar")

    def daftar(status) -> set[int]:
        return {x.pk for x in client_as("kepala").get(url, {"status": status}).context["page"]}

    assert daftar("DIAJUKAN") == {diajukan.pk}
    assert daftar("DISETUJUI") == {disetujui.pk}
    # An unknown status is no filter; drafts stay with their writers.
    assert daftar("tidak-ada") == {diajukan.pk, disetujui.pk}
    assert daftar("DRAF") == set()
    assert client_as("asn").get(url).status_code == 403


def test_a_second_new_version_is_refused_with_a_message(world, client_as):
    r = ke_status(world, rencana(world), Status.DISETUJUI)
    client = client_as("asn")
    url = reverse("rencana:versi_baru", kwargs={"pk": r.pk})
    baru = RencanaTindak.objects.get(pk=int(client.post(url)["Location"].rstrip("/").rsplit("/", 1)[-1]))
    assert (baru.versi_sebelumnya, baru.status) == (r, Status.DRAF)
    response = client.post(url, follow=True)
    assert _pesan(response)[-1] == "Versi baru rencana ini sudah ada; lanjutkan versi itu."
    assert RencanaTindak.objects.filter(versi_sebelumnya=r).count() == 1


def test_a_report_sent_through_the_page_is_acknowledged_once(world, client_as):
    r = ke_status(world, rencana(world), Status.DISETUJUI)
    b = r.baris.get()
    response = client_as("asn").post(
        reverse("rencana:laporan_tambah", kwargs={"pk": r.pk}),
        {"periode": r.mulai.isoformat(), f"realisasi_{b.pk}": "40", f"narasi_{b.pk}": "Berjalan.", "yakin": "on"},
    )
    lap = LaporanKemajuan.objects.get()
    assert response["Location"] == reverse("rencana:laporan_detail", kwargs={"pk": lap.pk})
    assert [(x.realisasi, x.capaian) for x in lap.realisasi.all()] == [(Decimal("40.00"), Decimal("50.0"))]
    url = reverse("rencana:laporan_ketahui", kwargs={"pk": lap.pk})
    client = client_as("kepala")
    assert _pesan(client.post(url, {"tanggapan": "Lanjutkan."}, follow=True)) == ["Laporan ditandai diketahui."]
    # Acknowledged once: the form is gone and a second post is refused.
    assert client.post(url, {"tanggapan": "Lagi."}).status_code == 403
    lap.refresh_from_db()
    assert lap.tanggapan == "Lanjutkan."


def test_report_services_refuse_a_future_period_and_missing_rows(world):
    r = ke_status(world, rencana(world, baris=2), Status.DISETUJUI)
    b1, _b2 = r.baris.all()
    with pytest.raises(ValidationError) as exc:
        services.laporan_kemajuan_kirim(r, aktor=world.asn.user, periode_mulai=bulan(r.selesai, 1), isian={})
    assert exc.value.message_dict == {"periode": ["Pilih periode laporan yang sudah dimulai."]}
    with pytest.raises(ValidationError) as exc:
        services.laporan_kemajuan_kirim(
            r, aktor=world.asn.user, periode_mulai=r.mulai, isian={b1.pk: (Decimal("1"), "x")}
        )
    assert exc.value.messages == ["Isi realisasi dan narasi setiap baris."]
    with pytest.raises(ValidationError) as exc:
        services.periksa_bukti("kosong.pdf", b"")
    assert exc.value.messages == ["Berkas kosong.pdf kosong."]
    assert LaporanKemajuan.objects.count() == 0


def test_a_problem_is_raised_through_the_page_answered_once_and_closed_by_the_agent(world, client_as):
    r = ke_status(world, rencana(world), Status.DISETUJUI)
    response = client_as("asn").post(
        reverse("rencana:masalah_tambah", kwargs={"pk": r.pk}),
        {"kepada": Permasalahan.Kepada.KEPALA_PD, "uraian": "Rekan enggan.", "usulan_solusi": "Apel pagi."},
    )
    m = Permasalahan.objects.get()
    assert response["Location"] == reverse("rencana:masalah_detail", kwargs={"pk": m.pk})
    assert (m.rencana, m.kepada, m.status) == (r, Permasalahan.Kepada.KEPALA_PD, StatusMasalah.TERBUKA)
    url = reverse("rencana:masalah_jawab", kwargs={"pk": m.pk})
    client = client_as("kepala")
    assert _pesan(client.post(url, {"arahan": ""}, follow=True)) == ["Arahan/solusi wajib diisi."]
    with pytest.raises(ValidationError):
        services.masalah_jawab(m, aktor=world.kepala.user, arahan="   ")
    assert _pesan(client.post(url, {"arahan": "Saya hadir di apel."}, follow=True)) == ["Arahan/solusi terkirim."]
    with pytest.raises(ValidationError) as exc:
        services.masalah_jawab(m, aktor=world.kepala.user, arahan="Lagi.")
    assert exc.value.messages == ["Permasalahan ini sudah dijawab."]
    with pytest.raises(PermissionDenied):
        services.masalah_tutup(m, aktor=world.outsider.user)
    with pytest.raises(PermissionDenied):
        services.masalah_ajukan(r, aktor=world.outsider.user, kepada="KEPALA_PD", uraian="x", usulan_solusi="x")
    m.refresh_from_db()
    assert (m.status, m.arahan) == (StatusMasalah.DIJAWAB, "Saya hadir di apel.")


def test_a_pdf_that_takes_too_long_is_a_503(world, client_as, monkeypatch):
    def lambat(*args, **kwargs):
        raise PdfRenderTimeoutError

    monkeypatch.setattr(rencana_views, "render_pdf", lambat)
    r = ke_status(world, rencana(world), Status.DISETUJUI)
    b = r.baris.get()
    lap = services.laporan_kemajuan_kirim(
        r, aktor=world.asn.user, periode_mulai=r.mulai, isian={b.pk: (Decimal("1"), "Berjalan.")}
    )
    client = client_as("asn")
    for url in (reverse("rencana:rencana_pdf", args=[r.pk]), reverse("rencana:laporan_pdf", args=[lap.pk])):
        response = client.get(url)
        assert (response.status_code, response.content.decode()) == (503, "PDF belum dapat dibuat; coba lagi.")
