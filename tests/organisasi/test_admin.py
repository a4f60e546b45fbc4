"""Registry admin: imports with a dry-run preview and explicit permissions, template, mutasi, corrections."""

import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from apps.organisasi.models import Pegawai, PermintaanPerbaikan, RiwayatUnit
from apps.organisasi.resources import PEGAWAI_COLUMNS
from tests.factories import UserFactory

from .spreadsheets import pegawai_rows, xlsx_bytes

IMPORT_URL = reverse("admin:organisasi_pegawai_import")
CONFIRM_URL = reverse("admin:organisasi_pegawai_process_import")
XLSX_FORMAT = "0"  # index of SafeXLSX in apps.common.import_formats.FORMATS


def _upload(client, data: bytes, name: str = "pegawai.xlsx"):
    return client.post(
        IMPORT_URL, {"format": XLSX_FORMAT, "resource": "0", "import_file": SimpleUploadedFile(name, data)}
    )


def test_admin_import_previews_then_writes_on_confirmation(world, client_as):
    client = client_as("admin")
    preview = _upload(client, xlsx_bytes(pegawai_rows(3, world.unit_a.kode)))

    assert preview.status_code == 200
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 0
    assert preview.context["ringkasan"] == {"baru": 3, "diperbarui": 0, "tidak_berubah": 0, "salah": 0}
    assert preview.content.decode().count('<td class="import-type">Baru</td>') == 3
    confirm = preview.context["confirm_form"]

    done = client.post(CONFIRM_URL, {name: confirm[name].value() for name in confirm.fields})

    assert done.status_code == 302
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor", user__isnull=True).count() == 3


def test_admin_import_lists_each_bad_row_with_row_column_reason_and_offers_no_confirmation(world, client_as):
    rows = pegawai_rows(5, world.unit_a.kode)
    rows[3][0] = int(rows[3][0])
    rows[4][7] = "ENTAH"

    preview = _upload(client_as("admin"), xlsx_bytes(rows))

    assert "confirm_form" not in preview.context
    assert [(r, c) for r, c, _ in preview.context["galat"]] == [(5, "nip"), (6, "kode_unit_kerja")]
    html = preview.content.decode()
    assert (
        "<tr><td>6</td><td>kode_unit_kerja</td><td>Unit kerja dengan kode &#x27;ENTAH&#x27; tidak ditemukan.</td></tr>"
        in html
    )
    assert "format kolom NIP sebagai Teks" in html
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 0


def test_admin_import_refuses_a_zip_bomb_in_the_form(world, client_as):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (100 * 1024 * 1024))

    response = _upload(client_as("admin"), buffer.getvalue())

    assert response.context["form"].errors["import_file"] == [
        "Isi berkas XLSX terlalu besar setelah diekstrak (kemungkinan zip bomb); ditolak."
    ]


def test_import_and_export_need_explicit_permissions(db, client):
    staff = UserFactory(username="staf", is_staff=True)
    staff.user_permissions.add(*Permission.objects.filter(codename__in=["view_pegawai", "change_pegawai"]))
    client.force_login(staff)
    assert client.get(IMPORT_URL).status_code == 403
    assert client.get(reverse("admin:organisasi_pegawai_export")).status_code == 403
    assert client.get(reverse("organisasi:impor_template")).status_code == 403

    staff.user_permissions.add(Permission.objects.get(codename="import_pegawai"))
    staff = type(staff).objects.get(pk=staff.pk)
    client.force_login(staff)
    assert client.get(IMPORT_URL).status_code == 200
    assert client.get(reverse("organisasi:impor_template")).status_code == 200


def test_template_has_the_exact_columns_and_a_text_nip_column(world, client_as):
    response = client_as("admin").get(reverse("organisasi:impor_template"))

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content))["pegawai"]
    assert [c.value for c in sheet[1]] == PEGAWAI_COLUMNS
    assert sheet["A2"].value == "199001012015031001"
    assert sheet["A2"].number_format == "@"
    assert sheet["A500"].number_format == "@"
    assert sheet["H2"].value == world.unit_a.kode


def test_export_neutralises_formulas_and_keeps_columns(world, client_as):
    world.asn.nama = "=HYPERLINK(1)"
    world.asn.save()
    response = client_as("admin").post(
        reverse("admin:organisasi_pegawai_export"),
        {"format": "1", "resource": "0", **{f"pegawairesource_{c}": "on" for c in PEGAWAI_COLUMNS}},
    )

    text = response.content.decode()
    assert text.splitlines()[0] == ",".join(PEGAWAI_COLUMNS)
    assert f"{world.asn.nip},'=HYPERLINK(1)," in text


def test_mutasi_from_the_admin_goes_through_the_service_and_keeps_history(world, client_as):
    url = reverse("admin:organisasi_pegawai_mutasi", args=[world.asn.pk])
    client = client_as("admin")
    assert client.get(url).status_code == 200

    response = client.post(url, {"unit_kerja": world.unit_b.pk, "mulai": "2026-02-01"})

    assert response.status_code == 302
    world.asn.refresh_from_db()
    assert world.asn.unit_kerja == world.unit_b
    assert list(RiwayatUnit.objects.filter(pegawai=world.asn).values_list("unit_kerja_id", "mulai")) == [
        (world.unit_b.pk, datetime.date(2026, 2, 1))
    ]


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:organisasi_perangkatdaerah_changelist",
        "admin:organisasi_unitkerja_changelist",
        "admin:organisasi_pegawai_changelist",
        "admin:organisasi_sanksidisiplin_changelist",
        "admin:organisasi_permintaanperbaikan_changelist",
        "admin:akun_peran_changelist",
        "admin:akun_kodeaktivasi_changelist",
        "admin:axes_accessattempt_changelist",
        "admin:organisasi_unitkerja_import",
        "admin:organisasi_perangkatdaerah_import",
    ],
)
def test_admin_pages_open(world, client_as, url_name):
    assert client_as("admin").get(reverse(url_name)).status_code == 200


def test_pegawai_admin_searches_by_nip_and_filters_by_pd(world, client_as):
    client = client_as("admin")
    found = client.get(reverse("admin:organisasi_pegawai_changelist"), {"q": world.asn_y.nip})
    by_pd = client.get(
        reverse("admin:organisasi_pegawai_changelist"), {"unit_kerja__perangkat_daerah__id__exact": world.pd_y.pk}
    )

    assert list(found.context["cl"].result_list) == [world.asn_y]
    assert sorted(p.nama for p in by_pd.context["cl"].result_list) == ["Asn Unit Y", "Kepala Dinas Y"]


def test_unit_admin_shows_the_tree_indented(world, client_as):
    html = client_as("admin").get(reverse("admin:organisasi_unitkerja_changelist")).content.decode()
    assert "— Seksi A1" in html


def test_asn_requests_a_correction_and_admin_resolves_it(world, client_as):
    response = client_as("asn").post(
        reverse("organisasi:profil"), {"data": "jabatan", "nilai_usulan": "Analis SDM Ahli Muda", "catatan": "SK 2026"}
    )
    assert response.status_code == 302
    permintaan = PermintaanPerbaikan.objects.get()
    assert (permintaan.pegawai, permintaan.status) == (world.asn, "DIAJUKAN")

    page = client_as("asn").get(reverse("organisasi:profil")).content.decode()
    assert "Jabatan: Analis SDM Ahli Muda" in page

    client_as("admin").post(
        reverse("admin:organisasi_permintaanperbaikan_changelist"),
        {"action": "tandai_selesai", "_selected_action": [permintaan.pk]},
    )
    permintaan.refresh_from_db()
    assert (permintaan.status, permintaan.diputus_oleh) == ("SELESAI", world.admin)


def test_correction_request_ignores_status_and_owner_in_the_post(world, client_as):
    client_as("asn").post(
        reverse("organisasi:profil"),
        {"data": "nama", "nilai_usulan": "Asn Benar", "status": "SELESAI", "pegawai": world.asn_y.pk},
    )
    assert list(PermintaanPerbaikan.objects.values_list("pegawai_id", "status")) == [(world.asn.pk, "DIAJUKAN")]


def test_admin_import_is_in_the_history_with_the_admin_as_author(world, client_as):
    client = client_as("admin")
    preview = _upload(client, xlsx_bytes(pegawai_rows(2, world.unit_a.kode)))
    confirm = preview.context["confirm_form"]
    client.post(CONFIRM_URL, {name: confirm[name].value() for name in confirm.fields})

    history = Pegawai.history.filter(nama__startswith="Pegawai Impor")
    assert list(history.order_by().values_list("history_type", "history_user", "history_change_reason").distinct()) == [
        ("+", world.admin.pk, "Impor pegawai: pegawai.xlsx")
    ]
    assert history.count() == 2


def test_admin_sees_failed_logins_in_the_axes_admin(world, client, client_as):
    for _ in range(5):
        client.post(reverse("akun:login"), {"username": "korban", "password": "salah"}, REMOTE_ADDR="10.9.9.9")

    page = client_as("admin").get(reverse("admin:axes_accessattempt_changelist"))

    assert [(a.username, a.ip_address, a.failures_since_start) for a in page.context["cl"].result_list] == [
        ("korban", "10.9.9.9", 5)
    ]
