"""The simple assessment rubric (Lampiran BAB III 2.2.2 2): personality and potential), as data."""

from .models import RubrikItem

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


def load_rubrik() -> None:
    for urutan, (kode, aspek, uraian) in enumerate(RUBRIK, start=1):
        RubrikItem.objects.update_or_create(kode=kode, defaults={"aspek": aspek, "uraian": uraian, "urutan": urutan})


def ensure() -> None:
    if not RubrikItem.objects.exists():
        load_rubrik()
