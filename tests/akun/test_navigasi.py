"""Navigation and language: a password change for a logged-in user, "— pilih —" for empty
choices, Indonesian whatever the browser prefers."""

from django import forms
from django.urls import reverse

from apps.organisasi.models import Pegawai


def test_a_logged_in_user_changes_their_password(world, client):
    user = world.asn.user
    user.set_password("lama-sekali-123")
    user.save()
    client.force_login(user)
    response = client.post(
        reverse("akun:ganti_sandi"),
        {"old_password": "lama-sekali-123", "new_password1": "Baru-Kupang-2026!", "new_password2": "Baru-Kupang-2026!"},
    )
    assert response["Location"] == reverse("beranda")
    user.refresh_from_db()
    assert user.check_password("Baru-Kupang-2026!")


def test_a_wrong_old_password_names_the_field(world, client):
    client.force_login(world.asn.user)
    response = client.post(
        reverse("akun:ganti_sandi"),
        {"old_password": "salah", "new_password1": "Baru-Kupang-2026!", "new_password2": "Baru-Kupang-2026!"},
    )
    assert list(response.context["form"].errors) == ["old_password"]


def test_empty_choices_read_pilih(db):
    form = forms.modelform_factory(Pegawai, fields=["unit_kerja", "golongan"])()
    assert form.fields["unit_kerja"].empty_label == "— pilih —"
    assert '<option value="" selected>— pilih —</option>' in str(form["golongan"])


def test_the_ui_stays_indonesian_for_an_english_browser(world, client):
    client.force_login(world.asn.user)
    page = client.get("/", headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert '<html lang="id">' in page
    assert "Keluar" in page
