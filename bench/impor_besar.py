"""Time and peak RSS of the admin's import preview of a 20,000-row workbook where every row is bad.

    .venv/bin/python bench/impor_besar.py            # SQLite file in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_bench .venv/bin/python bench/impor_besar.py

The parent writes the workbook (openpyxl) and prepares the database (migrate, a superuser); a fresh child
process, like one gunicorn worker, posts the file to the admin's "Pegawai -> Import" page through Django's
test client and reports the wall time of that request, its status, the number of problems listed and the
process's peak RSS (VmHWM). Target (issue "no bare 500", item 7): at most 20 s and 250 MB.
Do not point it at a production database.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _proses import peak_rss_mb, setup_django

ROWS = int(os.environ.get("BENCH_ROWS", "20000"))


def child(path: str) -> None:
    setup_django()
    from django.test import Client

    from apps.akun.models import User

    client = Client()
    client.force_login(User.objects.get(username="bench-admin"))
    rss_before = peak_rss_mb()
    cpu = time.process_time()
    start = time.perf_counter()
    with open(path, "rb") as upload:
        response = client.post("/admin/organisasi/pegawai/import/", {"format": "0", "import_file": upload})
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    body = response.content.decode()
    print(
        json.dumps(
            {
                "status": response.status_code,
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),
                "listed": body.count("<tr><td>"),
                "rest": response.context_data.get("galat_lain") if hasattr(response, "context_data") else None,
                "rss_before_mb": round(rss_before),
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
        os.environ.update(env)
        setup_django()
        from django.core.management import call_command

        from apps.akun.models import User
        from tests.organisasi.spreadsheets import pegawai_rows, xlsx_bytes

        call_command("migrate", verbosity=0)
        if not User.objects.filter(username="bench-admin").exists():
            User.objects.create_superuser("bench-admin", password="bench-admin-2026")
        # Every row is bad: an unknown unit, and every tenth row also an unknown golongan.
        rows = pegawai_rows(ROWS, "TIDAK.ADA")
        for n, row in enumerate(rows):
            if n % 10 == 0:
                row[5] = "X/z"
        path = Path(tmp) / "buruk.xlsx"
        path.write_bytes(xlsx_bytes(rows))
        print(f"{ROWS} baris, berkas {path.stat().st_size / 1024 / 1024:.1f} MB")
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path)], env=env, capture_output=True, text=True, check=True
        )
        print(done.stdout.strip())


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main()
