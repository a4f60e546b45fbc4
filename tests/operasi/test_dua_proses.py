"""Two app processes on one PostgreSQL database, as two app servers behind nginx (docs/operasi.md, «Skala»): a
login made on one is a session on the other, a logout on one ends it on both, wrong passwords counted on both lock
the account on both, and a PostgreSQL restart costs no request. With the shared cache (CACHE_URL: sessions in Django's `cached_db` on Redis) when a Redis answers at 127.0.0.1:6379,
and without (sessions in the database)."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from apps.akun.models import User

ROOT = Path(__file__).resolve().parents[2]
REDIS = ("127.0.0.1", 6379)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _redis_ada() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One gunicorn process (one sync worker) of this checkout on the test database."""

    def __init__(self, env: dict) -> None:
        self.port = _port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "kupang_budaya.wsgi", "-b", f"127.0.0.1:{self.port}", "-w", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def tunggu(self) -> None:
        for _ in range(300):
            if self.proc.poll() is not None:
                raise AssertionError(f"gunicorn berhenti dengan kode {self.proc.returncode}")
            try:
                if self.minta("GET", "/sehat/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("gunicorn tidak menjawab dalam 30 s")

    def minta(self, method: str, path: str, cookies: dict | None = None, body: str | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "127.0.0.1"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}/"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        isi = response.read().decode("utf-8", "replace")
        baru = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                baru[key] = rest.split(";", 1)[0]
        conn.close()
        return response.status, response.getheader("Location"), isi, baru

    def berhenti(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def _masuk(server: Server, cookies: dict, username: str, password: str):
    status, _, isi, baru = server.minta("GET", "/akun/masuk/", cookies)
    assert status == 200
    cookies.update(baru)
    token = TOKEN.search(isi).group(1)
    body = f"csrfmiddlewaretoken={token}&username={username}&password={password}"
    status, location, isi, baru = server.minta("POST", "/akun/masuk/", cookies, body)
    cookies.update(baru)
    return status, location, isi


@pytest.fixture(params=["tanpa-redis", "redis"])
def dua_server(request, transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("dua proses aplikasi pada satu database: butuh PostgreSQL (DATABASE_URL=postgres://...)")
    s = connection.settings_dict
    url = f"postgres://{s['USER']}{':' + s['PASSWORD'] if s['PASSWORD'] else ''}@{s['HOST'] or '127.0.0.1'}:"
    url += f"{s['PORT'] or 5432}/{s['NAME']}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kupang_budaya.test_settings",
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": "dua-proses-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "LOG_LEVEL_PERMINTAAN": "WARNING",
        "CACHE_URL": "",
    }
    if request.param == "redis":
        if not _redis_ada():
            pytest.skip("tidak ada Redis di 127.0.0.1:6379")
        env["CACHE_URL"] = "redis://127.0.0.1:6379/15"
    servers = [Server(env), Server(env)]
    try:
        for server in servers:
            server.tunggu()
        yield servers
    finally:
        for server in servers:
            server.berhenti()


def test_sessions_and_login_throttle_hold_across_two_app_processes(dua_server):
    a, b = dua_server
    User.objects.create_user(username="dua-proses", password="sandi-dua-proses-1")
    User.objects.create_user(username="dikunci", password="sandi-dikunci-1")

    # Logged in on A: a session on B.
    cookies: dict = {}
    status, location, _ = _masuk(a, cookies, "dua-proses", "sandi-dua-proses-1")
    assert (status, location) == (302, "/")
    assert b.minta("GET", "/pemberitahuan/", cookies)[0] == 200

    # PostgreSQL drops every connection of the two processes (as a restart does): their persistent connections are
    # found dead by the health check before use, so the next request, a POST that is never retried, succeeds.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] >= 2

    # Logged out on B: no session on A either.
    token = cookies["csrftoken"]
    status, location, _, _ = b.minta("POST", "/akun/keluar/", cookies, f"csrfmiddlewaretoken={token}")
    assert status == 302
    status, location, _, _ = a.minta("GET", "/pemberitahuan/", cookies)
    assert (status, location) == (302, "/akun/masuk/?next=/pemberitahuan/")

    # Five wrong passwords, alternating A and B, lock (username, IP) on both: the right one is refused on A.
    penyerang: dict = {}
    for i in range(5):
        status, _, isi = _masuk((a, b)[i % 2], penyerang, "dikunci", f"salah-{i}")
        assert status in (200, 429), status
    status, location, isi = _masuk(a, penyerang, "dikunci", "sandi-dikunci-1")
    assert location is None
    assert "terkunci" in isi.lower()
    status, location, isi = _masuk(b, {}, "dikunci", "sandi-dikunci-1")
    assert location is None
    assert "terkunci" in isi.lower()
