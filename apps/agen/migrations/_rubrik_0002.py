"""Frozen copy for migration 0002_rubrik_data: the data as it was when the migration was written.

Migrations never import live application code (docs/arsitektur.md); change the live module, not this one.
"""

# kode, aspek, uraian
RUBRIK = [
    ("K1", "KEPRIBADIAN", "Integritas dan kejujuran dalam bekerja"),
    ("K2", "KEPRIBADIAN", "Tanggung jawab dan disiplin terhadap tugas"),
    ("K3", "KEPRIBADIAN", "Keteladanan perilaku sesuai nilai MEDIASI dan BerAKHLAK"),
    ("K4", "KEPRIBADIAN", "Komitmen untuk menjadi agen perubahan"),
    ("P1", "POTENSI", "Kemampuan berkomunikasi dan mempengaruhi rekan kerja"),
    ("P2", "POTENSI", "Inovasi dan inisiatif dalam perbaikan layanan"),
    ("P3", "POTENSI", "Kemampuan bekerja sama dan menyelesaikan masalah"),
    ("P4", "POTENSI", "Pemahaman tentang reformasi birokrasi dan budaya kerja"),
]


def load_rubrik(RubrikItem) -> None:  # noqa: N803 (a historical model class in migrations)
    for urutan, (kode, aspek, uraian) in enumerate(RUBRIK, start=1):
        RubrikItem.objects.update_or_create(kode=kode, defaults={"aspek": aspek, "uraian": uraian, "urutan": urutan})

