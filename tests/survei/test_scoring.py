"""Scoring of Formulir 1 as a table (Lampiran BAB IV; docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1» and 9)."""

from decimal import Decimal

import pytest

from apps.survei.scoring import (
    PERBUP_BANDS,
    Band,
    Kategori,
    band_errors,
    band_for_mean,
    band_for_total,
    mean,
    rata_rata,
    round_half_up,
    section_range,
    section_result,
    section_total,
)

K = Kategori


@pytest.mark.parametrize(
    ("bagian", "jumlah_butir", "nilai", "total", "kategori"),
    [
        ("I", 10, 1, 10, K.BAIK),
        ("I", 10, 4, 40, K.BURUK),
        ("II", 5, 1, 5, K.BAIK),
        ("II", 5, 4, 20, K.BURUK),
        ("III", 20, 1, 20, K.BAIK),
        ("III", 20, 4, 80, K.BURUK),
    ],
)
def test_all_answers_the_same(bagian, jumlah_butir, nilai, total, kategori):
    assert section_total([nilai] * jumlah_butir) == total
    assert band_for_total(total, PERBUP_BANDS[bagian]).kategori == kategori


@pytest.mark.parametrize(
    ("bagian", "total", "kategori"),
    [
        ("I", 11, K.BAIK),
        ("I", 12, K.CUKUP_BAIK),
        ("I", 17, K.CUKUP_BAIK),
        ("I", 18, K.KURANG_BAIK),
        ("I", 27, K.KURANG_BAIK),
        ("I", 28, K.BURUK),
        ("II", 6, K.BAIK),
        ("II", 7, K.CUKUP_BAIK),
        ("II", 9, K.CUKUP_BAIK),
        ("II", 10, K.KURANG_BAIK),
        ("II", 13, K.KURANG_BAIK),
        ("II", 14, K.BURUK),
        ("III", 25, K.BAIK),
        ("III", 26, K.CUKUP_BAIK),
        ("III", 40, K.CUKUP_BAIK),
        ("III", 41, K.KURANG_BAIK),
        ("III", 60, K.KURANG_BAIK),
        ("III", 61, K.BURUK),
    ],
)
def test_both_sides_of_every_band_boundary(bagian, total, kategori):
    assert band_for_total(total, PERBUP_BANDS[bagian]).kategori == kategori


def test_section_result_gives_total_and_follow_up_text():
    total, band = section_result([2, 2, 2, 1, 1], PERBUP_BANDS["II"])
    assert total == 8
    assert band.kategori == K.CUKUP_BAIK
    assert band.tindak_lanjut == "Perlu peningkatan (sosialisasi)"


@pytest.mark.parametrize("nilai", [0, 5, -1])
def test_an_answer_outside_1_to_4_is_refused(nilai):
    with pytest.raises(ValueError, match="answer out of range"):
        section_total([1, nilai])


@pytest.mark.parametrize(
    ("ts", "kategori"),
    [
        (Decimal("6.49"), K.BAIK),
        (Decimal("6.50"), K.CUKUP_BAIK),
        (Decimal("11.49"), K.BAIK),
        (Decimal("11.50"), K.CUKUP_BAIK),
    ],
)
def test_mean_rounds_half_up_to_the_worse_category(ts, kategori):
    bagian = "II" if ts < 10 else "I"
    assert band_for_mean(ts, PERBUP_BANDS[bagian]).kategori == kategori


@pytest.mark.parametrize(
    ("total_sum", "count", "expected"),
    [
        (13, 2, Decimal("6.50")),
        (20, 3, Decimal("6.67")),
        (19, 3, Decimal("6.33")),
        (0, 0, None),
        (1, 8, Decimal("0.13")),
    ],
)
def test_mean_is_decimal_half_up_to_two_places(total_sum, count, expected):
    assert mean(total_sum, count) == expected


def test_round_half_up_is_not_bankers_rounding():
    assert round_half_up(Decimal("0.125")) == Decimal("0.13")
    assert round_half_up(Decimal("2.5"), Decimal("1")) == Decimal("3")


def test_rata_rata_leaves_out_empty_rows():
    assert rata_rata([Decimal("6.50"), None, Decimal("7.25")]) == Decimal("6.88")
    assert rata_rata([None]) is None


def test_section_range():
    assert section_range(10) == (10, 40)
    assert section_range(20) == (20, 80)


def test_perbup_bands_partition_every_section():
    for bagian, n in (("I", 10), ("II", 5), ("III", 20)):
        assert band_errors(PERBUP_BANDS[bagian], *section_range(n)) == []


@pytest.mark.parametrize(
    ("bands", "errors"),
    [
        (
            [Band(K.BAIK, 5, 6), Band(K.CUKUP_BAIK, 8, 9), Band(K.KURANG_BAIK, 10, 13), Band(K.BURUK, 14, 20)],
            ["Celah: skor 7-7 tidak tercakup kategori mana pun."],
        ),
        (
            [Band(K.BAIK, 5, 7), Band(K.CUKUP_BAIK, 7, 9), Band(K.KURANG_BAIK, 10, 13), Band(K.BURUK, 14, 20)],
            ["Tumpang tindih: skor 7-7 masuk BAIK dan CUKUP BAIK."],
        ),
        (
            [Band(K.BAIK, 5, 6), Band(K.CUKUP_BAIK, 7, 9), Band(K.KURANG_BAIK, 10, 13), Band(K.BURUK, 14, 19)],
            ["Skor 20-20 tidak tercakup kategori mana pun."],
        ),
        (
            [Band(K.BAIK, 6, 6), Band(K.CUKUP_BAIK, 7, 9), Band(K.KURANG_BAIK, 10, 13), Band(K.BURUK, 14, 20)],
            ["Skor 5-5 tidak tercakup kategori mana pun."],
        ),
    ],
    ids=["gap", "overlap", "top-missing", "bottom-missing"],
)
def test_band_errors_name_the_numbers(bands, errors):
    assert band_errors(bands, 5, 20) == errors
