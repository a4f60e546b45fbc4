"""Weight of the Formulir 1 page on the wire, cold (every asset) and warm (assets cached), as a phone gets it
(measured, not CI).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_perf .venv/bin/python bench/halaman_formulir.py
    .venv/bin/python bench/halaman_formulir.py --base http://127.0.0.1:8000     # a server already running

Without --base it starts gunicorn with the production settings (bench/_produksi.py: DEBUG off, WhiteNoise
serving the hashed, precompressed files) on a free port, on the DATABASE_URL database (seeded with
seed_demo when needed), and stops it afterwards. Logs in as the demo ASN, fetches /survei/isi/<periode>/
and every stylesheet, script and icon it references (and /favicon.ico when the page names no icon, as a
browser asks for it), each with "Accept-Encoding: br, gzip" as a phone browser sends it. Bytes on the wire
are the response's status line, headers and body as served (compressed when the server compresses);
"raw" is the body uncompressed. Cold: the HTML and every asset. Warm: the HTML only, since the assets
have hashed names and a year-long cache (a repeat visit asks for none of them).
"""

import argparse
import gzip
import http.client
import http.cookies
import os
import re
import socket
import subprocess
import sys
import urllib.parse
from pathlib import Path

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _produksi import ROOT, gunicorn, kumpulkan_statis, uptime  # noqa: E402

ENCODING = "br, gzip"


class Klien:
    """One HTTP/1.1 connection with a cookie jar (no redirects followed)."""

    def __init__(self, base: str) -> None:
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.cookies: dict[str, str] = {}

    def ambil(self, path: str, body: str | None = None, headers: dict | None = None) -> dict:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        h = {"Accept-Encoding": ENCODING, "Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request("POST" if body is not None else "GET", path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        for value in r.headers.get_all("Set-Cookie") or []:
            c = http.cookies.SimpleCookie(value)
            self.cookies.update({k: m.value for k, m in c.items()})
        head = len(f"HTTP/1.1 {r.status} {r.reason}\r\n") + sum(len(f"{k}: {v}\r\n") for k, v in r.headers.items()) + 2
        enc = r.headers.get("Content-Encoding", "")
        raw = gzip.decompress(data) if enc == "gzip" else brotli.decompress(data) if enc == "br" else data
        return {"status": r.status, "head": head, "body": len(data), "raw": raw, "enc": enc or "identity"}


def ukur(base: str, username: str, password: str, periode: str) -> None:
    k = Klien(base)
    login = k.ambil("/akun/masuk/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', login["raw"]).group(1).decode()
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    done = k.ambil("/akun/masuk/", form, {"Content-Type": "application/x-www-form-urlencoded", "Referer": base})
    if done["status"] != 302:
        raise SystemExit(f"login as {username} failed ({done['status']})")
    page = k.ambil(f"/survei/isi/{periode}/")
    html = page["raw"]
    if b'id="formulir"' not in html:
        raise SystemExit("the page is not the form (already submitted? wrong login?)")
    rows = [(f"HTML /survei/isi/{periode}/", page)]
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js|png|svg|woff2?|ico))"', html)
    if not re.search(rb'rel="(?:shortcut )?icon"', html):
        assets.append(b"/favicon.ico")
    for path in dict.fromkeys(a.decode() for a in assets):
        rows.append((path, k.ambil(path)))
    width = max(len(name) for name, _ in rows)
    print(f"{'resource':<{width}}  status  {'wire':>7}  {'headers':>7}  {'body':>7}  {'raw':>7}  encoding")
    for name, r in rows:
        print(
            f"{name:<{width}}  {r['status']:>6}  {r['head'] + r['body']:>7}  {r['head']:>7}  {r['body']:>7}  "
            f"{len(r['raw']):>7}  {r['enc']}"
        )
    cold = sum(r["head"] + r["body"] for _, r in rows)
    warm = page["head"] + page["body"]
    print(f"COLD (HTML + {len(rows) - 1} assets, {len(rows)} requests): {cold / 1024:.1f} KB on the wire")
    print(f"WARM (HTML only, assets cached): {warm / 1024:.1f} KB on the wire; {uptime()}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", help="a running server; default: start gunicorn (production settings)")
    parser.add_argument("--username", default="asn")
    parser.add_argument("--password", default="demo12345")
    parser.add_argument("--periode", default="2026")
    args = parser.parse_args()
    if args.base:
        ukur(args.base, args.username, args.password, args.periode)
        return
    python = str(ROOT / ".venv/bin/python")
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "bench-halaman-" + "x" * 50}
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    kumpulkan_statis()
    check = "from apps.survei.models import Periode; print(Periode.objects.filter(kode='2025').exists())"
    seeded = subprocess.run([python, "manage.py", "shell", "-c", check], cwd=ROOT, env=env, capture_output=True)
    if b"True" not in seeded.stdout:
        subprocess.run([python, "manage.py", "seed_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = gunicorn(port, workers=1)
    try:
        ukur(f"http://127.0.0.1:{port}", args.username, args.password, args.periode)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
