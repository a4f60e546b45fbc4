"""The Formulir 1 results read model (Lampiran BAB IV.2): report rows and data objects with their snapshot JSON
(`data`), aggregation (`agregat`), the confidentiality rule (`kerahasiaan`), signers (`penandatangan`), report
levels (`tingkat`), the dashboard's data (`dasbor`) and an ASN's own results (`hasil_asn`). The survey app keeps
the reads of responses (apps.survei.selectors); apps.laporan makes the document out of these."""

from .agregat import JumlahAsn, bands_for, baris_dari, baris_rata_rata, jumlah_asn_sekarang
from .dasbor import ButirLemah, Distribusi, TitikTren, butir_terlemah, distribusi_kategori, tren
from .data import BAGIAN, DISEMBUNYIKAN, KOSONG, KURANG, Baris, Laporan, Nilai, Penandatangan
from .kerahasiaan import ALASAN, pohon_rahasia, sembunyikan
from .penandatangan import penandatangan_kabupaten, penandatangan_pd
from .tingkat import baris_unit, laporan_konsolidasi, laporan_perangkat_daerah, pd_tersembunyi, pd_unit, pohon_pd

__all__ = [
    "ALASAN",
    "BAGIAN",
    "DISEMBUNYIKAN",
    "KOSONG",
    "KURANG",
    "Baris",
    "ButirLemah",
    "Distribusi",
    "JumlahAsn",
    "Laporan",
    "Nilai",
    "Penandatangan",
    "TitikTren",
    "bands_for",
    "baris_dari",
    "baris_rata_rata",
    "baris_unit",
    "butir_terlemah",
    "distribusi_kategori",
    "jumlah_asn_sekarang",
    "laporan_konsolidasi",
    "laporan_perangkat_daerah",
    "penandatangan_kabupaten",
    "pd_tersembunyi",
    "pd_unit",
    "penandatangan_pd",
    "pohon_pd",
    "pohon_rahasia",
    "sembunyikan",
    "tren",
]
