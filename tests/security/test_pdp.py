"""The personal-data law in the product (UU 27/2022; docs/pdp.md): the privacy notice before Formulir 1 and in the
footer, the read audit, "Data saya", retention, and the NIP kept out of URLs and access logs."""

import datetime
import json
import re
import subprocess
from pathlib import Path

import pytest
from axes.models import AccessLog
from django.contrib.auth.models import Permission
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from apps.organisasi.models import AksesData, Pegawai, PemberitahuanDiterima, SanksiDisiplin
from apps.pdp.retensi import retensi_jalankan
from apps.survei import services as survei_services
from tests.factories import PegawaiFactory
from tests.survei.helpers import buat_periode, jawaban

ROOT = Path(__file__).resolve().parents[2]
PEMBERITAHUAN = "/pdp/pemberitahuan/"


def _masuk(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- The privacy notice, before Formulir 1 and in the footer ---


def test_the_privacy_notice_comes_before_the_first_formulir_1(world):
    buat_periode("UJI")
    baru = PegawaiFactory(unit_kerja=world.unit_a, user__pdp=False)
    client = _masuk(baru.user)

    first = client.get("/survei/isi/UJI/")
    assert (first.status_code, first["Location"]) == (302, PEMBERITAHUAN + "?next=%2Fsurvei%2Fisi%2FUJI%2F")
    page = client.get(first["Location"]).content.decode()
    assert 'name="next" value="/survei/isi/UJI/"' in page
    accepted = client.post(PEMBERITAHUAN, {"next": "/survei/isi/UJI/"})
    assert (accepted.status_code, accepted["Location"]) == (302, "/survei/isi/UJI/")
    assert client.get("/survei/isi/UJI/").status_code == 200
    assert list(PemberitahuanDiterima.objects.filter(user=baru.user).values_list("versi", flat=True)) == [
        PemberitahuanDiterima.VERSI
    ]


def test_the_acknowledgement_kept_in_the_session_holds_for_its_user_and_version_only(world, monkeypatch):
    """The form reads the acknowledgement from the session (set at login), not from the database: a new version
    of the notice is shown again at once, and another person in the same browser is asked for their own."""
    buat_periode("UJI")
    client = _masuk(world.asn.user)
    assert client.session[PemberitahuanDiterima.KUNCI_SESI] == [world.asn.user.pk, PemberitahuanDiterima.VERSI]
    assert client.get("/survei/isi/UJI/").status_code == 200

    monkeypatch.setattr(PemberitahuanDiterima, "VERSI", "2099-1")
    again = client.get("/survei/isi/UJI/")
    assert (again.status_code, again["Location"]) == (302, PEMBERITAHUAN + "?next=%2Fsurvei%2Fisi%2FUJI%2F")
    client.post(PEMBERITAHUAN, {"next": "/survei/isi/UJI/"})
    assert client.get("/survei/isi/UJI/").status_code == 200
    monkeypatch.undo()

    baru = PegawaiFactory(unit_kerja=world.unit_a, user__pdp=False)
    session = client.session
    session[PemberitahuanDiterima.KUNCI_SESI] = [world.asn.user.pk, PemberitahuanDiterima.VERSI]
    session.save()
    client.force_login(baru.user)
    assert client.get("/survei/isi/UJI/").status_code == 302


def test_the_notice_says_basis_purpose_data_who_sees_what_retention_dpo_and_rights(db):
    page = Client().get(PEMBERITAHUAN)
    text = re.sub(r"\s+", " ", page.content.decode())
    assert page.status_code == 200
    for heading in [
        "Dasar hukum",
        "Untuk apa",
        "Data yang disimpan",
        "Siapa melihat apa",
        "Berapa lama disimpan",
        "Hak Anda",
        "Pejabat pelindungan data pribadi",
    ]:
        assert f">{heading}</h2>" in text
    assert "UU 27/2022 Pasal 20 ayat (2) huruf e" in text
    assert "Jawaban Formulir 1 Anda hanya dapat dilihat oleh Anda sendiri." in text
    assert "kurang dari 3 responden" in text
    assert "dihapus 5 tahun setelah masa sanksinya berakhir" in text
    assert 'href="mailto:budaya-kerja@kupangkab.go.id"' in text


def test_the_footer_links_the_notice_on_every_page(world):
    assert 'href="/pdp/pemberitahuan/"' in Client().get("/akun/masuk/").content.decode()
    home = _masuk(world.asn.user).get("/").content.decode()
    assert 'href="/pdp/pemberitahuan/"' in home
    assert 'href="/pdp/data-saya/"' in home


def test_the_notice_never_sends_a_person_off_the_site(world):
    client = _masuk(world.asn.user)
    assert client.post(PEMBERITAHUAN, {"next": "https://evil.example/"})["Location"] == "/"


# --- The read audit ---


def test_reading_a_pegawai_page_is_recorded_with_reader_owner_and_path(world):
    client = _masuk(world.kepala.user)
    assert client.get(reverse("organisasi:pegawai_detail", args=[world.asn.pk])).status_code == 200
    row = AksesData.objects.get()
    assert (row.pembaca_id, row.subjek_id, row.jenis, row.objek, row.alamat) == (
        world.kepala.user.pk,
        world.asn.pk,
        "PEGAWAI",
        f"Pegawai {world.asn.pk}",
        f"/organisasi/pegawai/{world.asn.pk}/",
    )


def test_reading_a_response_an_export_and_the_admin_record_is_recorded(world):
    periode = buat_periode("UJI")
    respon = survei_services.respon_kirim(periode, pegawai=world.asn, answers=jawaban())
    _masuk(world.asn.user).get(reverse("survei:respon", args=[respon.pk]))
    _masuk(world.monev.user).get(reverse("survei:partisipasi_xlsx", args=["UJI"]))
    _masuk(world.admin).get(reverse("admin:organisasi_pegawai_change", args=[world.asn_b.pk]))
    rows = list(AksesData.objects.order_by("pk").values_list("pembaca_id", "subjek_id", "jenis", "objek"))
    assert rows == [
        (world.asn.user.pk, world.asn.pk, "RESPON", f"Respon {respon.pk}, periode UJI"),
        (world.monev.user.pk, None, "EKSPOR", "Partisipasi UJI (XLSX)"),
        (world.admin.pk, world.asn_b.pk, "PEGAWAI", f"Admin: pegawai {world.asn_b.pk}"),
    ]


def test_the_read_audit_is_append_only(world):
    _masuk(world.kepala.user).get(reverse("organisasi:pegawai_detail", args=[world.asn.pk]))
    row = AksesData.objects.get()
    row.objek = "diubah"
    with pytest.raises(ValueError):
        row.save()
    with pytest.raises(ValueError):
        row.delete()
    with pytest.raises(ValueError):
        AksesData.objects.update(objek="diubah")
    with pytest.raises(ValueError):
        AksesData.objects.all().delete()
    admin = _masuk(world.admin)
    assert admin.post(reverse("admin:organisasi_aksesdata_delete", args=[row.pk]), {"post": "yes"}).status_code == 403
    assert admin.get(reverse("admin:organisasi_aksesdata_add")).status_code == 403
    assert AksesData.objects.get().objek == f"Pegawai {world.asn.pk}"


def test_the_admin_searches_the_read_audit_by_owner_nip_and_others_cannot(world):
    _masuk(world.kepala.user).get(reverse("organisasi:pegawai_detail", args=[world.asn.pk]))
    _masuk(world.kepala.user).get(reverse("organisasi:pegawai_detail", args=[world.asn_b.pk]))
    url = reverse("admin:organisasi_aksesdata_changelist")
    found = _masuk(world.admin).get(url, {"q": world.asn.nip})
    assert found.status_code == 200
    assert [r.subjek_id for r in found.context["cl"].result_list] == [world.asn.pk]
    # A Kepala PD, even with staff status and the registry's view rights, is not the admin of the audit.
    world.kepala.user.is_staff = True
    world.kepala.user.save()
    world.kepala.user.user_permissions.add(Permission.objects.get(codename="view_pegawai"))
    assert _masuk(world.kepala.user).get(url).status_code == 403


# --- Data saya ---


@pytest.fixture
def dua_respon(world):
    periode = buat_periode("UJI")
    own = survei_services.respon_kirim(periode, pegawai=world.asn, answers=jawaban(1, 1, 1))
    survei_services.respon_kirim(periode, pegawai=world.pimpinan, answers=jawaban(4, 4, 4))
    return own


def test_data_saya_as_json_holds_the_persons_data_and_own_answers_only(world, dua_respon):
    response = _masuk(world.asn.user).get(reverse("pdp:data_saya_json"))
    data = json.loads(response.content)
    assert response["Content-Disposition"] == 'attachment; filename="data-saya.json"'
    assert data["pegawai"][0]["NIP"] == world.asn.nip
    assert data["pegawai"][0]["Unit kerja"] == "Bidang A"
    assert [(r["Periode"], r["TS I"], r["TS II"], r["TS III"]) for r in data["formulir1"]] == [("UJI", 10, 5, 20)]
    assert len(data["jawaban_UJI"]) == 35
    assert {j["Jawaban"] for j in data["jawaban_UJI"]} == {1}
    # The colleague (answers 4 throughout) appears nowhere.
    assert world.pimpinan.nip not in response.content.decode()
    assert world.pimpinan.nama not in response.content.decode()
    assert [a["Jenis"] for a in data["jejak_baca"]] == ["Data saya"]


def test_data_saya_page_and_pdf(world, dua_respon, tmp_path):
    client = _masuk(world.asn.user)
    page = client.get(reverse("pdp:data_saya")).content.decode()
    assert world.asn.nip in page
    assert world.pimpinan.nama not in page
    pdf = client.get(reverse("pdp:data_saya_pdf"))
    assert (pdf.status_code, pdf["Content-Type"], pdf.content[:5]) == (200, "application/pdf", b"%PDF-")
    path = tmp_path / "data-saya.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert world.asn.nip in text
    assert "Formulir 1 periode UJI: jawaban Anda" in text
    assert world.pimpinan.nip not in text
    assert list(AksesData.objects.values_list("objek", flat=True).order_by("pk")) == [
        "Data saya (halaman)",
        "Data saya (PDF)",
    ]


def test_data_saya_needs_a_login(db):
    for name in ["pdp:data_saya", "pdp:data_saya_pdf", "pdp:data_saya_json"]:
        assert Client().get(reverse(name)).status_code == 302


# --- Retention ---


def _keluar(pegawai: Pegawai, pada: datetime.datetime) -> None:
    pegawai.aktif = False
    pegawai.email = "keluar@example.org"
    pegawai.save()
    pegawai.history.filter(aktif=True).update(history_date=pada - datetime.timedelta(days=365))
    pegawai.history.filter(aktif=False).update(history_date=pada)


def test_retention_minimises_leavers_deletes_old_sanctions_audit_and_logs(world, settings):
    hari = datetime.date(2030, 6, 1)
    _keluar(world.asn_b, timezone.make_aware(datetime.datetime(2025, 5, 31, 12)))  # 5 years ago: minimised
    _keluar(world.asn_a1, timezone.make_aware(datetime.datetime(2025, 6, 2, 12)))  # not yet 5 years
    lama = SanksiDisiplin.objects.create(
        pegawai=world.asn, tingkat="RINGAN", jenis="Teguran", mulai="2024-01-01", selesai="2025-05-01"
    )
    baru = SanksiDisiplin.objects.create(
        pegawai=world.asn, tingkat="RINGAN", jenis="Teguran", mulai="2025-01-01", selesai="2025-07-01"
    )
    _masuk(world.kepala.user).get(reverse("organisasi:pegawai_detail", args=[world.asn.pk]))
    AksesData.objects.create(
        waktu=timezone.make_aware(datetime.datetime(2025, 1, 1)), pembaca_nama="x", jenis="PEGAWAI", objek="lama"
    )
    AccessLog.objects.create(
        username=world.asn.nip, ip_address="10.0.0.1", user_agent="", http_accept="", path_info="/"
    )
    AccessLog.objects.exclude(username=world.asn.nip).delete()  # the logins of this test (force_login)
    AccessLog.objects.filter(username=world.asn.nip).update(
        attempt_time=timezone.make_aware(datetime.datetime(2029, 5, 1))
    )

    assert retensi_jalankan(hari) == {
        "pegawai_keluar_diminimalkan": 1,
        "sanksi_dihapus": 1,
        "jejak_baca_dihapus": 1,
        "log_masuk_dihapus": 1,
        "pemberitahuan_dihapus": 0,
    }
    asn_b = Pegawai.objects.select_related("user").get(pk=world.asn_b.pk)
    assert (asn_b.email, asn_b.diminimalkan_pada, asn_b.user.is_active, asn_b.user.has_usable_password()) == (
        "",
        hari,
        False,
        False,
    )
    assert set(asn_b.history.values_list("email", flat=True)) == {""}
    assert Pegawai.objects.get(pk=world.asn_a1.pk).email == "keluar@example.org"
    assert list(SanksiDisiplin.objects.values_list("pk", flat=True)) == [baru.pk]
    assert SanksiDisiplin.history.filter(id=lama.pk).count() == 0
    assert list(AksesData.objects.values_list("objek", flat=True)) == [f"Pegawai {world.asn.pk}"]
    # Idempotent: the same day again changes nothing.
    assert set(retensi_jalankan(hari).values()) == {0}
    # Configurable: a shorter period for leavers reaches the second one.
    settings.RETENSI = {**settings.RETENSI, "pegawai_keluar_tahun": 4}
    assert retensi_jalankan(hari)["pegawai_keluar_diminimalkan"] == 1


def test_retention_is_a_step_of_kerja_harian(db):
    from apps.common import harian

    assert ("retensi_data_pribadi", "apps.pdp.retensi:retensi_jalankan") in harian.LANGKAH
    hasil = dict(harian.jalankan(datetime.date(2030, 6, 1)))
    assert hasil["retensi_data_pribadi"] == {
        "pegawai_keluar_diminimalkan": 0,
        "sanksi_dihapus": 0,
        "jejak_baca_dihapus": 0,
        "log_masuk_dihapus": 0,
        "pemberitahuan_dihapus": 0,
    }


# --- No NIP in an address or an access log ---


def test_the_staff_search_sends_the_nip_by_post_and_no_url_carries_it(world):
    client = _masuk(world.kepala.user)
    form = client.get(reverse("organisasi:pegawai_list")).content.decode()
    assert re.search(r'<form method="post"[^>]*role="search"', form)

    sent = client.post(reverse("organisasi:pegawai_list"), {"q": world.asn.nip})
    assert (sent.status_code, sent["Location"]) == (302, "/organisasi/pegawai/")
    result = client.get(sent["Location"])
    assert [p.pk for p in result.context["page"]] == [world.asn.pk]
    html = result.content.decode()
    urls = re.findall(r'(?:href|action|src)="([^"]*)"', html)
    assert [u for u in urls if world.asn.nip in u] == []
    # The NIP shows as text in the table (and in the search box), never in an address.
    assert html.count(world.asn.nip) == 2


def test_the_access_log_keeps_no_query_string():
    conf = (ROOT / "deploy/nginx/kupang-budaya.conf").read_text()
    formats = dict(re.findall(r"log_format\s+(\S+)\s+((?:'[^']*'\s*)+);", conf))
    assert list(formats) == ["kupang_tanpa_kueri"]
    fmt = formats["kupang_tanpa_kueri"]
    assert "$uri" in fmt
    for variable in ["$request ", '$request"', "$request_uri", "$args", "$query_string", "$arg_"]:
        assert variable not in fmt
    assert re.findall(r"^\s*access_log\s+(.+);", conf, re.M) == [
        "/var/log/nginx/kupang-budaya.access.log kupang_tanpa_kueri",  # the port-80 redirect keeps $request_uri
        "/var/log/nginx/kupang-budaya.access.log kupang_tanpa_kueri",
        "off",
        "off",
        "off",
    ]


@override_settings(DEBUG=False)
def test_no_page_of_the_app_puts_a_nip_in_a_link(world):
    """The person pages link by id: a NIP in an address would reach the access log."""
    client = _masuk(world.admin)
    pages = [reverse("organisasi:pegawai_list"), reverse("organisasi:pegawai_detail", args=[world.asn.pk])]
    for url in pages:
        html = client.get(url).content.decode()
        assert [u for u in re.findall(r'(?:href|action)="([^"]*)"', html) if re.search(r"\d{18}", u)] == []
