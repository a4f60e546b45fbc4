"""An SK is issued once (docs/keputusan.md, «Dokumen terbit»): after it is ditetapkan its PDF never changes, later
appointments need a new or an amending SK, a revocation is its own decree, and the verification page tells a
genuine copy from an altered one."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from apps.agen import services
from apps.agen.models import SuratKeputusan
from apps.agen.workflow import Aksi, Status
from tests.factories import PegawaiFactory

from . import helpers


def _tetapkan(world, sk, nama: str):
    pegawai = PegawaiFactory(nama=nama, unit_kerja=world.unit_a)
    n = helpers.nominasi(world, Status.DIREKOMENDASIKAN, pegawai=pegawai)
    services.nominasi_transisi(
        n, aksi=Aksi.TETAPKAN, aktor=world.kepala.user, surat_keputusan=sk, peran=["MEDIATOR"], tugas="T"
    )
    return n


@pytest.fixture
def sk_terbit(world):
    sk = helpers.sk(world, nomor="800/012/2026")
    nominasi = _tetapkan(world, sk, "Agen Pertama")
    services.surat_keputusan_tetapkan(sk, aktor=world.kepala.user)
    sk.refresh_from_db()
    return sk, nominasi


def test_sk_pdf_is_byte_identical_after_a_later_appointment_and_a_revocation(world, client_as, sk_terbit):
    sk, pertama = sk_terbit
    client = client_as("kepala")
    sebelum = client.get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk})).content
    assert sebelum[:5] == b"%PDF-"

    with pytest.raises(ValidationError):
        _tetapkan(world, sk, "Agen Terlambat")
    perubahan = services.surat_keputusan_buat(
        world.pd_x,
        nomor="800/013/2026",
        tanggal=datetime.date(2026, 12, 7),
        masa_mulai=sk.masa_mulai,
        masa_selesai=sk.masa_selesai,
        aktor=world.kepala.user,
        merujuk=sk,
    )
    _tetapkan(world, perubahan, "Agen Kedua")
    services.surat_keputusan_tetapkan(perubahan, aktor=world.kepala.user)
    services.nominasi_transisi(
        pertama,
        aksi=Aksi.CABUT,
        aktor=world.kepala.user,
        catatan="Mutasi",
        nomor_sk="800/014/2026",
        tanggal_sk=datetime.date(2026, 12, 8),
    )

    sesudah = client.get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk})).content
    assert sesudah == sebelum
    assert list(sk.penetapan.values_list("pegawai__nama", flat=True)) == ["Agen Pertama"]
    perubahan.refresh_from_db()
    assert (perubahan.jenis, perubahan.merujuk_id, perubahan.ditetapkan) == ("PERUBAHAN", sk.pk, True)
    cabut = SuratKeputusan.objects.get(nomor="800/014/2026")
    assert (cabut.jenis, cabut.merujuk_id, cabut.ditetapkan) == ("PENCABUTAN", sk.pk, True)
    assert list(cabut.pencabutan.values_list("pegawai__nama", flat=True)) == ["Agen Pertama"]


def test_an_issued_sk_is_not_issued_twice(world, sk_terbit):
    sk, _n = sk_terbit
    with pytest.raises(ValidationError):
        services.surat_keputusan_tetapkan(sk, aktor=world.kepala.user)


def test_an_empty_sk_is_not_issued(world):
    sk = helpers.sk(world, nomor="800/kosong")
    with pytest.raises(ValidationError):
        services.surat_keputusan_tetapkan(sk, aktor=world.kepala.user)
    sk.refresh_from_db()
    assert sk.ditetapkan_pada is None


def test_only_the_kepala_of_the_pd_issues_its_sk(world, client_as):
    sk = helpers.sk(world, nomor="800/kbk")
    _tetapkan(world, sk, "Agen Satu")
    url = reverse("agen:sk_tetapkan", kwargs={"pk": sk.pk})
    assert client_as("kbk").post(url, {"yakin": "on"}).status_code == 403
    assert client_as("outsider").post(url, {"yakin": "on"}).status_code == 404
    sk.refresh_from_db()
    assert sk.ditetapkan_pada is None
    client_as("kepala").post(url, {"yakin": "on"})
    sk.refresh_from_db()
    assert sk.ditetapkan is True


def test_verification_confirms_the_issued_pdf_and_refuses_an_altered_one(world, client_as, sk_terbit):
    sk, _n = sk_terbit
    client = client_as("kepala")
    asli = client.get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk})).content
    kode = sk.dokumen.kode

    pembaca = client_as("asn")  # anyone logged in
    url = reverse("dokumen:verifikasi", args=[kode])
    halaman = pembaca.get(url)
    assert halaman.status_code == 200
    assert "800/012/2026" in halaman.content.decode()

    benar = pembaca.post(url, {"berkas": SimpleUploadedFile("sk.pdf", asli, "application/pdf")})
    assert benar.context["hasil"] is True
    diubah = asli[:-20] + b"%% diubah\n" + asli[-20:]
    salah = pembaca.post(url, {"berkas": SimpleUploadedFile("sk.pdf", diubah, "application/pdf")})
    assert salah.context["hasil"] is False
    assert "Tidak cocok" in salah.content.decode()

    assert pembaca.get(reverse("dokumen:verifikasi", args=["ZZZZZZZZZZ"])).status_code == 404
    assert client_as("anonim").get(url).status_code == 302


def test_verification_code_is_printed_on_the_pdf(world, client_as, sk_terbit):
    sk, _n = sk_terbit
    asli = client_as("kepala").get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk})).content
    teks = "".join(page.extract_text() for page in PdfReader(io.BytesIO(asli)).pages)
    assert f"Kode verifikasi {sk.dokumen.kode}" in teks
    assert f"/dokumen/verifikasi/{sk.dokumen.kode}/" in teks
    assert "KEPUTUSAN KEPALA DINAS UJI X" in teks
