"""Spreadsheet exports that are safe to open (SECURITY "Input": CSV/formula injection).

A text cell starting with = + - @ TAB or CR is prefixed with an apostrophe so that Excel and LibreOffice
show it as text instead of running it as a formula. Numbers (int, float, Decimal) stay numbers.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Return `value` unchanged unless it is text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]]) -> bytes:
    """Write sheets of (title, header, rows) to an XLSX file; numbers as numbers, text neutralised."""
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        bold = Font(bold=True)
        header_cells = []
        for text in header:
            cell = WriteOnlyCell(sheet, value=neutralise(text))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            sheet.append([float(v) if isinstance(v, Decimal) else neutralise(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """CSV (UTF-8 text) with the same neutralisation."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise(v) for v in header])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return buffer.getvalue()
