"""Another pemda's Instansi: pages and documents print its name, place, offices, regulation and app name, and
nothing of Kupang (docs/paket.md; scripts/tanpa_nama_pemda.py keeps the code free of the name)."""

import io
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.urls import reverse
from pypdf import PdfReader

from apps.agen import services
from apps.agen.workflow import Aksi, Status
from apps.common.errors import server_error
from apps.common.models import Instansi
from apps.kbk.models import TimMonev
from tests.agen import helpers
from tests.hasil.conftest import laporan_world  # noqa: F401 (fixture)

KOTA = {
    "nama": "Pemerintah Kota Contoh",
    "alamat": "Jl. Merdeka 1, Kota Contoh",
    "wilayah": "Kota Contoh",
    "kepala_daerah": "Wali Kota Contoh",
    "tempat": "Contoh",
    "peraturan": "Peraturan Wali Kota Contoh Nomor 7 Tahun 2024",
    "peraturan_judul": "Pedoman Budaya Kerja Aparatur di Kota Contoh",
    "nama_aplikasi": "Budaya Kerja Kota Contoh",
    "sekda": "Sekretaris Daerah Kota Contoh",
    "istilah": {"nilai_organisasi": "LESTARI"},
    "teks": {"pasal_laporan": "Pasal 11 ayat (2)"},
    "paket_kode": "kota-contoh",
    "paket_versi": "1",
}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PEMDA_LAIN = ("Kupang", "KUPANG", "Oelamasi", "Bupati")


@pytest.fixture
def kota(world) -> Instansi:
    return Instansi.objects.create(**KOTA)


def _datar(teks: str) -> str:
    return " ".join(teks.split())


def _pdf(data: bytes, nama: str) -> str:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / nama).write_bytes(data)
    return _datar(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def _tanpa_pemda_lain(teks: str) -> None:
    assert [kata for kata in PEMDA_LAIN if kata in teks] == []


@pytest.mark.parametrize(
    "persona,url,harus",
    [
        ("asn", reverse("beranda"), ["Budaya Kerja Kota Contoh", "Pemerintah Kota Contoh · Peraturan Wali Kota"]),
        ("asn", reverse("nilai:pedoman"), ["Lampiran BAB II Peraturan Wali Kota Contoh Nomor 7 Tahun 2024."]),
        ("monev", reverse("agen:ikhtisar"), ["Agen perubahan Kota Contoh"]),
        ("kbk", reverse("kbk:tim_monev"), ["Keputusan Wali Kota Contoh Nomor 100/2024"]),
        ("anonim", reverse("pdp:pemberitahuan"), ["Peraturan Wali Kota Contoh Nomor 7 Tahun 2024 memerintahkan"]),
        ("admin", reverse("admin:index"), ["Budaya Kerja Kota Contoh — Admin"]),
        ("asn", "/tidak-ada/", ["Budaya Kerja Kota Contoh"]),
    ],
    ids=["beranda", "pedoman", "ikhtisar-agen", "tim-monev", "pdp", "admin", "404"],
)
def test_pages_name_the_pemda_of_the_instansi_and_no_other(kota, client_as, persona, url, harus):
    TimMonev.objects.create(nomor_keputusan="100/2024", tanggal_keputusan="2024-01-02")
    response = client_as(persona).get(url)
    assert response.status_code == (404 if url == "/tidak-ada/" else 200)
    teks = _datar(response.content.decode())
    assert [h for h in harus if h not in teks] == []
    _tanpa_pemda_lain(teks)


def test_the_plain_error_page_names_the_app_of_the_instansi(kota, client_as):
    client_as("asn").get(reverse("beranda"))  # a page read the row, as in a running server
    body = server_error(RequestFactory().get("/")).content.decode()
    assert "Budaya Kerja Kota Contoh" in body and "Pemerintah Kota Contoh" in body
    _tanpa_pemda_lain(body)


def test_consolidated_report_pdf_is_addressed_to_the_wali_kota(kota, laporan_world, client_as):  # noqa: F811
    response = client_as("sekda").get(reverse("laporan:konsolidasi_unduh", args=["2025", "pdf"]))
    assert response.status_code == 200
    teks = _pdf(response.content, "laporan-kota-contoh.pdf")
    for harus in [
        "Yth. Wali Kota Contoh melalui Sekretaris Daerah Kota Contoh di Contoh",
        "Sesuai Pasal 11 ayat (2) Peraturan Wali Kota Contoh Nomor 7 Tahun 2024, Tim",
        "penerapan nilai-nilai organisasi LESTARI dan",
        "Budaya Kerja Pada Pemerintah Kota Contoh",
        "Sekretaris Daerah Kota Contoh;",  # tembusan
        "Pimpinan Perangkat Daerah se-Kota Contoh;",
        "Contoh, ",
    ]:
        assert harus in teks
    _tanpa_pemda_lain(teks)


def test_sk_pdf_is_set_in_the_place_of_the_instansi_under_its_regulation(kota, world, client_as):
    nominasi = helpers.nominasi(world, Status.DIREKOMENDASIKAN)
    sk = helpers.sk(world, nomor="800.1.2/07/PDX/2026")
    services.nominasi_transisi(
        nominasi, aksi=Aksi.TETAPKAN, aktor=world.kepala.user, surat_keputusan=sk, peran=["KATALIS"], tugas="A"
    )
    response = client_as("kepala").get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk}))
    assert response.status_code == 200
    teks = _pdf(response.content, "sk-kota-contoh.pdf")
    for harus in [
        "PEMERINTAH KOTA CONTOH",
        "Ditetapkan di Contoh",
        "Peraturan Wali Kota Contoh Nomor 7 Tahun 2024 tentang Pedoman Budaya Kerja Aparatur di Kota Contoh.",
        "internalisasi nilai-nilai organisasi LESTARI dan nilai-nilai dasar ASN BerAKHLAK",
    ]:
        assert harus in teks
    _tanpa_pemda_lain(teks)


def test_without_a_row_the_words_of_an_install_before_packs_stay(world, client_as):
    """An install that never saved its kop shows what it showed before packs (migration 0004)."""
    assert not Instansi.objects.exists()
    teks = _datar(client_as("asn").get(reverse("beranda")).content.decode())
    assert "Budaya Kerja Kupang" in teks


def test_a_row_with_neutral_words_names_no_pemda(world):
    instansi = Instansi()
    assert (instansi.nama, instansi.nama_aplikasi, instansi.kepala_daerah, instansi.sekda) == (
        "Pemerintah Daerah",
        "Budaya Kerja",
        "Kepala Daerah",
        "Sekretaris Daerah",
    )
    assert (instansi.istilah_dari("kbk"), instansi.istilah_dari("nilai_organisasi"), instansi.teks_dari("x")) == (
        "Kelompok Budaya Kerja",
        "",
        "",
    )


def test_saving_the_row_shows_at_once_in_the_pages_of_this_process(world, client_as):
    client = client_as("asn")
    assert "Budaya Kerja Kupang" in client.get(reverse("beranda")).content.decode()
    Instansi.objects.create(**KOTA)
    assert "Budaya Kerja Kota Contoh" in client.get(reverse("beranda")).content.decode()
