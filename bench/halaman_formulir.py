"""Weight of the Formulir 1 page at first load: the HTML and every asset it links, as served (measured, not CI).

    .venv/bin/python bench/halaman_formulir.py --base http://127.0.0.1:8000 --username asn --password demo12345

Logs in, fetches /survei/isi/<periode>/ and each stylesheet, script and image it references, with
"Accept-Encoding: br, gzip" as a phone browser sends it, and adds up the bytes on the wire (compressed as
served) and the uncompressed bytes. Run it against gunicorn with DEBUG=false so WhiteNoise serves the
precompressed files, as in production. The HTML itself is sent uncompressed by Django unless a proxy or
GZipMiddleware compresses it; the script also prints its gzip size for reference.
"""

import argparse
import gzip
import http.cookiejar
import re
import urllib.parse
import urllib.request

try:
    import brotli
except ImportError:  # brotli only decodes "br" responses for the uncompressed figure
    brotli = None

ENCODING = "br, gzip"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener(jar) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def fetch(op, url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[bytes, str, dict]:
    request = urllib.request.Request(url, data=data, headers={"Accept-Encoding": ENCODING, **(headers or {})})
    with op.open(request, timeout=30) as response:
        return response.read(), response.headers.get("Content-Encoding", ""), dict(response.headers)


def decoded(body: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br" and brotli is not None:
        return brotli.decompress(body)
    return body


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--username", default="asn")
    parser.add_argument("--password", default="demo12345")
    parser.add_argument("--periode", default="2026")
    args = parser.parse_args()
    jar = http.cookiejar.CookieJar()
    op = opener(jar)
    login_url = f"{args.base}/akun/masuk/"
    page, enc, _ = fetch(op, login_url)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', decoded(page, enc)).group(1).decode()
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": args.username, "password": args.password})
    fetch(op, login_url, form.encode(), {"Referer": login_url, "Content-Type": "application/x-www-form-urlencoded"})

    url = f"{args.base}/survei/isi/{args.periode}/"
    body, enc, _ = fetch(op, url)
    html = decoded(body, enc)
    if b'id="formulir"' not in html:
        raise SystemExit(f"{url} did not return the form (already submitted? wrong login?)")
    rows = [("HTML " + url.replace(args.base, ""), len(body), len(html), enc or "identity")]
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js|png|svg|woff2?|ico))"', html)
    for path in dict.fromkeys(a.decode() for a in assets):
        body, enc, _ = fetch(op, args.base + path)
        rows.append((path, len(body), len(decoded(body, enc)), enc or "identity"))
    width = max(len(r[0]) for r in rows)
    print(f"{'resource':<{width}}  {'wire':>8}  {'raw':>8}  encoding")
    for name, wire, raw, enc in rows:
        print(f"{name:<{width}}  {wire:>8}  {raw:>8}  {enc}")
    total_wire = sum(r[1] for r in rows)
    total_raw = sum(r[2] for r in rows)
    print(f"{'TOTAL':<{width}}  {total_wire:>8}  {total_raw:>8}  ({total_wire / 1024:.1f} KB on the wire)")
    html_gz = len(gzip.compress(html, 6))
    print(
        f"HTML gzip -6 (if a proxy compresses it): {html_gz} bytes; total then {(total_wire - rows[0][1] + html_gz) / 1024:.1f} KB"
    )


if __name__ == "__main__":
    main()
