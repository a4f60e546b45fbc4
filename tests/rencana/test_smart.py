"""Each SMART refusal with its message (Lampiran BAB III 2.2.5 huruf d): a table of inputs and expected messages."""

import datetime
from decimal import Decimal

import pytest

from apps.rencana.smart import Baris, periksa

MULAI, SELESAI = datetime.date(2026, 4, 1), datetime.date(2026, 9, 1)
MASA = (datetime.date(2026, 3, 2), datetime.date(2027, 3, 1))


def baik(nomor: int = 1, **overrides) -> Baris:
    data = dict(
        nomor=nomor,
        nilai=["MELAYANI"],
        sasaran=f"Layanan kepegawaian selesai tepat waktu tahap {nomor}",
        indikator="Persentase layanan selesai dalam tiga hari",
        target_angka=Decimal("80"),
        target_satuan="%",
        kegiatan=f"Menyusun daftar periksa layanan tahap {nomor}",
        waktu_mulai=MULAI,
        waktu_selesai=SELESAI,
    )
    data.update(overrides)
    return Baris(**data)


def test_a_good_plan_passes():
    assert periksa([baik(1), baik(2)], MULAI, SELESAI, MASA) == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"nilai": []}, "Baris 1, kolom (2) Nilai: pilih sedikitnya satu nilai organisasi atau core value ASN."),
        ({"sasaran": "  "}, "Baris 1, kolom (3) Sasaran: wajib diisi."),
        ({"sasaran": "Lebih baik"}, "Baris 1, kolom (3) Sasaran: terlalu singkat; uraikan dengan sedikitnya 3 kata."),
        (
            {"sasaran": "Persentase layanan selesai dalam tiga hari"},
            "Baris 1, kolom (3) Sasaran: sama dengan kolom Indikator Kinerja; tulis yang berbeda.",
        ),
        ({"kegiatan": ""}, "Baris 1, kolom (6) Kegiatan: wajib diisi."),
        ({"kegiatan": "Rapat"}, "Baris 1, kolom (6) Kegiatan: terlalu singkat; uraikan dengan sedikitnya 3 kata."),
        ({"indikator": ""}, "Baris 1, kolom (4) Indikator Kinerja: wajib diisi agar keberhasilan dapat diukur."),
        ({"target_angka": None}, "Baris 1, kolom (5) Target: isi angka target yang lebih besar dari nol."),
        ({"target_angka": Decimal("0")}, "Baris 1, kolom (5) Target: isi angka target yang lebih besar dari nol."),
        ({"target_angka": Decimal("-5")}, "Baris 1, kolom (5) Target: isi angka target yang lebih besar dari nol."),
        ({"target_satuan": ""}, 'Baris 1, kolom (5) Target: isi satuan target, misalnya "%" atau "kegiatan".'),
        ({"waktu_mulai": None}, "Baris 1, kolom (7) Waktu: isi bulan mulai dan bulan selesai."),
        (
            {"waktu_mulai": datetime.date(2026, 8, 1), "waktu_selesai": datetime.date(2026, 5, 1)},
            "Baris 1, kolom (7) Waktu: bulan selesai sebelum bulan mulai.",
        ),
        (
            {"waktu_selesai": datetime.date(2026, 12, 1)},
            "Baris 1, kolom (7) Waktu: 04/2026 s.d. 12/2026 di luar periode rencana (04/2026 s.d. 09/2026).",
        ),
        ({"masuk_skp": True}, "Baris 1, kolom (8) Keterangan: baris masuk SKP: isi referensi SKP (2.2.5 huruf e)."),
    ],
)
def test_each_refusal_names_row_and_column(overrides, message):
    assert periksa([baik(1, **overrides)], MULAI, SELESAI, MASA) == [message]


def test_a_copied_cell_of_another_row_is_refused():
    kedua = baik(2, sasaran=baik(1).sasaran)
    assert periksa([baik(1), kedua], MULAI, SELESAI, MASA) == [
        "Baris 1, kolom (3) Sasaran: sama dengan Sasaran baris 2; tulis yang spesifik.",
        "Baris 2, kolom (3) Sasaran: sama dengan Sasaran baris 1; tulis yang spesifik.",
    ]


def test_plan_without_rows_or_with_eleven_rows():
    assert periksa([], MULAI, SELESAI, MASA) == [
        "Rencana tindak belum memiliki baris: isi sedikitnya satu baris Tabel 2."
    ]
    assert periksa([baik(n) for n in range(1, 12)], MULAI, SELESAI, MASA) == [
        "Rencana tindak memuat 11 baris; paling banyak 10."
    ]


def test_plan_outside_the_term():
    assert periksa([baik(1)], datetime.date(2026, 1, 1), SELESAI, MASA) == [
        "Periode rencana (01/2026 s.d. 09/2026) harus berada di dalam masa tugas agen (02-03-2026 s.d. 01-03-2027).",
    ]
