"""Security baseline (docs/keamanan.md, «Kendali», "Accounts and sessions", "Access control")."""

import datetime
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.access.matrix import LOGIN
from tests.factories import UserFactory
from tests.test_access_matrix import CASES

ROOT = Path(__file__).resolve().parents[1]
LOGIN_URL = reverse("akun:login")
PASSWORD = "rahasia-uji-123"  # tests.factories.UserFactory


def _production_env(**extra) -> dict[str, str]:
    # Only what a production service would have: no test-only variables (DJANGO_ALLOW_ASYNC_UNSAFE, ...).
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}}
    env.update(
        DJANGO_SETTINGS_MODULE="kupang_budaya.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(45)[:60],
        ALLOWED_HOSTS="budaya.kupangkab.go.id",
        CSRF_TRUSTED_ORIGINS="https://budaya.kupangkab.go.id",
        DATABASE_URL=f"sqlite:///{ROOT / 'tmp-check-deploy.sqlite3'}",
        **extra,
    )
    return env


def test_check_deploy_passes_with_production_variables():
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "System check identified no issues (0 silenced)."


def test_check_deploy_fails_with_a_short_secret_key():
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**_production_env(), "SECRET_KEY": "pendek"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "security.W009" in done.stderr


@override_settings(ALLOWED_HOSTS=["budaya.kupangkab.go.id"])
def test_foreign_host_header_gets_400(client, db):
    assert client.get(LOGIN_URL, HTTP_HOST="budaya.kupangkab.go.id").status_code == 200
    assert client.get(LOGIN_URL, HTTP_HOST="evil.example").status_code == 400


def _csp(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_strict_content_security_policy(client, db):
    csp = _csp(client.get(LOGIN_URL))
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in value for values in csp.values() for value in values)


def test_security_headers(client, db):
    response = client.get(LOGIN_URL)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style", re.I), "<style>"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I), "inline event handler"),
]


def test_no_template_has_inline_script_or_style():
    found = []
    for template in sorted((ROOT / "templates").rglob("*.html")):
        text = template.read_text()
        for pattern, what in INLINE:
            found += [f"{template.relative_to(ROOT)}: {what}" for _ in pattern.findall(text)]
    assert found == []


def test_template_scan_catches_inline_code():
    sample = '<p style="color:red" onclick="x()"><script>alert(1)</script><style>p{}</style>'
    assert [what for pattern, what in INLINE if pattern.search(sample)] == [
        "inline <script>",
        "<style>",
        "style attribute",
        "inline event handler",
    ]


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("pendek1!", "password_too_short"),
        ("password1234", "password_too_common"),
        ("198001012005011001", "password_nip_like"),
        ("kata-19800101-sandi", "password_nip_like"),
    ],
)
def test_password_validators_reject(password, code, db):
    user = UserFactory.build(username="198001012005011001")
    with pytest.raises(ValidationError) as exc:
        validate_password(password, user)
    assert code in [e.code for e in exc.value.error_list]


def test_password_validators_accept_a_long_passphrase(db):
    validate_password("jagung bose dan se'i babi di oesao", UserFactory.build(username="198001012005011001"))


def test_argon2_is_the_production_hasher():
    from kupang_budaya import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def _login(client, username: str, password: str, ip: str = "10.0.0.1", forwarded: str | None = None):
    extra = {"REMOTE_ADDR": ip}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(LOGIN_URL, {"username": username, "password": password}, **extra)


def test_axes_locks_username_and_ip_after_5_failures_despite_spoofed_forwarded_for(client, db):
    UserFactory(username="target")
    for n in range(5):
        _login(client, "target", "salah", forwarded=f"203.0.113.{n}")

    locked = _login(client, "target", PASSWORD, forwarded="198.51.100.7")
    other_ip = _login(client, "target", PASSWORD, ip="10.0.0.2")

    assert locked.status_code == 429
    assert "Akun terkunci sementara" in locked.content.decode()
    assert other_ip.status_code == 302


def test_admin_lifts_a_lock_out(client, db):
    UserFactory(username="target")
    for _ in range(5):
        _login(client, "target", "salah")
    assert _login(client, "target", PASSWORD).status_code == 429

    call_command("axes_reset_username", "target", stdout=open(os.devnull, "w"))

    assert _login(client, "target", PASSWORD).status_code == 302


def test_session_key_changes_at_login(client, db):
    UserFactory(username="pengguna")
    client.get(LOGIN_URL)
    session = client.session
    session["marker"] = 1
    session.save()
    before = session.session_key

    _login(client, "pengguna", PASSWORD)

    assert client.session.session_key != before
    assert client.session["_auth_user_id"]


def test_logout_is_post_only_and_ends_the_session(client, db):
    user = UserFactory(username="pengguna")
    client.force_login(user)
    key = client.session.session_key

    assert client.get(reverse("akun:logout")).status_code == 405
    response = client.post(reverse("akun:logout"))

    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("beranda"))["Location"].startswith(LOGIN_URL)


def test_idle_timeout_is_30_minutes(client, db):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(UserFactory(username="pengguna"))
    assert client.get(reverse("beranda")).status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    remaining = session.expire_date - timezone.now()
    assert datetime.timedelta(minutes=29) < remaining <= datetime.timedelta(minutes=30)

    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    assert client.get(reverse("beranda"))["Location"].startswith(LOGIN_URL)


def test_a_request_renews_the_session_once_its_last_write_is_a_minute_old(client, db):
    """The idle timeout runs from the last write; a request writes when the last one is 60 s old or more."""
    client.force_login(UserFactory(username="pengguna"))
    client.get(reverse("beranda"))
    key = client.session.session_key
    soon = timezone.now() + datetime.timedelta(minutes=10)
    Session.objects.filter(pk=key).update(expire_date=soon)

    client.get(reverse("beranda"))
    assert Session.objects.get(pk=key).expire_date == soon  # written less than a minute ago: not again

    session = client.session
    session["_disegarkan"] -= 60
    session.save()
    client.get(reverse("beranda"))
    remaining = Session.objects.get(pk=key).expire_date - timezone.now()
    assert datetime.timedelta(minutes=29) < remaining <= datetime.timedelta(minutes=30)


def test_deactivating_a_user_ends_their_sessions(client, db):
    user = UserFactory(username="pengguna")
    client.force_login(user)
    assert client.get(reverse("beranda")).status_code == 200

    user.is_active = False
    user.save()

    response = client.get(reverse("beranda"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_only_login_activation_and_help_pages_are_open_to_anonymous():
    open_pages = {case.url_name for case in CASES if case.expect["anonim"] != LOGIN}
    # The service worker of Formulir 1 is code without data (static/js/sw.js); the privacy notice is public text
    # (docs/pdp.md), linked from the login page. The health check answers load balancers without a login and carries
    # no personal data (docs/keputusan.md, «Antarmuka yang tetap», `GET /sehat/`).
    assert open_pages == {
        "akun:login",
        "akun:aktivasi",
        "akun:lupa_sandi",
        "survei:service_worker",
        "pdp:pemberitahuan",
        "sehat",
    }


# Object URLs whose object is not of a PD (a periode, the instrument): the kabupaten's, open by role.
KABUPATEN_OBJECT_URLS = {
    "laporan:konsolidasi",
    "laporan:konsolidasi_unduh",
    "laporan:dasbor",
    "laporan:finalisasi",
    "laporan:catatan_pd",
    "laporan:catatan_unit",
    "laporan:rincian",
    "survei:formulir",
    "survei:buka_kembali",
    "survei:instrumen",
    "survei:cetak",
    "survei:partisipasi",
    "survei:partisipasi_cetak",
    "survei:partisipasi_xlsx",
    "survei:pengingat",
    "survei:periode_status",
    "laporan:ekspor_jawaban",
    "laporan:hasil_saya",  # the viewer's own results of a periode: every ASN's, scoped to themselves
    # An issued document is found by the code printed on it, which any logged-in reader of the paper holds
    # (docs/keputusan.md, «Dokumen terbit»): whoever has the code may check it, whatever their PD.
    "dokumen:verifikasi",
}


# Cases (by id: their URL names also serve objects of PD X) whose object is the kabupaten forum's, or a praktik
# baik, which every logged-in user reads (Lampiran BAB III 2.2.4 3d).
KABUPATEN_OBJECT_CASES = {
    "forum:forum_detail[kabupaten]",
    "forum:pertemuan_tambah[kabupaten]",
    "forum:pertemuan_detail[kabupaten]",
    "forum:lampiran_unduh[kabupaten]",
    "forum:praktik_tambah[kabupaten]",
    "forum:praktik_detail",
    "forum:praktik_ubah",
}


def test_outsider_gets_404_on_every_object_url_of_pd_x():
    """Every other case with URL kwargs names an object of PD X (tests/access): the Kepala PD, KBK member
    and head of unit of PD Y must not learn that it exists."""
    object_cases = [
        case
        for case in CASES
        if case.kwargs is not None
        and case.url_name not in KABUPATEN_OBJECT_URLS
        and case.id not in KABUPATEN_OBJECT_CASES
    ]
    assert len(object_cases) >= 4
    assert [case.id for case in object_cases if case.expect["outsider"] != 404] == []
