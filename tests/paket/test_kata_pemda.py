"""Words that the templates and forms wrote for Kupang before pemda packs read the same with pack 1, and another
pack's words with pack 2 (docs/paket.md): the regulation's short name, the legal basis of the privacy notice, the
kind of region, the head of region in labels, the local values' name in a help text."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from apps.agen.models import Penetapan
from apps.common import instansi as instansi_cache
from apps.forum.forms import PraktikBaikForm
from apps.kbk.models import TimMonev
from apps.laporan.forms import FinalisasiForm
from apps.paket.muat import PAKET_DIR, baca
from apps.paket.pasang import terapkan


def _kata(client) -> dict[str, str]:
    instansi = instansi_cache.instansi_halaman()
    tabel = render_to_string(
        "laporan/_tabel.html", {"instansi": instansi, "kolom": ["Unit"] * 8, "laporan": None, "pdf": False}
    )
    return {
        "tabel": tabel,
        "pemberitahuan": client.get(reverse("pdp:pemberitahuan")).content.decode(),
        "finalisasi": str(FinalisasiForm().fields["nomor_surat"].label),
        "praktik": str(PraktikBaikForm(agen_qs=Penetapan.objects.none()).fields["nilai"].help_text),
        "tim_monev": client.get(reverse("admin:kbk_timmonev_add")).content.decode(),
        "tim_monev_daftar": client.get(reverse("admin:kbk_timmonev_changelist")).content.decode(),
    }


@pytest.mark.django_db
def test_kupang_reads_as_before_packs_and_another_pack_reads_its_own_words(admin_client):
    TimMonev.objects.create(nomor_keputusan="100/KEP/HK/2025", tanggal_keputusan=datetime.date(2025, 1, 6))
    kata = _kata(admin_client)
    assert "judul kolom di Perbup: “Total Score dan Kategori”" in kata["tabel"]
    assert (
        "(UU 27/2022 Pasal 20 ayat (2) huruf e): Peraturan Bupati tentang Pedoman Penerapan Budaya Kerja "
        "memerintahkan penilaian mandiri Formulir 1"
    ) in kata["pemberitahuan"]
    assert "per Perangkat Daerah dan kabupaten." in kata["pemberitahuan"]
    assert kata["finalisasi"] == "Nomor surat pengantar kepada Bupati"
    assert kata["praktik"] == "Nilai MEDIASI dan/atau BerAKHLAK yang diterapkan."
    assert "Nomor Keputusan Bupati" in kata["tim_monev"] and "Nomor Keputusan Bupati" in kata["tim_monev_daftar"]

    terapkan(baca(PAKET_DIR / "kota-lestari"))
    kata = _kata(admin_client)
    assert "judul kolom di Perwali: “Total Score dan Kategori”" in kata["tabel"]
    assert "huruf e): Peraturan Wali Kota Lestari Nomor" in kata["pemberitahuan"]
    assert "per Perangkat Daerah dan kota." in kata["pemberitahuan"]
    assert kata["finalisasi"] == "Nomor surat pengantar kepada Wali Kota"
    assert kata["praktik"] == "Nilai PRIMA dan/atau BerAKHLAK yang diterapkan."
    assert "Nomor Keputusan Wali Kota" in kata["tim_monev"] and "Nomor Keputusan Wali Kota" in kata["tim_monev_daftar"]
    assert not [k for k, teks in kata.items() if "Kupang" in teks or "Bupati" in teks]
