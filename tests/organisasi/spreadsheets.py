"""Spreadsheets built in the test: pegawai rows, XLSX and CSV bytes."""

import csv
import io

from openpyxl import Workbook

from apps.organisasi.resources import PEGAWAI_COLUMNS
from tests.factories import valid_nip


def pegawai_rows(count: int, unit_kode: str, start: int = 1) -> list[list]:
    """`count` valid rows; NIPs differ for every n in start..start+count-1 (n up to 99,999)."""
    rows = []
    for n in range(start, start + count):
        nip = valid_nip("PNS", n % 999 + 1)
        # Vary the birth date part by n so every NIP is distinct.
        nip = f"{1950 + n % 40:04d}{n // 40 % 12 + 1:02d}{n // 480 % 28 + 1:02d}" + nip[8:]
        rows.append([nip, f"Pegawai Impor {n}", "", "S.E.", "PNS", "III/a", "Analis", unit_kode, "", ""])
    return rows


def xlsx_bytes(rows: list[list], header: list[str] = PEGAWAI_COLUMNS, judul: list[list] | None = None) -> bytes:
    """An XLSX; `judul` rows (a report title, as some exports have) come above the header row."""
    workbook = Workbook()
    sheet = workbook.active
    for row in judul or []:
        sheet.append(row)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], header: list[str] = PEGAWAI_COLUMNS, pemisah: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=pemisah)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()
