"""The Formulir 1 instrument of Perbup Kupang 52/2022 (Lampiran BAB IV) as data: version "PERBUP-52-2022".

The 35 items come from data/formulir1.csv (the items of Lampiran BAB IV, Formulir 1: exact text, source line, notes);
the bands from scoring.PERBUP_BANDS. Loaded by `ensure()` (apps.common.reference); migration 0003 loads its own
frozen copy (migrations/_instrumen_0003.py).
"""

import csv
import re
from pathlib import Path

from .models import Bagian, BandKategori, Butir, InstrumenVersi
from .scoring import PERBUP_BANDS

KODE = "PERBUP-52-2022"
CSV_PATH = Path(__file__).resolve().parent / "data" / "formulir1.csv"

PETUNJUK = (
    "Isilah jawaban Saudara pada setiap kotak yang menyertai pertanyaan sesuai dengan fakta nyata dalam aktivitas "
    "penyelenggaraan pemerintahan pembangunan dan pelayanan masyarakat di instansi masing-masing. Seluruh "
    "pertanyaan harus diisi secara benar dan lengkap. Oleh karena itu, sebelum dikumpulkan, periksalah kembali "
    "apakah setiap pertanyaan telah diisi dengan lengkap dan benar."
)

CATATAN = "\n".join(
    [
        "Butir 3-10 dan tabel kategori bagian I tidak ada dalam teks yang diterbitkan (teks melompat dari butir 2 "
        "ke butir 11). Butir 1 Kupang adalah butir 1 instrumen nasional lama (KepMenPAN 25/KEP/M.PAN/4/2002) dan "
        "butir 2 Kupang adalah butir 10 instrumen itu; butir 3-10 di sini adalah butir 2-9 instrumen itu, dan "
        "kategori bagian I adalah kategori instrumen itu. Butir-butir ini ditandai «rekonstruksi».",
        "Bagian III memiliki 20 butir, tetapi tabel kategori yang dicetak (19-20 / 21-32 / 33-48 / 49-64) berakhir "
        "di 64 = 16 × 4. Tabel itu diskalakan 20/16: 20-25 / 26-40 / 41-60 / 61-80.",
        "Judul III.A tertulis «Berorientasi Hasil»; nilainya adalah «Berorientasi Pelayanan». «laz enforcement» "
        "dibaca «law enforcement». Petunjuk laporan menulis «TS II : Diisi Kategori total score kelompok I»; TS II "
        "adalah total skor bagian II.",
        "Pada laporan, TS sebuah baris adalah rata-rata total skor respondennya, dibulatkan setengah ke atas menjadi "
        "2 desimal; kategorinya diambil dari TS yang dibulatkan ke bilangan bulat (6,50 → 7 → CUKUP BAIK; "
        "6,49 → 6 → BAIK). Nilai tepat ,5 jatuh ke kategori yang lebih buruk.",
        "Bagian yang ditandai «sementara» menunggu konfirmasi Bagian Organisasi terhadap naskah peraturan yang "
        "ditandatangani.",
    ]
)

# The item notes of the source CSV are in English; the instrument page shows them in Indonesian.
_CATATAN_TETAP = {
    "trailing colon of the printed text dropped": "titik dua di akhir teks cetak dihilangkan",
    "printed across two lines": "tercetak dalam dua baris",
    "printed under heading 'A. Berorientasi Hasil'; the BerAKHLAK value is Berorientasi Pelayanan": (
        "tercetak di bawah judul «A. Berorientasi Hasil»; nilai BerAKHLAK-nya adalah Berorientasi Pelayanan"
    ),
}
_CATATAN_HILANG = re.compile(
    r"missing from the published text; item (\d+) of the KepMenPAN 25/KEP/M\.PAN/4/2002 instrument"
)


def catatan_indonesia(teks: str) -> str:
    """An item note of the source CSV in Indonesian (unknown notes unchanged)."""
    if teks in _CATATAN_TETAP:
        return _CATATAN_TETAP[teks]
    m = _CATATAN_HILANG.fullmatch(teks)
    if m:
        return f"tidak ada dalam teks yang diterbitkan; butir {m.group(1)} instrumen KepMenPAN 25/KEP/M.PAN/4/2002"
    return teks


BAGIAN = [
    (
        "I",
        "Penerapan Nilai-Nilai Organisasi MEDIASI dalam Kepemimpinan dan Manajemen",
        ["Ya", "Sering", "Kurang", "Tidak"],
    ),
    (
        "II",
        "Penerapan Nilai-Nilai Organisasi MEDIASI dalam Pola Pikir dan Cara Kerja",
        ["Ya", "Sering", "Kurang", "Tidak"],
    ),
    (
        "III",
        "Penerapan Nilai-Nilai Dasar (Core Value) ASN BerAKHLAK dalam Perilaku Bekerja",
        ["Sangat tinggi", "Tinggi", "Cukup", "Kurang"],
    ),
]
# Bands reconstructed (I, from KepMenPAN 25/2002) or scaled (III): "sementara" until confirmed (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»).
BAND_SEMENTARA = {"I", "III"}


def read_items() -> list[dict]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_instrumen() -> None:
    """Create the version with its sections, items and bands unless it exists (a used version is frozen)."""
    if InstrumenVersi.objects.filter(kode=KODE).exists():
        return
    versi = InstrumenVersi.objects.create(
        kode=KODE,
        nama="Formulir 1 Perbup Kupang 52/2022",
        petunjuk=PETUNJUK,
        catatan=CATATAN,
        sementara=True,
    )
    items = read_items()
    for urutan, (kode, judul, label) in enumerate(BAGIAN, start=1):
        bagian = Bagian.objects.create(instrumen=versi, kode=kode, judul=judul, urutan=urutan, label_skala=label)
        Butir.objects.bulk_create(
            Butir(
                bagian=bagian,
                nomor=int(row["nomor"]),
                teks=row["teks"],
                kelompok=row["kelompok"],
                rekonstruksi=row["sumber"] == "rekonstruksi",
                sumber=row["sumber"],
                catatan=catatan_indonesia(row["catatan"]),
            )
            for row in items
            if row["bagian"] == kode
        )
        BandKategori.objects.bulk_create(
            BandKategori(
                bagian=bagian,
                kategori=band.kategori.value,
                skor_min=band.skor_min,
                skor_max=band.skor_max,
                tindak_lanjut=band.tindak_lanjut,
                sementara=kode in BAND_SEMENTARA,
            )
            for band in PERBUP_BANDS[kode]
        )


def ensure() -> None:
    load_instrumen()
