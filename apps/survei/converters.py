"""The `<periode:kode>` URL converter: a periode code is letters, digits and '-', starting with a letter or digit.

Importing this module registers the converter once; the survei and laporan URLs use it, so an address with
`.`/`..`, a NUL or any other character outside the code's alphabet is a 404 before a view runs.
"""

from django.urls import register_converter

KODE_PERIODE_REGEX = r"[A-Za-z0-9][A-Za-z0-9-]{0,19}"


class PeriodeConverter:
    regex = KODE_PERIODE_REGEX

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PeriodeConverter, "periode")
