"""The environment of a production process for the benches: DEBUG off, a real SECRET_KEY, the settings' defaults
for database connections (persistent, with health checks; bench/beban/jalankan.py --conn-max-age 0 for one
connection per request), as deploy/ configures gunicorn. Plain HTTP on 127.0.0.1 (TLS is nginx's job), so the
HTTPS-only switches are off; everything else (middleware, CSP, axes, sessions, WhiteNoise) is as deployed.
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRODUKSI = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "SECURE_HSTS_SECONDS": "0",
    "LOG_LEVEL": "WARNING",
    # The access log costs a line per request on stderr: measured as deployed (one JSON line per request).
    # One key for every bench process: sessions prepared by one are read by the server of another.
    "SECRET_KEY": "bench-only-not-secret-" + "k" * 40,
}


def setel_lingkungan() -> None:
    """Put the production environment into os.environ (before django.setup())."""
    for key, value in PRODUKSI.items():
        os.environ[key] = value
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kupang_budaya.settings")
    sys.path.insert(0, str(ROOT))


def uptime() -> str:
    """The load averages, to print next to every figure (the machine is shared)."""
    return "load " + " ".join(open("/proc/loadavg").read().split()[:3])


def gunicorn(port: int, *, workers: int = 2, threads: int = 1, env: dict | None = None) -> subprocess.Popen:
    """Start gunicorn on 127.0.0.1:port with the production environment; return once it answers."""
    penuh = {**os.environ, **PRODUKSI, **(env or {})}
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"),
        "kupang_budaya.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--log-level",
        "warning",
    ]
    conf = ROOT / "deploy/gunicorn.conf.py"
    if conf.exists():
        cmd[2:2] = ["-c", str(conf)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=penuh)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/akun/masuk/", timeout=2).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"gunicorn stopped with code {proc.returncode}") from None
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("gunicorn did not answer within 30 s")


def kumpulkan_statis() -> None:
    """collectstatic when static/ changed since the last run (production serves the hashed, compressed files)."""
    manifest = ROOT / "staticfiles/staticfiles.json"
    built = manifest.stat().st_mtime if manifest.exists() else 0
    if any(p.stat().st_mtime > built for p in (ROOT / "static").rglob("*") if p.is_file()) or not manifest.exists():
        subprocess.run(
            [str(ROOT / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True
        )
