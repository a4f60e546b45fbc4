"""The admin's pegawai import page speaks Indonesian (django-import-export ships no Indonesian translation)."""

from django.urls import reverse


def test_pegawai_import_page_has_no_english_left(world, client_as):
    html = client_as("admin").get(reverse("admin:organisasi_pegawai_import")).content.decode()
    for english in ["This importer", "File to import", "<h1>Import</h1>", ">Submit<", "Format:</label>"]:
        assert english not in html, english
    for indonesian in [
        "<h1>Impor pegawai</h1>",
        "Kolom yang dibaca dari berkas",
        "Berkas yang diimpor (XLSX atau CSV)",
    ]:
        assert indonesian in html, indonesian
    daftar = client_as("admin").get(reverse("admin:organisasi_pegawai_changelist")).content.decode()
    assert ">Impor</a>" in daftar
    assert ">Import</a>" not in daftar
