"""What a reminder reached (README «Operasi: kerja harian», "Email dan yang tanpa akun"): in the app, by email, and who
needs the printed list or a WhatsApp link; a failed email is recorded on its notice and shown to the sender."""

import urllib.parse

from django.core import mail
from django.urls import reverse

from apps.notifikasi.models import Email, Notifikasi
from apps.survei.models import Pengingat
from tests.survei.helpers import buat_periode


def _kirim(client, world, django_capture_on_commit_callbacks):
    periode = buat_periode()
    client.force_login(world.pimpinan.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("survei:pengingat", args=[periode.kode]), {"kelompok": f"unit:{world.unit_a.pk}"}
        )
    return periode, response


def test_the_reminder_page_states_reached_in_the_app_by_email_and_needing_the_list(
    world, client, django_capture_on_commit_callbacks
):
    # Unit A and its sub-unit A1, none submitted: the head (with email), the ASN of A (account, no email), the
    # ASN of A1 (no account).
    world.pimpinan.user.email = "kabid@example.org"
    world.pimpinan.user.save(update_fields=["email"])
    world.asn_a1.user = None
    world.asn_a1.telepon = "0812-3456-789"
    world.asn_a1.save(update_fields=["user", "telepon"])
    periode, response = _kirim(client, world, django_capture_on_commit_callbacks)
    sent = Pengingat.objects.get()
    assert response.url == reverse("survei:pengingat_hasil", args=[periode.kode, sent.pk])
    assert [m.to for m in mail.outbox] == [["kabid@example.org"]]
    html = client.get(response.url).content.decode()
    assert 'data-testid="jangkauan-aplikasi">2<' in html
    assert 'data-testid="jangkauan-email">1<' in html
    assert 'data-testid="jangkauan-daftar">2<' in html
    mulai = html.index('data-testid="daftar-pengingat"')
    daftar = html[mulai : html.index("</table>", mulai)]  # the list itself, not the page's footer links
    assert (world.asn.nama_lengkap in daftar, world.asn_a1.nama_lengkap in daftar) == (True, True)
    assert world.pimpinan.nama_lengkap not in daftar  # reached by email
    # One WhatsApp link each, prefilled Indonesian text; the number only where the registry holds one.
    links = [part.split('"')[0] for part in daftar.split('href="')[1:]]
    assert [link.split("?")[0] for link in links] == ["https://wa.me/", "https://wa.me/628123456789"]
    text = urllib.parse.unquote(links[1].split("?text=")[1].replace("&amp;", "&"))
    assert text.startswith(
        f"Yth. {world.asn_a1.nama_lengkap}, Formulir 1 {periode.nama} (Budaya Kerja) belum Anda kirim."
    )
    assert "email gagal" not in html


def test_a_failed_email_is_recorded_on_the_notice_and_shown_to_the_sender(
    world, client, settings, django_capture_on_commit_callbacks
):
    # A real SMTP backend pointed at a closed port: the send fails as it would with a mail server down.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    settings.EMAIL_USE_TLS = False
    world.asn.user.email = "asn@example.org"
    world.asn.user.save(update_fields=["email"])
    _periode, response = _kirim(client, world, django_capture_on_commit_callbacks)
    notice = Notifikasi.objects.get(penerima=world.asn.user)
    assert (notice.email, notice.email_galat.split(":")[0]) == (Email.GAGAL, "ConnectionRefusedError")
    html = client.get(response.url).content.decode()
    gagal = html[html.index('data-testid="email-gagal"') :]
    assert f"{world.asn.nama_lengkap} — ConnectionRefusedError" in gagal
    assert 'data-testid="jangkauan-email">0<' in html


def test_without_a_mail_server_the_notice_says_so(world, client, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    world.asn.user.email = "asn@example.org"
    world.asn.user.save(update_fields=["email"])
    _periode, response = _kirim(client, world, django_capture_on_commit_callbacks)
    assert Notifikasi.objects.get(penerima=world.asn.user).email == Email.NONAKTIF
    assert "email belum diatur di server" in client.get(response.url).content.decode()


def test_another_pds_head_cannot_open_the_reminder(world, client, django_capture_on_commit_callbacks):
    periode, response = _kirim(client, world, django_capture_on_commit_callbacks)
    client.force_login(world.outsider.user)
    assert client.get(response.url).status_code == 404
