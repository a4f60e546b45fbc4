"""NIP rules for PNS and NI PPPK (apps.organisasi.nip): each refused part is named in the message."""

import datetime

import pytest

from apps.organisasi.nip import nip_errors

TAHUN_INI = datetime.date.today().year


@pytest.mark.parametrize(
    "nip,jenis",
    [("198001012005011001", "PNS"), ("199512312021211999", "PPPK"), ("196002292019291002", "PPPK")],
)
def test_valid_nips(nip, jenis):
    assert nip_errors(nip, jenis) == []


@pytest.mark.parametrize("nip", ["19800101200501100", "1980010120050110011", "19800101200501100x", "１" * 18, 198001])
def test_anything_but_18_ascii_digits_is_one_error(nip):
    assert nip_errors(nip, "PNS") == ["NIP harus 18 digit angka."]


@pytest.mark.parametrize(
    "nip,jenis,pesan",
    [
        ("198002302005011001", "PNS", ["Digit 1-8 NIP harus tanggal lahir yang sah (TTTTBBHH)."]),
        ("193001012005011001", "PNS", ["Tahun lahir pada NIP (digit 1-4) tidak wajar."]),
        ("198001012005131001", "PNS", ["Digit 13-14 NIP PNS harus bulan pengangkatan CPNS 01-12."]),
        ("198001012021111001", "PPPK", ["Digit 13 NI PPPK harus 2."]),
        ("198001012021201001", "PPPK", ["Digit 14 NI PPPK harus perjanjian kerja ke-1 sampai ke-9."]),
        ("198001012005011001", "CPNS", ["Jenis ASN harus PNS atau PPPK."]),
        ("198001011959011001", "PNS", ["Digit 9-12 NIP harus tahun pengangkatan yang wajar."]),
        ("198001011990011001", "PNS", ["Tahun pengangkatan pada NIP lebih awal dari usia 15 tahun."]),
        ("198001012005013001", "PNS", ["Digit 15 NIP (jenis kelamin) harus 1 atau 2."]),
        ("198001012005011000", "PNS", ["Digit 16-18 NIP (nomor urut) harus 001-999."]),
    ],
)
def test_each_wrong_part_is_named(nip, jenis, pesan):
    assert nip_errors(nip, jenis) == pesan


def test_every_wrong_part_is_reported_at_once():
    assert nip_errors("198013012005003000", "PNS") == [
        "Digit 1-8 NIP harus tanggal lahir yang sah (TTTTBBHH).",
        "Digit 13-14 NIP PNS harus bulan pengangkatan CPNS 01-12.",
        "Digit 15 NIP (jenis kelamin) harus 1 atau 2.",
        "Digit 16-18 NIP (nomor urut) harus 001-999.",
    ]


def test_the_year_bounds_follow_today():
    assert nip_errors(f"{TAHUN_INI - 15}0101{TAHUN_INI + 1}011001", "PNS") == []
    assert nip_errors(f"{TAHUN_INI - 14}0101{TAHUN_INI + 1}011001", "PNS") == [
        "Tahun lahir pada NIP (digit 1-4) tidak wajar."
    ]
    assert nip_errors(f"19800101{TAHUN_INI + 2}011001", "PNS") == [
        "Digit 9-12 NIP harus tahun pengangkatan yang wajar."
    ]
