"""Uploads are checked before openpyxl opens them (docs/keamanan.md, «Kendali»)."""

import io
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError

from apps.common.uploads import MAX_UPLOAD_BYTES, baca_tabel, periksa_unggahan
from tests.organisasi.spreadsheets import csv_bytes, xlsx_bytes

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">
<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


def _replace_in_xlsx(data: bytes, member: str, content: bytes) -> bytes:
    """A copy of the XLSX `data` with `member` replaced by `content`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == member else source.read(info.filename))
    return out.getvalue()


def _refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as exc:
        baca_tabel(name, data)
    return exc.value.messages[0]


def test_good_xlsx_and_csv_are_read_with_cell_types_kept():
    rows = [["198001012005011001", "Ani", "", "", "PNS", "III/a", "Analis", "U1", "", 812345]]

    from_xlsx = baca_tabel("p.xlsx", xlsx_bytes(rows))
    from_csv = baca_tabel("p.csv", csv_bytes(rows))

    assert from_xlsx.dict[0]["telepon"] == 812345
    assert from_csv.dict[0]["telepon"] == "812345"
    assert from_xlsx.dict[0]["nip"] == from_csv.dict[0]["nip"] == "198001012005011001"


def test_zip_bomb_is_refused_quickly():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        # 200 MB of zeros compress to about 200 KB.
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (200 * 1024 * 1024))
    bomb = buffer.getvalue()
    assert len(bomb) < MAX_UPLOAD_BYTES

    started = time.perf_counter()
    message = _refusal("bom.xlsx", bomb)

    assert time.perf_counter() - started < 1
    assert message == "Isi berkas XLSX terlalu besar setelah diekstrak (kemungkinan zip bomb); ditolak."


def test_zip_with_too_many_entries_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(500):
            archive.writestr(f"x/{n}.txt", b"")

    assert _refusal("banyak.xlsx", buffer.getvalue()) == "Berkas XLSX memuat terlalu banyak bagian; berkas ditolak."


def test_billion_laughs_inside_xlsx_is_refused_quickly():
    good = xlsx_bytes([["198001012005011001"]], header=["nip"])
    evil = _replace_in_xlsx(good, "xl/worksheets/sheet1.xml", BILLION_LAUGHS)

    started = time.perf_counter()
    message = _refusal("tawa.xlsx", evil)

    assert time.perf_counter() - started < 1
    assert message == "Berkas XLSX memuat deklarasi XML yang dilarang (DTD/entitas); ditolak."


def test_too_large_file_is_refused_before_parsing():
    assert _refusal("besar.csv", b"a" * (MAX_UPLOAD_BYTES + 1)) == "Berkas terlalu besar (5.0 MB); paling besar 5 MB."


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("data.exe", b"MZ", "Jenis berkas tidak didukung: gunakan .xlsx atau .csv."),
        ("data.xlsx", b"nip,nama\n", "Isi berkas bukan XLSX yang sah."),
        ("data.csv", b"PK\x03\x04rest", "Isi berkas bukan CSV teks. Simpan sebagai CSV (UTF-8) atau unggah .xlsx."),
        ("data.csv", b"nip\n\xff\xfe", "Berkas CSV harus berupa teks UTF-8 (di Excel: Simpan sebagai CSV UTF-8)."),
        ("data.csv", b"", "Berkas kosong."),
    ],
)
def test_extension_and_magic_bytes_must_agree(name, data, message):
    with pytest.raises(ValidationError) as exc:
        periksa_unggahan(name, data)
    assert exc.value.messages == [message]
