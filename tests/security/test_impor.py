"""Imports: preview files (NIPs, names) never stay in a temporary folder; a big bad workbook is read as a
stream and its problems are capped at 1,000 listed plus a count (issue items "Import previews leave uploaded
files", "A 20,000-row bad workbook held a worker for 85 s")."""

import os
import tempfile
import time

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from apps.organisasi.models import Pegawai
from tests.organisasi.spreadsheets import pegawai_rows, xlsx_bytes

IMPORT_URL = reverse("admin:organisasi_pegawai_import")
CONFIRM_URL = reverse("admin:organisasi_pegawai_process_import")


@pytest.fixture(autouse=True)
def preview_dir(settings, tmp_path, monkeypatch):
    """The preview folder, and the system temporary folder too (where django-import-export keeps them by default)."""
    settings.IMPORT_PREVIEW_DIR = tmp_path / "pratinjau"
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    return tmp_path


def _files(root) -> list[str]:
    """Files left in the preview folder or the temporary folder."""
    return sorted(p.name for p in root.rglob("*") if p.is_file() and p.parent.name in ("pratinjau", "tmp"))


def _upload(client, data: bytes):
    return client.post(
        IMPORT_URL, {"format": "0", "resource": "0", "import_file": SimpleUploadedFile("pegawai.xlsx", data)}
    )


def _confirm_data(preview) -> dict:
    confirm = preview.context["confirm_form"]
    return {name: confirm[name].value() for name in confirm.fields}


def test_preview_file_is_deleted_after_confirm(world, client_as, preview_dir):
    client = client_as("admin")
    preview = _upload(client, xlsx_bytes(pegawai_rows(2, world.unit_a.kode)))
    assert len(_files(preview_dir)) == 1

    assert client.post(CONFIRM_URL, _confirm_data(preview)).status_code == 302
    assert _files(preview_dir) == []
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 2


def test_preview_file_is_deleted_after_cancel(world, client_as, preview_dir):
    client = client_as("admin")
    preview = _upload(client, xlsx_bytes(pegawai_rows(2, world.unit_a.kode)))
    name = _confirm_data(preview)["import_file_name"]
    assert _files(preview_dir) == [name]
    assert f'name="import_file_name" value="{name}"' in preview.content.decode()

    assert client.post(reverse("admin:organisasi_pegawai_import_batal"), {"import_file_name": name}).status_code == 302
    assert _files(preview_dir) == []
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 0


def test_refused_file_is_not_kept(world, client_as, preview_dir):
    rows = pegawai_rows(3, world.unit_a.kode)
    rows[1][7] = "ENTAH"
    preview = _upload(client_as("admin"), xlsx_bytes(rows))
    assert "confirm_form" not in preview.context
    assert _files(preview_dir) == []


def test_unconfirmed_previews_expire_after_an_hour(world, client_as, preview_dir):
    client = client_as("admin")
    _upload(client, xlsx_bytes(pegawai_rows(1, world.unit_a.kode)))
    [old] = _files(preview_dir)
    an_hour_ago = time.time() - 3601
    os.utime(preview_dir / "pratinjau" / old, (an_hour_ago, an_hour_ago))

    call_command("bersihkan_pratinjau", stdout=open(os.devnull, "w"))
    assert _files(preview_dir) == []

    _upload(client, xlsx_bytes(pegawai_rows(1, world.unit_a.kode, start=10)))
    [recent] = _files(preview_dir)
    os.utime(preview_dir / "pratinjau" / recent, (an_hour_ago, an_hour_ago))
    _upload(client, xlsx_bytes(pegawai_rows(1, world.unit_a.kode, start=20)))  # any import sweeps the folder
    assert recent not in _files(preview_dir)


def test_confirmation_cannot_name_another_file(world, client_as, tmp_path):
    secret = tmp_path / "rahasia.csv"
    secret.write_text("nip,nama\n")
    client = client_as("admin")
    preview = _upload(client, xlsx_bytes(pegawai_rows(1, world.unit_a.kode)))
    data = {**_confirm_data(preview), "import_file_name": "../rahasia.csv"}
    from django.test import Client

    raw = Client(raise_request_exception=False)
    raw.force_login(world.admin)
    assert raw.post(CONFIRM_URL, data).status_code == 400
    assert secret.exists()


def test_big_bad_workbook_is_streamed_and_its_problems_capped(world, client_as, monkeypatch):
    opened = []
    real = openpyxl.load_workbook

    def spy(*args, **kwargs):
        opened.append(kwargs.get("read_only"))
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    rows = pegawai_rows(1200, "TIDAK.ADA")  # one problem per row

    preview = _upload(client_as("admin"), xlsx_bytes(rows))

    assert opened == [True]  # read-only: rows come as a stream, the sheet is never built in memory
    assert len(preview.context["galat"]) == 1000
    assert preview.context["jumlah_galat"] == 1200
    assert preview.context["galat"][-1][0] == 1001  # spreadsheet row of the 1,000th bad data row
    html = preview.content.decode()
    assert html.count("<tr><td>") == 1000
    assert "dan 200 masalah lain" in html
    assert "1200 masalah ditemukan" in html
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 0


def test_import_command_lists_1000_problems_then_counts_the_rest(world, tmp_path, capsys):
    from django.core.management.base import CommandError

    path = tmp_path / "buruk.xlsx"
    path.write_bytes(xlsx_bytes(pegawai_rows(1005, "TIDAK.ADA")))
    with pytest.raises(CommandError, match="1005 masalah"):
        call_command("import_pegawai", str(path))
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1001
    assert err[-1] == "dan 5 masalah lain"
