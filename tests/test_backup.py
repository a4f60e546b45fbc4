"""The pg_dump/pg_restore round trip of scripts/backup_roundtrip.sh (docs/keamanan.md, «Kendali»)."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from .factories import PegawaiFactory

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "backup_roundtrip.sh"


@pytest.mark.postgres
def test_backup_round_trip_restores_every_row(transactional_db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (DATABASE_URL=postgres://...)")
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump tidak terpasang (apt-get install -y postgresql-client)")
    PegawaiFactory.create_batch(3)
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    url = f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    dump = tmp_path / "cadangan.dump"

    done = subprocess.run([str(SCRIPT), url, str(dump)], capture_output=True, text=True, timeout=300)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: ")
    assert dump.stat().st_size > 0
