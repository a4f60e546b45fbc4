"""Safe defaults: without DEBUG in the environment the app runs with DEBUG off, and without SECRET_KEY it refuses
to start (kupang_budaya/settings.py; docs/pdp.md, "Keamanan pemrosesan")."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CETAK = "from django.conf import settings; print(settings.DEBUG, len(settings.SECRET_KEY))"


def _jalankan(**env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}}
    base.update(DJANGO_SETTINGS_MODULE="kupang_budaya.settings", DATABASE_URL="sqlite:///:memory:", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", CETAK],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
    )


def test_without_debug_in_the_environment_debug_is_off():
    done = _jalankan(SECRET_KEY="k" * 60)
    assert (done.returncode, done.stdout) == (0, "False 60\n")


def test_without_secret_key_the_app_refuses_to_start():
    done = _jalankan()
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: SECRET_KEY must be set in the environment "
        "(development: `make run` sets one)"
    )


def test_without_secret_key_debug_on_refuses_too():
    """The old fallback (a public key whenever DEBUG was on) signed activation codes with a key anyone can read."""
    done = _jalankan(DEBUG="true")
    assert done.returncode == 1
    assert "SECRET_KEY must be set" in done.stderr
