"""Import of the registry (docs/keputusan.md, «Registri dan impor» / «Kode aktivasi», docs/keamanan.md, «Kendali»): all-or-nothing, row/column/reason, upsert by NIP."""

import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from simple_history.utils import get_history_model_for_model

from apps.common.uploads import baca_tabel
from apps.organisasi.models import Pegawai, PerangkatDaerah, UnitKerja
from apps.organisasi.resources import (
    PegawaiResource,
    PerangkatDaerahResource,
    UnitKerjaResource,
    galat_baris,
    impor,
    ringkasan,
)
from tests.factories import PegawaiFactory, UnitKerjaFactory

from .spreadsheets import csv_bytes, pegawai_rows, xlsx_bytes

HistoricalPegawai = get_history_model_for_model(Pegawai)


@pytest.fixture
def unit(db) -> UnitKerja:
    return UnitKerjaFactory(kode="BKPSDM.02", nama="Bidang Pengembangan SDM")


def _import(data: bytes, name: str = "pegawai.xlsx", dry_run: bool = False):
    return impor(PegawaiResource, baca_tabel(name, data), dry_run=dry_run, file_name=name)


def test_1000_rows_with_bad_nip_in_row_500_write_nothing_and_name_row_500(unit, tmp_path, capsys):
    rows = pegawai_rows(999, unit.kode)
    # Spreadsheet row 500 is data row 499 (row 1 holds the column names): a month 13 in the NIP.
    rows[498][0] = rows[498][0][:12] + "13" + rows[498][0][14:]
    path = tmp_path / "pegawai.xlsx"
    path.write_bytes(xlsx_bytes(rows))

    with pytest.raises(CommandError) as exc:
        call_command("import_pegawai", str(path))

    assert Pegawai.objects.count() == 0
    assert HistoricalPegawai.objects.count() == 0
    assert str(exc.value) == "Berkas ditolak: 1 masalah; tidak ada data yang disimpan."
    assert capsys.readouterr().err == (
        "Baris 500, kolom nip: Digit 13-14 NIP PNS harus bulan pengangkatan CPNS 01-12.\n"
    )


def test_bad_row_of_1000_is_reported_with_row_column_and_reason(unit):
    rows = pegawai_rows(999, unit.kode)
    rows[498][0] = rows[498][0][:12] + "13" + rows[498][0][14:]

    result = _import(xlsx_bytes(rows))

    assert galat_baris(result) == [(500, "nip", "Digit 13-14 NIP PNS harus bulan pengangkatan CPNS 01-12.")]
    assert Pegawai.objects.count() == 0


@pytest.mark.slow
def test_good_5000_rows_imported_twice_add_exactly_5000(unit, tmp_path, capsys):
    path = tmp_path / "pegawai-5000.xlsx"
    path.write_bytes(xlsx_bytes(pegawai_rows(5000, unit.kode)))

    started = time.perf_counter()
    call_command("import_pegawai", str(path))
    first = time.perf_counter() - started
    call_command("import_pegawai", str(path))

    assert Pegawai.objects.count() == 5000
    assert Pegawai.objects.filter(user__isnull=True).count() == 5000
    # One history row per new pegawai, none for the unchanged second run.
    assert HistoricalPegawai.objects.count() == 5000
    assert capsys.readouterr().out == (
        "Selesai: 5000 baru, 0 diperbarui, 0 tidak berubah.\nSelesai: 0 baru, 0 diperbarui, 5000 tidak berubah.\n"
    )
    assert first < 60


def test_nip_stored_as_number_is_refused_with_text_format_hint(unit):
    rows = pegawai_rows(2, unit.kode)
    rows[1][0] = int(rows[1][0])

    result = _import(xlsx_bytes(rows))

    problems = galat_baris(result)
    assert [(row, column) for row, column, _ in problems] == [(3, "nip")]
    assert "format kolom NIP sebagai Teks" in problems[0][2]
    assert Pegawai.objects.count() == 0


def test_golongan_must_match_jenis_asn_and_unit_must_exist(unit):
    rows = pegawai_rows(3, unit.kode)
    rows[0][5] = "IX"  # a PPPK golongan on a PNS
    rows[1][7] = "TIDAK.ADA"
    rows[2][4] = "PPPK"  # a PNS NIP (digit 13-14 a month) on a PPPK row, golongan III/a too

    result = _import(xlsx_bytes(rows))

    assert galat_baris(result) == [
        (2, "golongan", "Golongan IX adalah golongan PPPK, tidak sesuai dengan jenis ASN PNS."),
        (3, "kode_unit_kerja", "Unit kerja dengan kode 'TIDAK.ADA' tidak ditemukan."),
        (4, "nip", "Digit 13 NI PPPK harus 2."),
        (4, "golongan", "Golongan III/a adalah golongan PNS, tidak sesuai dengan jenis ASN PPPK."),
    ]


def test_duplicate_nip_in_one_file_is_refused(unit):
    rows = pegawai_rows(3, unit.kode)
    rows[2][0] = rows[0][0]

    result = _import(csv_bytes(rows), name="pegawai.csv")

    assert galat_baris(result) == [(4, "nip", "NIP ganda: sudah ada di baris 2.")]


def test_wrong_columns_are_refused_before_any_row(unit, tmp_path, capsys):
    header = ["nip", "nama", "jenis_asn", "unit"]
    path = tmp_path / "salah.csv"
    path.write_bytes(csv_bytes([["1", "A", "PNS", "X"]], header=header))

    with pytest.raises(CommandError):
        call_command("import_pegawai", str(path))

    assert capsys.readouterr().err.startswith(
        "Berkas ditolak: Judul kolom salah (kolom wajib tidak ada: gelar_depan, gelar_belakang, golongan, jabatan, "
        "kode_unit_kerja, email, telepon; kolom tidak dikenal: unit)."
    )


def test_upsert_by_nip_updates_changed_rows_and_keeps_history(unit, capsys, tmp_path):
    existing = PegawaiFactory(nama="Nama Lama", unit_kerja=unit, user=None)
    rows = pegawai_rows(1, unit.kode) + [
        [existing.nip, "Nama Baru", "", "", "PNS", "III/b", "Analis", unit.kode, "baru@example.org", "0812"]
    ]
    path = tmp_path / "pegawai.csv"
    path.write_bytes(csv_bytes(rows))

    call_command("import_pegawai", str(path))

    existing.refresh_from_db()
    assert (existing.nama, existing.golongan.kode, existing.email) == ("Nama Baru", "III/b", "baru@example.org")
    assert Pegawai.objects.count() == 2
    assert list(existing.history.values_list("history_type", "nama")) == [("~", "Nama Baru"), ("+", "Nama Lama")]
    assert capsys.readouterr().out == "Selesai: 1 baru, 1 diperbarui, 0 tidak berubah.\n"


def test_dry_run_writes_nothing_and_reports_counts(unit, tmp_path, capsys):
    path = tmp_path / "pegawai.xlsx"
    path.write_bytes(xlsx_bytes(pegawai_rows(3, unit.kode)))

    call_command("import_pegawai", str(path), dry_run=True)

    assert Pegawai.objects.count() == 0
    assert capsys.readouterr().out == "Uji coba (tidak disimpan): 3 baru, 0 diperbarui, 0 tidak berubah.\n"


def test_command_exits_non_zero_on_a_refused_file(unit, tmp_path):
    import subprocess
    import sys

    path = tmp_path / "pegawai.xlsx"
    path.write_bytes(b"PK\x03\x04 bukan zip")
    done = subprocess.run(
        [sys.executable, "manage.py", "import_pegawai", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "Berkas ditolak: Isi berkas bukan XLSX yang sah." in done.stderr


def test_perangkat_daerah_and_units_import_by_kode_with_parent(db):
    pd_rows = csv_bytes([["DINKES", "Dinas Kesehatan", "Dinkes", "DINAS", ""]], header=PerangkatDaerahResource.COLUMNS)
    unit_rows = csv_bytes(
        [
            ["DINKES.01", "Sekretariat", "DINKES", "", "1"],
            ["DINKES.01.1", "Sub Bagian Umum", "DINKES", "DINKES.01", ""],
        ],
        header=UnitKerjaResource.COLUMNS,
    )

    pd_result = impor(PerangkatDaerahResource, baca_tabel("pd.csv", pd_rows), dry_run=False)
    unit_result = impor(UnitKerjaResource, baca_tabel("unit.csv", unit_rows), dry_run=False)
    again = impor(UnitKerjaResource, baca_tabel("unit.csv", unit_rows), dry_run=False)

    assert galat_baris(pd_result) == galat_baris(unit_result) == []
    sub = UnitKerja.objects.get(kode="DINKES.01.1")
    assert (sub.induk.kode, sub.perangkat_daerah.kode, sub.aktif) == ("DINKES.01", "DINKES", True)
    assert sub.path == f"/{sub.induk_id}/{sub.pk}/"
    assert PerangkatDaerah.objects.get(kode="DINKES").jenis == "DINAS"
    assert ringkasan(again) == {"baru": 0, "diperbarui": 0, "tidak_berubah": 2, "salah": 0}


def test_unit_import_reports_unknown_pd_and_parent_of_another_pd(db):
    PerangkatDaerah.objects.create(kode="A", nama="PD A", jenis="DINAS")
    PerangkatDaerah.objects.create(kode="B", nama="PD B", jenis="DINAS")
    rows = csv_bytes(
        [
            ["A.1", "Bidang A1", "A", "", ""],
            ["B.1", "Bidang B1", "B", "A.1", ""],
            ["C.1", "Bidang C1", "C", "", ""],
        ],
        header=UnitKerjaResource.COLUMNS,
    )

    result = impor(UnitKerjaResource, baca_tabel("unit.csv", rows), dry_run=False)

    assert galat_baris(result) == [
        (3, "kode_induk", "Unit induk harus di perangkat daerah yang sama."),
        (4, "kode_perangkat_daerah", "Perangkat daerah dengan kode 'C' tidak ditemukan."),
    ]
    assert UnitKerja.objects.count() == 0


def test_unit_changed_by_import_is_recorded_as_mutasi_from_today(unit, tmp_path):
    from django.utils import timezone

    from apps.organisasi.models import RiwayatUnit

    other = UnitKerjaFactory(kode="BKPSDM.03", perangkat_daerah=unit.perangkat_daerah)
    moved = PegawaiFactory(unit_kerja=unit, user=None)
    stays = PegawaiFactory(unit_kerja=unit, user=None)
    rows = [
        [p.nip, p.nama, "", "", "PNS", "III/a", p.jabatan, kode, "", ""]
        for p, kode in [(moved, other.kode), (stays, unit.kode)]
    ]
    path = tmp_path / "pegawai.csv"
    path.write_bytes(csv_bytes(rows))

    call_command("import_pegawai", str(path))

    assert list(RiwayatUnit.objects.values_list("pegawai_id", "unit_kerja_id", "mulai", "sampai")) == [
        (moved.pk, other.pk, timezone.localdate(), None)
    ]
