"""Login throttling by IP beside axes' (NIP, IP) lock-out (issue "Password spraying is not slowed").

Numbers (apps/akun/throttle.py, README "Keamanan"): in 15 minutes, an address with 20 failures (+1 per account
that logged in successfully from it) may try once every 5 s; with 50 failures (+2 per such account) it is
stopped until the window moves on.
"""

import datetime

import pytest
from axes.models import AccessFailureLog
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "rahasia-uji-123"  # tests.factories.UserFactory
IP = "203.0.113.50"
BATAS_HENTI = 50  # apps/akun/throttle.py, README "Keamanan"


def _login(client: Client, username: str, password: str):
    return client.post(reverse("akun:login"), {"username": username, "password": password})


def _wait(seconds: int) -> None:
    """As if `seconds` had passed: move every recorded failure back in time."""
    for entry in AccessFailureLog.objects.all():
        AccessFailureLog.objects.filter(pk=entry.pk).update(
            attempt_time=entry.attempt_time - datetime.timedelta(seconds=seconds)
        )


def test_spraying_many_nips_from_one_address_slows_then_stops(db):
    sprayer = Client(REMOTE_ADDR=IP)
    nips = [f"19700101200001{n:04d}" for n in range(80)]

    first = [_login(sprayer, nip, "Kupang2026!").status_code for nip in nips[:21]]
    assert first == [200] * 20 + [429]  # after 20 failures: slowed

    _wait(6)
    assert _login(sprayer, nips[21], "Kupang2026!").status_code == 200  # one try every 5 s
    assert _login(sprayer, nips[22], "Kupang2026!").status_code == 429
    while AccessFailureLog.objects.filter(ip_address=IP).count() < BATAS_HENTI:
        _wait(6)
        assert _login(sprayer, nips[AccessFailureLog.objects.count()], "Kupang2026!").status_code == 200

    _wait(60)
    stopped = _login(sprayer, nips[-1], "Kupang2026!")
    assert stopped.status_code == 429  # stopped, however long between tries within the window
    assert "Terlalu banyak percobaan" in stopped.content.decode()
    assert int(stopped["Retry-After"]) > 60

    _wait(15 * 60)
    assert _login(sprayer, nips[-1], "Kupang2026!").status_code == 200  # the window moved on


def test_the_admin_login_is_throttled_too(db):
    sprayer = Client(REMOTE_ADDR=IP)
    for n in range(20):
        _login(sprayer, f"19700101200002{n:04d}", "Kupang2026!")
    response = sprayer.post(reverse("admin:login"), {"username": "admin", "password": "Kupang2026!"})
    assert response.status_code == 429


def test_a_stopped_address_does_not_stop_other_addresses(db):
    user = UserFactory(username="pegawai-lain")
    sprayer = Client(REMOTE_ADDR=IP)
    for n in range(BATAS_HENTI):
        _login(sprayer, f"1970010120000{n:05d}", "Kupang2026!")
        _wait(6)
    assert _login(sprayer, "x", "y").status_code == 429
    assert _login(Client(REMOTE_ADDR="198.51.100.3"), user.username, PASSWORD).status_code == 302


@pytest.mark.slow
def test_one_office_behind_one_nat_logs_in_on_the_deadline_day(db):
    """300 people from one IP within 15 minutes; one in three mistypes once, ten mistype three times."""
    users = [UserFactory(username=f"pegawai{n:03d}") for n in range(300)]
    office = Client(REMOTE_ADDR=IP)
    results = []
    for n, user in enumerate(users):
        mistakes = 3 if n % 30 == 7 else (1 if n % 3 == 0 else 0)
        for _ in range(mistakes):
            assert _login(office, user.username, "salah-ketik-123").status_code == 200
        results.append(_login(office, user.username, PASSWORD).status_code)
        office.logout()
    assert results == [302] * 300
    assert AccessFailureLog.objects.filter(ip_address=IP).count() == 100 + 10 * 3
