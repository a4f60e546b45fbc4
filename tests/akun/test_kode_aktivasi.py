"""Activation code sheets (docs/keputusan.md, «Registri dan impor» / «Kode aktivasi»): printed by the admin or the Kepala PD, one use, 7 days, 5 tries."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.akun.models import KodeAktivasi, User
from tests.factories import PegawaiFactory

PASSWORD = "kopi-pagi-di-oelamasi-2026"
CODE_RE = re.compile(r'<td class="font-monospace kode">([A-Z0-9-]+)</td>')


@pytest.fixture
def baru(world):
    """A pegawai of unit A imported without an account."""
    return PegawaiFactory(nama="Pegawai Baru", unit_kerja=world.unit_a, user=None)


def _print_sheet(client, unit, cetak_ulang: bool = False) -> str:
    data = {"konfirmasi": "on", **({"cetak_ulang": "on"} if cetak_ulang else {})}
    response = client.post(reverse("akun:kode_aktivasi_cetak", args=[unit.pk]), data)
    assert response.status_code == 200
    return response.content.decode()


def _print_one(client, pegawai, alasan: str = "") -> str:
    data = {"konfirmasi": "on", "alasan": alasan}
    response = client.post(reverse("akun:kode_aktivasi_pegawai", args=[pegawai.pk]), data)
    assert response.status_code == 200
    return response.content.decode()


SHEET_ROW_RE = re.compile(
    r'<td class="font-monospace">(\d{18})</td><td>[^<]*</td><td class="font-monospace kode">([A-Z0-9-]+)</td>'
)


def _codes_by_nip(page: str) -> dict[str, str]:
    return dict(SHEET_ROW_RE.findall(page))


def _activate(client, nip: str, code: str, password: str = PASSWORD):
    return client.post(
        reverse("akun:aktivasi"), {"nip": nip, "kode": code, "password1": password, "password2": password}
    )


def test_printed_code_works_once_and_never_again(world, baru, client_as):
    page = _print_sheet(client_as("kepala"), world.unit_a)
    codes = CODE_RE.findall(page)
    assert len(codes) == 1
    assert baru.nip in page
    assert "/akun/aktivasi/" in page

    client = client_as("anonim")
    first = _activate(client, baru.nip, codes[0])
    second = _activate(client, baru.nip, codes[0], password="teh-sore-di-baumata-2026")

    assert first.status_code == 302
    assert first["Location"] == reverse("akun:login")
    baru.refresh_from_db()
    assert baru.user.username == baru.nip
    assert baru.user.check_password(PASSWORD)
    assert second.status_code == 200
    assert "NIP atau kode aktivasi tidak cocok, sudah dipakai, atau sudah kedaluwarsa." in second.content.decode()
    assert User.objects.get(pk=baru.user.pk).check_password(PASSWORD)


def test_sheet_page_is_not_cached_and_has_no_inline_script(world, baru, client_as):
    response = client_as("admin").post(
        reverse("akun:kode_aktivasi_cetak", args=[world.unit_a.pk]), {"konfirmasi": "on"}
    )
    assert "no-store" in response["Cache-Control"]
    assert re.findall(r"<script(?![^>]*\bsrc=)", response.content.decode()) == []


def test_generating_without_confirmation_issues_no_code(world, baru, client_as):
    response = client_as("kepala").post(reverse("akun:kode_aktivasi_cetak", args=[world.unit_a.pk]), {})
    assert response.status_code == 200
    assert KodeAktivasi.objects.count() == 0


def test_a_second_sheet_leaves_printed_codes_alone(world, baru, client_as):
    client = client_as("kepala")
    old = CODE_RE.findall(_print_sheet(client, world.unit_a))[0]
    assert CODE_RE.findall(_print_sheet(client, world.unit_a)) == []

    assert _activate(client_as("anonim"), baru.nip, old).status_code == 302


def test_cetak_ulang_cancels_older_unused_codes(world, baru, client_as):
    client = client_as("kepala")
    old = CODE_RE.findall(_print_sheet(client, world.unit_a))[0]
    _print_sheet(client, world.unit_a, cetak_ulang=True)

    response = _activate(client_as("anonim"), baru.nip, old)

    assert response.status_code == 200
    assert KodeAktivasi.objects.filter(pegawai=baru, dibatalkan=True).count() == 1


def test_sheet_never_includes_activated_accounts_even_for_the_admin(world, baru, client_as):
    page = _print_sheet(client_as("admin"), world.unit_a, cetak_ulang=True)
    # Unit A: asn and pimpinan have activated accounts; only the new pegawai gets a code.
    assert list(_codes_by_nip(page)) == [baru.nip]


def test_expired_code_is_refused(world, baru, client_as):
    code = CODE_RE.findall(_print_sheet(client_as("kepala"), world.unit_a))[0]
    KodeAktivasi.objects.update(berlaku_sampai=timezone.now() - datetime.timedelta(seconds=1))

    response = _activate(client_as("anonim"), baru.nip, code)

    assert response.status_code == 200
    baru.refresh_from_db()
    assert baru.user is None


def test_kepala_pd_of_another_pd_gets_404_and_no_code_is_issued(world, baru, client_as):
    client = client_as("outsider")
    assert client.get(reverse("akun:kode_aktivasi_cetak", args=[world.unit_a.pk])).status_code == 404
    response = client.post(reverse("akun:kode_aktivasi_cetak", args=[world.unit_a.pk]), {"konfirmasi": "on"})
    assert response.status_code == 404
    assert KodeAktivasi.objects.count() == 0


def test_unit_list_shows_only_units_of_own_pd(world, client_as):
    page = client_as("kepala").get(reverse("akun:kode_aktivasi_unit_list")).content.decode()
    assert re.findall(r"\(([A-Z.0-9]+)\)</span></a>", page) == ["X.A", "X.A.1", "X.B"]


@pytest.mark.parametrize("units", [1, 3])
def test_unit_list_query_count_does_not_grow_with_units(db, client, django_assert_num_queries, units):
    from apps.akun.models import Peran
    from tests.factories import PeranFactory, PerangkatDaerahFactory, UnitKerjaFactory

    pd = PerangkatDaerahFactory()
    for _ in range(units):
        UnitKerjaFactory(perangkat_daerah=pd)
    kepala = PegawaiFactory(unit_kerja=pd.unit_kerja.first())
    PeranFactory(user=kepala.user, jenis=Peran.Jenis.KEPALA_PD, perangkat_daerah=pd)
    client.force_login(kepala.user)

    # session, user, own pegawai record (lingkup, once per request; the roles come from the session, written at
    # login: apps/akun/fakta.py), the units with their PD, and the session save (first request since the login,
    # apps.common.middleware: savepoint, update, release)
    with django_assert_num_queries(7 + 1):  # + the unread notices of the nav badge
        response = client.get(reverse("akun:kode_aktivasi_unit_list"))
    assert response.status_code == 200
    assert len(response.context["units"]) == units


def test_sheet_for_new_pegawai_includes_accounts_without_a_usable_password(world, baru, client_as):
    """A nominee's account made by the workflow has no password yet: they still need a code."""
    world.asn.user.set_unusable_password()
    world.asn.user.save()
    page = _print_sheet(client_as("admin"), world.unit_a)
    # Sorted by name: "Asn Unit A", "Pegawai Baru"; pimpinan has a usable password and is left out.
    assert re.findall(r'<td class="font-monospace">(\d{18})</td>', page) == [world.asn.nip, baru.nip]


def test_a_kepala_pd_code_cannot_take_over_a_kabupaten_level_account(world, client_as):
    """A Kepala PD may print codes for their PD, but an account with kabupaten rights is reset by the admin only."""
    from apps.akun.models import Peran

    Peran.objects.create(user=world.asn.user, jenis=Peran.Jenis.TIM_MONEV, mulai=datetime.date(2024, 1, 1))
    world.asn.user.set_unusable_password()  # never activated: the Kepala PD may print a code
    world.asn.user.save()
    old_hash = User.objects.get(pk=world.asn.user.pk).password
    page = _print_sheet(client_as("kepala"), world.unit_a)
    code = _codes_by_nip(page)[world.asn.nip]
    response = _activate(client_as("anonim"), world.asn.nip, code)
    assert response.status_code == 200
    assert "hanya dapat diatur ulang dengan kode dari admin" in response.content.decode()
    assert User.objects.get(pk=world.asn.user.pk).password == old_hash

    page = _print_sheet(client_as("admin"), world.unit_a, cetak_ulang=True)
    code = _codes_by_nip(page)[world.asn.nip]
    assert _activate(client_as("anonim"), world.asn.nip, code).status_code == 302
    assert User.objects.get(pk=world.asn.user.pk).check_password(PASSWORD)


def test_a_deactivated_account_stays_deactivated(world, client_as):
    world.asn.user.is_active = False
    world.asn.user.save()
    page = _print_one(client_as("admin"), world.asn, alasan="Ponsel hilang, minta kata sandi baru")
    code = _codes_by_nip(page)[world.asn.nip]
    response = _activate(client_as("anonim"), world.asn.nip, code)
    assert "dinonaktifkan" in response.content.decode()
    assert User.objects.get(pk=world.asn.user.pk).is_active is False
