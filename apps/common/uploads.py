"""Checks on an uploaded spreadsheet before any parser opens it (SECURITY "Input").

`periksa_unggahan(name, data)` refuses, with a message in Indonesian, a file that is too large, whose
extension or first bytes do not match XLSX or CSV, an XLSX (a zip) with too many entries or too much
uncompressed data (zip bomb), and an XLSX whose XML declares a DTD or entities (billion laughs, XXE).
Only then does `baca_tabel` open it, with openpyxl in read-only mode (which itself parses through
defusedxml when it is installed) or the csv module. Reusable by every app that accepts uploads.
"""

import csv
import io
import zipfile
from collections.abc import Iterable

import openpyxl
import tablib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ZIP_ENTRIES = 100
MAX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024
MAX_ROWS = 20_000
XLSX_MAGIC = b"PK\x03\x04"
XLSX = "xlsx"
CSV = "csv"
JENIS = (XLSX, CSV)


def jenis_berkas(name: str) -> str:
    """The kind of file by its extension (xlsx or csv); anything else is refused."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in JENIS:
        raise ValidationError(_("Jenis berkas tidak didukung: gunakan .xlsx atau .csv."))
    return ext


def periksa_unggahan(name: str, data: bytes) -> str:
    """Refuse unsafe or malformed uploads; return the kind ("xlsx" or "csv")."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s MB); paling besar %(max)s MB.")
            % {"size": round(len(data) / 1024 / 1024, 1), "max": MAX_UPLOAD_BYTES // 1024 // 1024}
        )
    if not data:
        raise ValidationError(_("Berkas kosong."))
    kind = jenis_berkas(name)
    if kind == XLSX:
        periksa_xlsx(data)
    else:
        periksa_csv(data)
    return kind


def periksa_csv(data: bytes) -> None:
    if data.startswith(XLSX_MAGIC) or b"\x00" in data:
        raise ValidationError(_("Isi berkas bukan CSV teks. Simpan sebagai CSV (UTF-8) atau unggah .xlsx."))
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Berkas CSV harus berupa teks UTF-8 (di Excel: Simpan sebagai CSV UTF-8)."))


def periksa_xlsx(data: bytes) -> None:
    if not data.startswith(XLSX_MAGIC):
        raise ValidationError(_("Isi berkas bukan XLSX yang sah."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ValidationError(_("Isi berkas bukan XLSX yang sah."))
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ValidationError(_("Berkas XLSX memuat terlalu banyak bagian; berkas ditolak."))
    # Python's zipfile never yields more than an entry's declared size, so the declared sizes bound
    # what openpyxl can decompress.
    if sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
        raise ValidationError(_("Isi berkas XLSX terlalu besar setelah diekstrak (kemungkinan zip bomb); ditolak."))
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels")):
            _periksa_xml(archive, entry)


def _periksa_xml(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """A DTD can only come before the root element: parse up to the first element with defusedxml."""
    try:
        with archive.open(entry) as stream:
            for _event in iterparse(stream, events=("start",), forbid_dtd=True):
                break
    except DefusedXmlException:
        raise ValidationError(_("Berkas XLSX memuat deklarasi XML yang dilarang (DTD/entitas); ditolak."))
    except Exception:
        raise ValidationError(_("Isi berkas XLSX rusak."))


def _normal_header(values: Iterable) -> list[str]:
    return [str(v).strip().lower() if v is not None else "" for v in values]


def _trim_trailing_blank(rows: list[list]) -> list[list]:
    while rows and all(v is None or (isinstance(v, str) and not v.strip()) for v in rows[-1]):
        rows.pop()
    return rows


def baca_tabel(name: str, data: bytes) -> tablib.Dataset:
    """Check `data`, then read its first sheet into a Dataset; header names lower-case, cells as stored.

    An XLSX cell keeps its type (a number stays int/float, so a NIP typed as a number can be refused).
    Data row i of the Dataset (1-based) is row i + 1 of the spreadsheet. Trailing blank rows are dropped.
    """
    kind = periksa_unggahan(name, data)
    if kind == XLSX:
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:
            raise ValidationError(_("Isi berkas XLSX rusak atau bukan lembar kerja."))
        try:
            rows = []
            for row in workbook.worksheets[0].iter_rows(values_only=True):
                rows.append(list(row))
                if len(rows) > MAX_ROWS + 1:
                    raise ValidationError(_("Berkas memuat lebih dari %(max)s baris.") % {"max": MAX_ROWS})
        finally:
            workbook.close()
    else:
        text = data.decode("utf-8-sig")
        rows = [list(r) for r in csv.reader(io.StringIO(text))]
        if len(rows) > MAX_ROWS + 1:
            raise ValidationError(_("Berkas memuat lebih dari %(max)s baris.") % {"max": MAX_ROWS})
    rows = _trim_trailing_blank(rows)
    if not rows:
        raise ValidationError(_("Berkas tidak memuat baris judul kolom."))
    header = _normal_header(rows[0])
    while header and header[-1] == "":
        header.pop()
    dataset = tablib.Dataset(headers=header)
    width = len(header)
    for row in rows[1:]:
        row = (row + [None] * width)[:width]
        dataset.append(row)
    return dataset
