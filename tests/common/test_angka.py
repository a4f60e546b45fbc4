from decimal import Decimal

import pytest

from apps.common.angka import angka, selisih


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("6.5"), 2, "6,50"),
        (Decimal("6.495"), 2, "6,50"),  # half-up, as the report rounds
        (Decimal("6.494"), 2, "6,49"),
        (Decimal("13.71"), 2, "13,71"),
        (7000, 0, "7.000"),
        (1234567, 0, "1.234.567"),
        (Decimal("85.25"), 1, "85,3"),
        (Decimal("-0.45"), 2, "-0,45"),
        (None, 2, "—"),
    ],
)
def test_angka_prints_indonesian_numbers(value, places, expected):
    assert angka(value, places) == expected


def test_selisih_shows_the_sign():
    assert [selisih(Decimal("0.45")), selisih(Decimal("-1.2")), selisih(Decimal("0")), selisih(None)] == [
        "+0,45",
        "−1,20",
        "0,00",
        "—",
    ]
