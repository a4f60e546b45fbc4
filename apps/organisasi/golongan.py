"""Golongan ruang as data: PNS (PP 99/2000) and PPPK (Perpres 98/2020, 11/2024)."""

from .models import Golongan

PNS_GOLONGAN = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]
PPPK_GOLONGAN = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip


def load_golongan() -> None:
    for urutan, (kode, pangkat) in enumerate(PNS_GOLONGAN, start=1):
        Golongan.objects.update_or_create(jenis_asn="PNS", kode=kode, defaults={"pangkat": pangkat, "urutan": urutan})
    for urutan, kode in enumerate(PPPK_GOLONGAN, start=1):
        Golongan.objects.update_or_create(jenis_asn="PPPK", kode=kode, defaults={"pangkat": "", "urutan": urutan})


def ensure() -> None:
    if Golongan.objects.count() != len(PNS_GOLONGAN) + len(PPPK_GOLONGAN):
        load_golongan()
