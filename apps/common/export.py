"""Spreadsheet exports that are safe to open (docs/keamanan.md, «Kendali»: CSV/formula injection).

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
from openpyxl.utils import get_column_letter

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Return `value` unchanged unless it is text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# Decimals show two places. The format code's "." is the spreadsheet's decimal separator, which Excel and
# LibreOffice print in the reader's locale: 6,50 on an Indonesian machine (a "0,00" code would mean thousands).
FORMAT_DESIMAL = "0.00"
LEBAR_MIN, LEBAR_MAX = 8, 60


def _lebar(rows: list[list], header: Sequence[str]) -> list[int]:
    widths = [len(str(h)) for h in header]
    for row in rows:
        for i, v in enumerate(row):
            text = f"{v:.2f}" if isinstance(v, Decimal) else str(v if v is not None else "")
            if i < len(widths):
                widths[i] = max(widths[i], len(text))
            else:
                widths.append(len(text))
    return [min(max(w + 2, LEBAR_MIN), LEBAR_MAX) for w in widths]


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]]) -> bytes:
    """Write sheets of (title, header, rows) to an XLSX file: numbers as numbers (Decimals with two places shown),
    text neutralised, a bold frozen header row and columns as wide as their content."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, header, rows in sheets:
        rows = [list(r) for r in rows]
        sheet = workbook.create_sheet(title=title[:31])
        for i, width in enumerate(_lebar(rows, header), start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
        header_cells = []
        for text in header:
            cell = WriteOnlyCell(sheet, value=neutralise(text))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            sheet.append([_sel(sheet, v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sel(sheet, value):
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = FORMAT_DESIMAL
        return cell
    return neutralise(value)


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """CSV (UTF-8 text) with the same neutralisation."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise(v) for v in header])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return buffer.getvalue()
