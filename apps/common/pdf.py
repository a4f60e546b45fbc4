"""PDF rendering with WeasyPrint, safely (docs/keamanan.md, «Kendali»: CVE-2025-68616 and the WeasyPrint security docs).

- The URL fetcher serves only our own static files and `data:` URLs: `file:///etc/passwd`, an http(s)
  URL (say to 169.254.169.254) or any other scheme fetches nothing.
- Rendering runs in a forked child process with a time limit, so a pathological document cannot hold a
  worker: past the limit the child is killed and PdfRenderTimeoutError is raised.
"""

import multiprocessing
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

# Documents are rendered with this base URL, so `{% static %}` paths ("/static/...") resolve under it.
# The prefix is only a name: it is mapped to STATIC_ROOT (or the finders), never read from the disk root.
BASE_URL = "file:///"
_STATIC_PREFIX = "file:///" + settings.STATIC_URL.strip("/") + "/"


class PdfRenderTimeoutError(Exception):
    pass


def static_file_for_url(url: str) -> Path | None:
    """The file on disk for one of our static URLs, or None for anything else."""
    if not url.startswith(_STATIC_PREFIX):
        return None
    relative = posixpath.normpath(unquote(urlsplit(url).path).removeprefix(urlsplit(_STATIC_PREFIX).path))
    if relative.startswith(("..", "/")) or "\x00" in relative:
        return None
    root = Path(settings.STATIC_ROOT)
    collected = (root / relative).resolve()
    if collected.is_file() and collected.is_relative_to(root.resolve()):
        return collected
    # Before collectstatic (development), a hashed name is not on disk: look the plain name up.
    found = finders.find(relative)
    return Path(found) if found else None


class StaticOnlyURLFetcher(URLFetcher):
    """Fetch `data:` URLs and our own static files; refuse everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = static_file_for_url(url)
        if path is None:
            raise ValueError(f"fetching {url[:80]!r} is not allowed in PDF rendering")
        return super().fetch(path.as_uri(), headers)


def _render_child(html: str, conn) -> None:
    try:
        pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyURLFetcher()).write_pdf()
        conn.send(("ok", pdf))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", repr(exc)))
    finally:
        conn.close()


def html_to_pdf(html: str, timeout: float | None = None) -> bytes:
    """Render an HTML string to PDF bytes within `timeout` seconds (settings.PDF_RENDER_TIMEOUT)."""
    timeout = settings.PDF_RENDER_TIMEOUT if timeout is None else timeout
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_render_child, args=(html, child), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise PdfRenderTimeoutError(f"PDF rendering took longer than {timeout} s")
        status, payload = parent.recv()
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        parent.close()
    if status != "ok":
        raise RuntimeError(f"PDF rendering failed: {payload}")
    return payload


def render_pdf(template_name: str, context: dict, timeout: float | None = None) -> bytes:
    """Render a Django template (autoescaped, as every template) to PDF bytes."""
    return html_to_pdf(render_to_string(template_name, context), timeout=timeout)
