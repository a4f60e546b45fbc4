"""Nobody can lock another out of activation: wrong codes are counted per (IP, NIP) and per IP, never per NIP
alone (apps/akun/throttle.py; README, "Keamanan")."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.akun.models import KodeAktivasi, User
from apps.akun.throttle import BATAS_IP_NIP, BATAS_LAMBAT
from tests.factories import PegawaiFactory

PASSWORD = "kopi-pagi-di-oelamasi-2026"


def _aktifkan(nip: str, kode: str, ip: str) -> int:
    data = {"nip": nip, "kode": kode, "password1": PASSWORD, "password2": PASSWORD}
    return Client(REMOTE_ADDR=ip).post(reverse("akun:aktivasi"), data).status_code


@pytest.fixture
def target(world):
    """A named person who has not activated yet, with a printed code."""
    pegawai = PegawaiFactory(nama="Sasaran Penebak", unit_kerja=world.unit_a, user=None)
    admin = Client()
    admin.force_login(world.admin)
    page = admin.post(reverse("akun:kode_aktivasi_pegawai", args=[pegawai.pk]), {"konfirmasi": "on"})
    kode = page.content.decode().split('class="font-monospace kode">', 1)[1].split("<", 1)[0]
    return pegawai, kode


def test_guesses_from_elsewhere_do_not_stop_the_genuine_code(target):
    pegawai, kode = target
    # Five anonymous wrong codes from each of three addresses: the old rule (per NIP) then refused the real code.
    tebakan = [_aktifkan(pegawai.nip, "SALAH-KODE1", ip=f"203.0.113.{n}") for n in range(3) for _ in range(5)]
    assert tebakan == [200] * 15

    assert _aktifkan(pegawai.nip, kode, ip="10.9.9.9") == 302
    assert User.objects.get(username=pegawai.nip).check_password(PASSWORD)
    assert KodeAktivasi.objects.get(pegawai=pegawai).dipakai_pada is not None


def test_the_throttle_counts_per_ip_and_nip(target, world):
    pegawai, kode = target
    lain = PegawaiFactory(unit_kerja=world.unit_a, user=None)
    statuses = [_aktifkan(pegawai.nip, "SALAH-KODE1", ip="203.0.113.7") for _ in range(BATAS_IP_NIP + 1)]
    assert statuses == [200] * BATAS_IP_NIP + [429]
    # The same address, even with the right code, waits for this NIP; the same address for another NIP goes on.
    assert _aktifkan(pegawai.nip, kode, ip="203.0.113.7") == 429
    assert _aktifkan(lain.nip, "SALAH-KODE1", ip="203.0.113.7") == 200


def test_the_throttle_counts_per_ip_across_nips(world):
    pegawai = [PegawaiFactory(unit_kerja=world.unit_b, user=None) for _ in range(BATAS_LAMBAT + 2)]
    statuses = [_aktifkan(p.nip, "SALAH-KODE1", ip="203.0.113.8") for p in pegawai]
    assert statuses == [200] * BATAS_LAMBAT + [429] * 2
    # Another address is not slowed by this one's guesses.
    assert _aktifkan(pegawai[0].nip, "SALAH-KODE1", ip="203.0.113.9") == 200
