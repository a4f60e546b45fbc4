"""Reads of the reporting app (Lampiran BAB IV.2): report rows and data objects with their snapshot JSON
(`data`), aggregation (`agregat`), signers (`penandatangan`), report levels (`tingkat`) and the dashboard
(`dasbor`). The survey app keeps the reads of responses (apps.survei.selectors)."""

from .agregat import JumlahAsn, bands_for, baris_dari, baris_rata_rata, jumlah_asn_sekarang
from .dasbor import ButirLemah, Distribusi, TitikTren, butir_terlemah, distribusi_kategori, tren
from .data import BAGIAN, INSTANSI_KABUPATEN, KOSONG, KURANG, Baris, Laporan, Nilai, Penandatangan
from .penandatangan import penandatangan_kabupaten, penandatangan_pd
from .tingkat import baris_unit, laporan_konsolidasi, laporan_perangkat_daerah

__all__ = [
    "BAGIAN",
    "INSTANSI_KABUPATEN",
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
    "penandatangan_pd",
    "tren",
]
