"""Edge cases of reading an uploaded table and of the import/export formats: blank rows and columns, too many rows,
a damaged XLSX, formulas neutralised on export."""

import io
import zipfile

import pytest
import tablib
from django.core.exceptions import ValidationError

from apps.common.import_formats import SafeCSV, SafeXLSX
from apps.common.uploads import MAX_ROWS, NamaAcak, baca_tabel
from tests.organisasi.spreadsheets import xlsx_bytes


def _refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as exc:
        baca_tabel(name, data)
    return exc.value.messages[0]


def test_trailing_blank_rows_and_header_cells_are_dropped():
    data = b"NIP, Nama ,,\n198001012005011001,Ani,,\n,,,\n , ,,\n"
    dataset = baca_tabel("p.csv", data)
    assert dataset.headers == ["nip", "nama"]
    assert [list(r) for r in dataset] == [["198001012005011001", "Ani"]]


def test_a_csv_of_blank_rows_has_no_header():
    assert _refusal("p.csv", b",,\n , \n") == "Berkas tidak memuat baris judul kolom."


def test_a_csv_with_more_rows_than_allowed_is_refused():
    data = b"nip\n" + b"1\n" * (MAX_ROWS + 1)
    assert _refusal("p.csv", data) == f"Berkas memuat lebih dari {MAX_ROWS} baris."
    assert len(baca_tabel("p.csv", b"nip\n" + b"1\n" * MAX_ROWS)) == MAX_ROWS


def test_a_zip_that_is_cut_short_is_not_an_xlsx():
    data = xlsx_bytes([["198001012005011001"]])
    assert _refusal("p.xlsx", data[: len(data) // 2]) == "Isi berkas bukan XLSX yang sah."


def test_an_xlsx_with_a_broken_xml_part_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", b"bukan xml")
    assert _refusal("p.xlsx", out.getvalue()) == "Isi berkas XLSX rusak."


def test_a_zip_that_is_no_workbook_is_refused_by_the_reader():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("catatan.xml", b"<catatan/>")
    assert _refusal("p.xlsx", out.getvalue()) == "Isi berkas XLSX rusak atau bukan lembar kerja."


def test_safe_csv_reads_text_and_bytes_alike():
    fmt = SafeCSV()
    assert fmt.get_read_mode() == "rb"
    from_text = fmt.create_dataset("nip,nama\n1,Ani\n")
    from_bytes = fmt.create_dataset(b"nip,nama\n1,Ani\n")
    assert from_text.dict == from_bytes.dict == [{"nip": "1", "nama": "Ani"}]


def test_safe_xlsx_export_neutralises_formulas_and_keeps_numbers():
    dataset = tablib.Dataset(["=1+1", 5, "Ani"], headers=["rumus", "angka", "nama"])
    exported = SafeXLSX().export_data(dataset)
    back = baca_tabel("e.xlsx", exported)
    assert back.headers == ["rumus", "angka", "nama"]
    assert list(back[0]) == ["'=1+1", 5, "Ani"]


def test_random_names_of_the_same_folder_are_equal_for_migrations():
    assert NamaAcak("forum") == NamaAcak("forum")
    assert NamaAcak("forum") != NamaAcak("rencana")
    assert NamaAcak("forum") != "forum"
