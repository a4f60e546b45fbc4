"""nginx's 502/503/504 pages carry the app name of the installed pack (docs/operasi.md, «Halaman galat nginx»)."""

import io

import pytest
from django.core.management import call_command

from apps.paket.muat import PAKET_DIR, baca
from apps.paket.pasang import terapkan


@pytest.mark.django_db
def test_the_pages_name_the_app_of_the_installed_pack(tmp_path):
    call_command("halaman_galat", str(tmp_path / "kupang"), stdout=io.StringIO())
    halaman = {k: (tmp_path / "kupang" / f"{k}.html").read_text() for k in (502, 503, 504)}
    assert "<title>Aplikasi sedang dimulai ulang · Budaya Kerja Kupang</title>" in halaman[502]
    assert "<header>Budaya Kerja Kupang</header>" in halaman[503] and "Sedang pemeliharaan" in halaman[503]
    assert "Kode 504." in halaman[504] and "Server terlalu lama menjawab" in halaman[504]

    terapkan(baca(PAKET_DIR / "kota-lestari"))
    call_command("halaman_galat", str(tmp_path / "kota"), stdout=io.StringIO())
    for kode in (502, 503, 504):
        teks = (tmp_path / "kota" / f"{kode}.html").read_text()
        assert "<header>Budaya Kerja Lestari</header>" in teks and "Kupang" not in teks
        assert oct((tmp_path / "kota" / f"{kode}.html").stat().st_mode & 0o777) == "0o644"  # nginx's workers read it
