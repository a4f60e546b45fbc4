"""django-import-export formats that check uploads first and neutralise formulas on export.

Import: the bytes go through `apps.common.uploads.baca_tabel` (size, magic bytes, zip bomb, XML bomb)
before openpyxl sees them; cells keep their types. Export: text cells that start with = + - @ TAB CR
get an apostrophe (apps.common.export.neutralise); numbers stay numbers.
"""

import tablib
from import_export.formats import base_formats

from .export import neutralise
from .uploads import CSV, XLSX, baca_tabel


def _neutralised(dataset: tablib.Dataset) -> tablib.Dataset:
    out = tablib.Dataset(headers=[neutralise(h) for h in dataset.headers or []])
    for row in dataset:
        out.append([neutralise(v) for v in row])
    return out


class SafeXLSX(base_formats.XLSX):
    def create_dataset(self, in_stream):
        return baca_tabel(f"unggahan.{XLSX}", bytes(in_stream))

    def export_data(self, dataset, **kwargs):
        return super().export_data(_neutralised(dataset), **kwargs)


class SafeCSV(base_formats.CSV):
    """Read as bytes so that the checks see what was uploaded; UTF-8 only."""

    def is_binary(self) -> bool:
        return True

    def get_read_mode(self) -> str:
        return "rb"

    def create_dataset(self, in_stream):
        data = in_stream.encode() if isinstance(in_stream, str) else bytes(in_stream)
        return baca_tabel(f"unggahan.{CSV}", data)

    def export_data(self, dataset, **kwargs):
        return super().export_data(_neutralised(dataset), **kwargs)


FORMATS = [SafeXLSX, SafeCSV]
