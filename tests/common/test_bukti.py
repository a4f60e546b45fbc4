"""Evidence-file checks (apps/common/uploads.py): PDF, JPEG, PNG by their first bytes, at most 5 MB, the name
agreeing with the content; the browser's Content-Type is never trusted."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.common.uploads import BUKTI_MAX_BYTES, NamaAcak, PenyimpananPrivat, periksa_bukti

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.mark.parametrize(
    "nama,isi,jenis,content_type",
    [
        ("a.pdf", PDF, "pdf", "application/pdf"),
        ("FOTO.JPG", JPEG, "jpg", "image/jpeg"),
        ("foto.jpeg", JPEG, "jpg", "image/jpeg"),
        ("bagan.png", PNG, "png", "image/png"),
    ],
)
def test_accepted_kinds(nama, isi, jenis, content_type):
    bukti = periksa_bukti(SimpleUploadedFile(nama, isi, content_type="text/html"))
    assert (bukti.jenis, bukti.content_type, bukti.ukuran) == (jenis, content_type, len(isi))


@pytest.mark.parametrize(
    "nama,isi,pesan",
    [
        ("a.pdf", b"<html></html>", "Isi berkas bukan PDF, JPEG, atau PNG. Hanya ketiga jenis itu yang diterima."),
        ("a.exe", b"MZ\x90\x00", "Isi berkas bukan PDF, JPEG, atau PNG. Hanya ketiga jenis itu yang diterima."),
        ("a.html", PDF, "Nama berkas tidak sesuai isinya (PDF): gunakan akhiran .pdf."),
        ("a.png", JPEG, "Nama berkas tidak sesuai isinya (JPG): gunakan akhiran .jpg atau .jpeg."),
        ("a.pdf", PDF + b"0" * BUKTI_MAX_BYTES, "Berkas terlalu besar (5.0 MB); paling besar 5 MB."),
    ],
)
def test_refused(nama, isi, pesan):
    with pytest.raises(ValidationError) as exc:
        periksa_bukti(SimpleUploadedFile(nama, isi, content_type="application/pdf"))
    assert exc.value.messages == [pesan]


def test_exactly_five_megabytes_is_accepted():
    isi = PDF + b"0" * (BUKTI_MAX_BYTES - len(PDF))
    assert periksa_bukti(SimpleUploadedFile("a.pdf", isi)).ukuran == BUKTI_MAX_BYTES


def test_random_private_names_have_no_url():
    nama = NamaAcak("uji")(None, "Laporan Saya.PDF")
    assert nama.startswith("privat/uji/") and nama.endswith(".pdf")
    assert "Laporan" not in nama
    assert nama != NamaAcak("uji")(None, "Laporan Saya.PDF")
    with pytest.raises(ValueError):
        PenyimpananPrivat().url(nama)
