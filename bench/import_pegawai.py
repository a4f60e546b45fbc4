"""Time the import of a good 5,000-row pegawai file, twice, on the database of DATABASE_URL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_bench .venv/bin/python bench/import_pegawai.py

It creates the database tables if needed (migrate), a PD and a unit with kode BENCH.01, writes the file
with openpyxl, runs `import_pegawai` twice and prints both times. The benchmark's pegawai are removed
afterwards. Do not point it at a production database.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kupang_budaya.settings")
# A bench is not production: a throwaway key (kupang_budaya/settings.py refuses to start without one).
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "k" * 40)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from apps.organisasi.models import Pegawai, PerangkatDaerah, UnitKerja  # noqa: E402
from tests.organisasi.spreadsheets import pegawai_rows, xlsx_bytes  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "5000"))


def main() -> None:
    call_command("migrate", verbosity=0)
    pd, _ = PerangkatDaerah.objects.get_or_create(kode="BENCH", defaults={"nama": "PD Bench", "jenis": "DINAS"})
    unit, _ = UnitKerja.objects.get_or_create(kode="BENCH.01", defaults={"nama": "Unit Bench", "perangkat_daerah": pd})
    rows = pegawai_rows(ROWS, unit.kode, start=50_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pegawai.xlsx"
        path.write_bytes(xlsx_bytes(rows))
        times = []
        for _ in range(2):
            started = time.perf_counter()
            call_command("import_pegawai", str(path))
            times.append(time.perf_counter() - started)
    count = Pegawai.objects.filter(unit_kerja=unit).count()
    print(
        f"{connection.vendor}: {ROWS} baris; impor pertama {times[0]:.1f} s, impor kedua {times[1]:.1f} s; "
        f"pegawai di unit: {count}"
    )
    Pegawai.history.filter(unit_kerja_id=unit.pk).delete()
    Pegawai.objects.filter(unit_kerja=unit).delete()


if __name__ == "__main__":
    main()
