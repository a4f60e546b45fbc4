"""The report tests run on the results' hand-built periode 2025 (tests/hasil/conftest.py)."""

from tests.hasil.conftest import LaporanWorld, isi_2025, laporan_world

__all__ = ["LaporanWorld", "isi_2025", "laporan_world"]
