"""A full disk on upload on a phone (390 px, docs/operasi.md «Sehat dan gangguan»): a KBK member records a meeting
with a PDF while the server's disk is full; the same form comes back with the message at the top of the screen
without scrolling and beside the file field, and everything typed is still in the form."""

import errno
import os
from pathlib import Path

import pytest
from django.conf import settings

from apps.common.uploads import PESAN_PENYIMPANAN_PENUH
from apps.forum.models import Pertemuan

from .conftest import DESKTOP, login, screenshot

PONSEL = {"width": 390, "height": 844}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.browser
def test_a_full_disk_on_a_phone_keeps_the_form_and_says_so_at_the_top(demo_server, new_page, monkeypatch):
    page = new_page(PONSEL)
    login(page, demo_server, "kbk")
    page.get_by_role("button", name="Buka menu").click()
    page.get_by_role("link", name="Forum", exact=True).click()
    page.get_by_role("link", name="Forum Agen Perubahan BKPSDM").click()
    page.get_by_role("link", name="Catat pertemuan").click()
    page.get_by_label("Tanggal").fill("2026-11-20")
    page.get_by_label("Topik").fill("Rapat saat disk penuh")
    page.get_by_label("Fasilitator").fill("Kepala Bidang Mutasi")
    page.locator("input[name=peserta]").nth(0).check()
    page.get_by_label("Catatan pertemuan").fill("Catatan panjang yang tidak boleh hilang.")
    page.get_by_label("Lampiran (opsional)").set_input_files(
        {"name": "notulen.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    media = Path(settings.MEDIA_ROOT)
    sebelum = sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []

    def fsync(fd):  # the live server runs in this process: its writes now meet a full disk
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan").click()
    monkeypatch.undo()

    pesan = str(PESAN_PENYIMPANAN_PENUH)
    atas = page.get_by_role("alert").filter(has_text=pesan).first
    kotak = atas.bounding_box()
    # At the top of the screen as the page opens, without scrolling.
    assert page.evaluate("window.scrollY") == 0
    assert kotak is not None and kotak["y"] >= 0 and kotak["y"] + kotak["height"] <= PONSEL["height"]
    # Beside the file field, and what was typed is still there.
    assert page.locator(".invalid-feedback", has_text=pesan).count() == 1
    assert page.get_by_label("Topik").input_value() == "Rapat saat disk penuh"
    assert page.get_by_label("Catatan pertemuan").input_value() == "Catatan panjang yang tidak boleh hilang."
    assert page.locator("input[name=peserta]").nth(0).is_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= PONSEL["width"]
    screenshot(page, "disk-penuh-390")
    page.set_viewport_size(DESKTOP)
    screenshot(page, "disk-penuh-1280")
    # Nothing stored: no meeting, no new file.
    assert not Pertemuan.objects.filter(topik="Rapat saat disk penuh").exists()
    assert (sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []) == sebelum
