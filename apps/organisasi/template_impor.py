"""The downloadable pegawai import template (docs/keputusan.md, «Registri dan impor» / «Kode aktivasi»): the exact columns, NIP formatted as text."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .golongan import PNS_GOLONGAN, PPPK_GOLONGAN
from .resources import PEGAWAI_COLUMNS

TEXT = "@"
CONTOH = ["199001012015031001", "Maria Nenobais", "", "S.Kep.", "PNS", "III/a", "Perawat Ahli Pertama"]
TEMPLATE_ROWS = 2000  # rows of the NIP column pre-formatted as text


def template_pegawai(contoh_unit: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "pegawai"
    sheet.append(PEGAWAI_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append([*CONTOH, contoh_unit, "", ""])
    for row in range(2, TEMPLATE_ROWS + 2):
        sheet.cell(row=row, column=1).number_format = TEXT
        sheet.cell(row=row, column=10).number_format = TEXT  # telepon: keep the leading 0
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 30
    sheet.freeze_panes = "A2"
    help_sheet = workbook.create_sheet(_("petunjuk"))
    for line in [
        [_("Satu baris per pegawai; baris 1 adalah judul kolom, jangan diubah. Hapus baris contoh.")],
        [_("nip: 18 digit, kolom berformat Teks (jangan diketik sebagai angka).")],
        [_("jenis_asn: PNS atau PPPK. golongan: PNS I/a sampai IV/e, PPPK I sampai XVII.")],
        [_("kode_unit_kerja: kode unit kerja di registri. Pegawai yang sudah ada diperbarui menurut NIP.")],
        [],
        [_("Golongan PNS"), *[kode for kode, _pangkat in PNS_GOLONGAN]],
        [_("Golongan PPPK"), *PPPK_GOLONGAN],
    ]:
        help_sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
