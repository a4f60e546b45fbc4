"""Documents issued once (docs/keputusan.md, «Dokumen terbit»): rendered to PDF once, stored in the private storage,
and served from there ever after, so every download returns the same bytes.

Each issued PDF prints a short verification code and the URL at which a logged-in user checks a copy: the copy is
genuine only when its SHA-256 equals that of the stored bytes.
"""

import base64
import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from .models import DokumenTerbit
from .pdf import html_to_pdf

PANJANG_KODE = 10


def _kode(html: str, pk: int) -> str:
    """A short code from the hash of the document's content and its row: 10 characters of base32 (A-Z, 2-7)."""
    digest = hashlib.sha256(f"{pk}:{html}".encode()).digest()
    return base64.b32encode(digest).decode()[:PANJANG_KODE]


def terbitkan(
    template_name: str, context: dict, *, jenis: str, judul: str, tanggal: datetime.date, nomor: str = ""
) -> DokumenTerbit:
    """Render `template_name` to PDF once and keep it.

    Side effects, in one transaction: one DokumenTerbit row with the PDF in the private storage (`dokumen/`),
    its SHA-256 and size. The template receives `verifikasi` ({"kode", "url"}) to print.
    """
    with transaction.atomic():
        dokumen = DokumenTerbit.objects.create(
            kode="~" + secrets.token_hex(7),  # replaced below, once the content and the row's key are known
            jenis=jenis,
            judul=judul[:300],
            nomor=nomor,
            tanggal=tanggal,
            sha256="",
            ukuran=0,
        )
        kode = _kode(render_to_string(template_name, {**context, "verifikasi": None}), dokumen.pk)
        verifikasi = {"kode": kode, "url": settings.ALAMAT_SITUS + reverse("dokumen:verifikasi", args=[kode])}
        pdf = html_to_pdf(render_to_string(template_name, {**context, "verifikasi": verifikasi}))
        dokumen.kode = kode
        dokumen.sha256 = hashlib.sha256(pdf).hexdigest()
        dokumen.ukuran = len(pdf)
        dokumen.berkas.save("dokumen.pdf", ContentFile(pdf), save=False)
        dokumen.save(update_fields=["kode", "sha256", "ukuran", "berkas"])
    return dokumen


def unduhan(dokumen: DokumenTerbit, filename: str) -> HttpResponse:
    """The stored PDF as an attachment: the same bytes every time."""
    response = HttpResponse(dokumen.isi(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


def cocok(dokumen: DokumenTerbit, data: bytes) -> bool:
    """The copy `data` is the issued PDF itself, byte for byte."""
    return hashlib.sha256(data).hexdigest() == dokumen.sha256
