"""Frozen copy for migration 0002_golongan_data: the data as it was when the migration was written.

Migrations never import live application code (docs/arsitektur.md); change the live module, not this one.
"""

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


def load_golongan(Golongan) -> None:  # noqa: N803 (a historical model class in migrations)
    for urutan, (kode, pangkat) in enumerate(PNS_GOLONGAN, start=1):
        Golongan.objects.update_or_create(jenis_asn="PNS", kode=kode, defaults={"pangkat": pangkat, "urutan": urutan})
    for urutan, kode in enumerate(PPPK_GOLONGAN, start=1):
        Golongan.objects.update_or_create(jenis_asn="PPPK", kode=kode, defaults={"pangkat": "", "urutan": urutan})

