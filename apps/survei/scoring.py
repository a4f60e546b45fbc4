"""Scoring of Formulir 1 (Lampiran BAB IV; docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1» and 9). Pure functions over plain values: no ORM.

Every screen, export and report takes its totals, means and categories from here.
Answer value = score; lower is better. A section's total is the sum of its answers.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

TWO_PLACES = Decimal("0.01")
# The smallest group whose answers or section totals any page, download or export may show (docs/keputusan.md,
# kerahasiaan). The only place this number is written.
MIN_RESPONDEN = 3


class Kategori(StrEnum):
    BAIK = "BAIK"
    CUKUP_BAIK = "CUKUP_BAIK"
    KURANG_BAIK = "KURANG_BAIK"
    BURUK = "BURUK"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


TINDAK_LANJUT = {
    Kategori.BAIK: "Untuk dipertahankan dan ditingkatkan",
    Kategori.CUKUP_BAIK: "Perlu peningkatan (sosialisasi)",
    Kategori.KURANG_BAIK: "Perlu sosialisasi, pelatihan, dan penerapan secara konsisten",
    Kategori.BURUK: 'Perlu sosialisasi, pelatihan, dan penanganan intensif atau dengan "law enforcement"',
}


@dataclass(frozen=True)
class Band:
    """One row of a section's category table: totals skor_min..skor_max (both included) are `kategori`."""

    kategori: Kategori
    skor_min: int
    skor_max: int
    tindak_lanjut: str = ""


# The bands of Perbup 52/2022 as docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1» decides them (section I from KepMenPAN 25/2002, section III scaled 20/16).
PERBUP_BANDS: dict[str, tuple[Band, ...]] = {
    "I": (
        Band(Kategori.BAIK, 10, 11, TINDAK_LANJUT[Kategori.BAIK]),
        Band(Kategori.CUKUP_BAIK, 12, 17, TINDAK_LANJUT[Kategori.CUKUP_BAIK]),
        Band(Kategori.KURANG_BAIK, 18, 27, TINDAK_LANJUT[Kategori.KURANG_BAIK]),
        Band(Kategori.BURUK, 28, 40, TINDAK_LANJUT[Kategori.BURUK]),
    ),
    "II": (
        Band(Kategori.BAIK, 5, 6, TINDAK_LANJUT[Kategori.BAIK]),
        Band(Kategori.CUKUP_BAIK, 7, 9, TINDAK_LANJUT[Kategori.CUKUP_BAIK]),
        Band(Kategori.KURANG_BAIK, 10, 13, TINDAK_LANJUT[Kategori.KURANG_BAIK]),
        Band(Kategori.BURUK, 14, 20, TINDAK_LANJUT[Kategori.BURUK]),
    ),
    "III": (
        Band(Kategori.BAIK, 20, 25, TINDAK_LANJUT[Kategori.BAIK]),
        Band(Kategori.CUKUP_BAIK, 26, 40, TINDAK_LANJUT[Kategori.CUKUP_BAIK]),
        Band(Kategori.KURANG_BAIK, 41, 60, TINDAK_LANJUT[Kategori.KURANG_BAIK]),
        Band(Kategori.BURUK, 61, 80, TINDAK_LANJUT[Kategori.BURUK]),
    ),
}


def section_total(answers: Iterable[int]) -> int:
    """Total Skor of one section: the sum of its answers (each 1-4)."""
    values = list(answers)
    for value in values:
        if value not in (1, 2, 3, 4):
            raise ValueError(f"answer out of range: {value!r}")
    return sum(values)


def band_for_total(total: int, bands: Sequence[Band]) -> Band:
    """The band whose range holds the integer `total`."""
    for band in bands:
        if band.skor_min <= total <= band.skor_max:
            return band
    raise ValueError(f"total {total} lies outside every band")


def round_half_up(value: Decimal, places: Decimal = TWO_PLACES) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


def mean(total_sum: int | Decimal, count: int) -> Decimal | None:
    """TS of a row: SUM / COUNT in Decimal, rounded half-up to 2 decimals (docs/keputusan.md, «Laporan Evaluasi: angka per baris»). None when count is 0."""
    if not count:
        return None
    return round_half_up(Decimal(total_sum) / Decimal(count))


def band_for_mean(value: Decimal, bands: Sequence[Band]) -> Band:
    """Ka of a printed TS: round half-up to an integer, then look up the band (6.50 -> 7; 6.49 -> 6).

    A tie at .5 therefore goes to the higher score, which is the worse category.
    """
    return band_for_total(int(round_half_up(Decimal(value), Decimal("1"))), bands)


def rata_rata(printed: Iterable[Decimal | None]) -> Decimal | None:
    """RATA-RATA row: the mean of the printed TS values shown (None rows left out), rounded half-up."""
    values = [v for v in printed if v is not None]
    if not values:
        return None
    return round_half_up(sum(values, Decimal(0)) / Decimal(len(values)))


def band_errors(bands: Sequence[Band], min_score: int, max_score: int) -> list[str]:
    """Why a section's bands are not a partition of min_score..max_score (empty when they are).

    Messages name the numbers: a gap, an overlap, a part of the range not covered, or a band out of range.
    """
    errors = []
    ordered = sorted(bands, key=lambda b: (b.skor_min, b.skor_max))
    for band in ordered:
        if band.skor_min > band.skor_max:
            errors.append(f"Rentang {band.kategori.label} terbalik: {band.skor_min}-{band.skor_max}.")
    if not ordered:
        return [f"Tidak ada kategori untuk rentang skor {min_score}-{max_score}."]
    if ordered[0].skor_min > min_score:
        errors.append(f"Skor {min_score}-{ordered[0].skor_min - 1} tidak tercakup kategori mana pun.")
    if ordered[0].skor_min < min_score:
        errors.append(f"Skor {ordered[0].skor_min}-{min_score - 1} di luar rentang bagian ({min_score}-{max_score}).")
    for previous, current in zip(ordered, ordered[1:], strict=False):
        if current.skor_min > previous.skor_max + 1:
            errors.append(
                f"Celah: skor {previous.skor_max + 1}-{current.skor_min - 1} tidak tercakup kategori mana pun."
            )
        elif current.skor_min <= previous.skor_max:
            errors.append(
                f"Tumpang tindih: skor {current.skor_min}-{min(previous.skor_max, current.skor_max)} masuk "
                f"{previous.kategori.label} dan {current.kategori.label}."
            )
    last = max(b.skor_max for b in ordered)
    if last < max_score:
        errors.append(f"Skor {last + 1}-{max_score} tidak tercakup kategori mana pun.")
    if last > max_score:
        errors.append(f"Skor {max_score + 1}-{last} di luar rentang bagian ({min_score}-{max_score}).")
    return errors


def section_range(item_count: int) -> tuple[int, int]:
    """The score range of a section of `item_count` items answered 1-4: (item_count, 4 * item_count)."""
    return item_count, 4 * item_count


def section_result(answers: Iterable[int], bands: Sequence[Band]) -> tuple[int, Band]:
    """TS and the band (Ka, follow-up text) of one respondent's section."""
    total = section_total(answers)
    return total, band_for_total(total, bands)
