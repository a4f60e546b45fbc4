"""The kop instansi in the admin: one row, a logo checked by content (PNG or JPEG, at most 512 KB), removable."""

import base64

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.common.models import Instansi
from apps.common.uploads import MAX_LOGO_BYTES, periksa_logo

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
ADD_URL = reverse("admin:common_instansi_add")


def _data(**extra) -> dict:
    return {"nama": "Pemerintah Kabupaten Kupang", "alamat": "Jl. Timor Raya, Oelamasi", **extra}


def _logo(isi: bytes, nama: str = "logo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi, content_type="image/png")


def test_admin_adds_the_one_kop_with_a_png_logo(world, client_as):
    client = client_as("admin")
    response = client.post(ADD_URL, _data(berkas_logo=_logo(PNG)))
    assert response.status_code == 302
    instansi = Instansi.objects.get()
    assert (str(instansi), instansi.logo_jenis, bytes(instansi.logo)) == (
        "Pemerintah Kabupaten Kupang",
        "image/png",
        PNG,
    )
    assert instansi.logo_data_url == "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert Instansi.aktif() == instansi
    # One row only: the add page is closed once it exists.
    assert client.get(ADD_URL).status_code == 403


def test_a_new_logo_replaces_the_old_and_removing_it_leaves_a_text_kop(world, client_as):
    instansi = Instansi.objects.create(logo=PNG, logo_jenis="image/png")
    url = reverse("admin:common_instansi_change", args=[instansi.pk])
    client = client_as("admin")
    client.post(url, _data(berkas_logo=_logo(JPEG, "logo.jpg")))
    instansi.refresh_from_db()
    assert (instansi.logo_jenis, bytes(instansi.logo)) == ("image/jpeg", JPEG)
    client.post(url, _data(hapus_logo="on"))
    instansi.refresh_from_db()
    assert (instansi.logo, instansi.logo_jenis, instansi.logo_data_url) == (None, "", "")


@pytest.mark.parametrize(
    "isi,pesan",
    [
        (b"GIF89a" + b"\x00" * 16, "Logo harus berupa gambar PNG atau JPEG."),
        (PNG + b"\x00" * MAX_LOGO_BYTES, "Logo terlalu besar; paling besar 512 KB."),
    ],
    ids=["gif", "too-large"],
)
def test_a_logo_that_is_not_a_small_png_or_jpeg_is_refused(world, client_as, isi, pesan):
    response = client_as("admin").post(ADD_URL, _data(berkas_logo=_logo(isi)))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"berkas_logo": [pesan]}
    assert not Instansi.objects.exists()


def test_an_empty_logo_is_refused_by_the_check(world):
    with pytest.raises(ValidationError) as exc:
        periksa_logo(b"")
    assert exc.value.messages == ["Berkas kosong."]


def test_only_the_admin_edits_the_kop(world, client_as):
    assert client_as("monev").get(ADD_URL).status_code == 302  # to the admin login
    assert client_as("kepala").post(ADD_URL, _data(berkas_logo=_logo(PNG))).status_code == 302
    assert not Instansi.objects.exists()
