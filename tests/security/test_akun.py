"""Accounts (issue F4 and the Low items on codes): no takeover by a Kepala PD, resets by the admin with a
reason and a notice, printed codes never cancelled by someone else's guesses or sheets."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.akun.models import KodeAktivasi, User
from tests.factories import PegawaiFactory

PASSWORD = "kopi-pagi-di-oelamasi-2026"
ROW_RE = re.compile(
    r'<td class="font-monospace">(\d{18})</td><td>[^<]*</td><td class="font-monospace kode">([A-Z0-9-]+)</td>'
)


def _codes(response) -> dict[str, str]:
    assert response.status_code == 200
    return dict(ROW_RE.findall(response.content.decode()))


def _activate(nip: str, code: str, ip: str = "10.0.0.9", password: str = PASSWORD):
    data = {"nip": nip, "kode": code, "password1": password, "password2": password}
    return Client(REMOTE_ADDR=ip).post(reverse("akun:aktivasi"), data)


def _one(client, pegawai, **data):
    return client.post(reverse("akun:kode_aktivasi_pegawai", args=[pegawai.pk]), {"konfirmasi": "on", **data})


@pytest.fixture
def baru(world):
    return PegawaiFactory(nama="Pegawai Baru", unit_kerja=world.unit_a, user=None)


@pytest.fixture
def baru_a1(world):
    return PegawaiFactory(nama="Pegawai Baru A1", unit_kerja=world.unit_a1, user=None)


# --- F4: a Kepala PD cannot take over an activated account ---


def test_f4_kepala_pd_cannot_print_a_code_for_an_activated_account(world, client_as):
    old_hash = User.objects.get(pk=world.asn.user.pk).password
    client = client_as("kepala")

    one = _one(client, world.asn)
    sheet = client.post(reverse("akun:kode_aktivasi_cetak", args=[world.unit_a.pk]), {"konfirmasi": "on"})
    again = client.post(
        reverse("akun:kode_aktivasi_cetak", args=[world.unit_a.pk]), {"konfirmasi": "on", "cetak_ulang": "on"}
    )

    assert one.status_code == 403
    assert world.asn.nip not in _codes(sheet) and world.asn.nip not in _codes(again)
    assert KodeAktivasi.objects.filter(pegawai=world.asn).count() == 0
    assert User.objects.get(pk=world.asn.user.pk).password == old_hash


def test_f4_an_activation_code_cannot_reset_an_account_activated_since(world, client_as, baru):
    code = _codes(_one(client_as("kepala"), baru))[baru.nip]
    other = _codes(_one(client_as("admin"), baru))[baru.nip]  # the admin's code cancels the Kepala's
    assert _activate(baru.nip, other).status_code == 302
    # A code printed before activation, by a Kepala PD, for the same person: refused once the account is active.
    KodeAktivasi.objects.filter(pegawai=baru).update(dibatalkan=False, dipakai_pada=None)
    baru.refresh_from_db()
    response = _activate(baru.nip, code, password="teh-sore-di-baumata-2026")
    assert "Akun ini sudah aktif" in response.content.decode()
    assert User.objects.get(pk=baru.user.pk).check_password(PASSWORD)


def test_admin_reset_needs_a_reason_is_logged_and_the_person_is_told_at_login(world, client_as, caplog):
    admin = client_as("admin")
    without = _one(admin, world.asn)
    assert without.status_code == 200
    assert "paling sedikit 10 karakter" in without.content.decode()
    assert KodeAktivasi.objects.count() == 0

    with caplog.at_level("WARNING", logger="kupang.akun"):
        code = _codes(_one(admin, world.asn, alasan="Lupa kata sandi, datang langsung ke Bagian Organisasi"))
        assert _activate(world.asn.nip, code[world.asn.nip]).status_code == 302

    record = KodeAktivasi.objects.get(pegawai=world.asn)
    assert (record.atur_ulang, record.alasan, record.dibuat_oleh) == (
        True,
        "Lupa kata sandi, datang langsung ke Bagian Organisasi",
        world.admin,
    )
    assert record.dipakai_pada is not None
    assert [r.getMessage().split(":")[0] for r in caplog.records if r.name == "kupang.akun"] == [
        "kode atur ulang kata sandi",
        "kata sandi diatur ulang",
    ]
    home = Client().post(
        reverse("akun:login"), {"username": world.asn.user.username, "password": PASSWORD}, follow=True
    )
    waktu = timezone.localtime(record.dipakai_pada).strftime("%d-%m-%Y %H:%M")
    assert [str(m) for m in home.context["messages"]] == [
        f"Kata sandi akun Anda diatur ulang pada {waktu} WITA dengan kode dari {world.admin.username}. "
        "Bila bukan Anda yang memintanya, segera hubungi admin Bagian Organisasi."
    ]


def test_the_reset_record_cannot_be_changed_or_deleted_in_the_admin(world, client_as):
    _one(client_as("admin"), world.asn, alasan="Akun dipakai orang lain, diatur ulang")
    record = KodeAktivasi.objects.get()
    admin = client_as("admin")
    assert admin.get(reverse("admin:akun_kodeaktivasi_delete", args=[record.pk])).status_code == 403
    admin.post(reverse("admin:akun_kodeaktivasi_change", args=[record.pk]), {"alasan": "diubah"})
    record.refresh_from_db()
    assert record.alasan == "Akun dipakai orang lain, diatur ulang"


# --- one-person codes (docs/keputusan.md, «Kode aktivasi»), sheets that do not cancel others' codes ---


def test_unit_head_prints_one_code_for_a_never_activated_nominee_of_the_subtree(world, client_as, baru_a1):
    codes = _codes(_one(client_as("pimpinan"), baru_a1))
    assert list(codes) == [baru_a1.nip]
    assert _activate(baru_a1.nip, codes[baru_a1.nip]).status_code == 302


def test_the_one_person_code_does_not_cancel_others_codes(world, client_as, baru, baru_a1):
    sheet = _codes(
        client_as("kepala").post(reverse("akun:kode_aktivasi_cetak", args=[world.unit_a.pk]), {"konfirmasi": "on"})
    )
    _codes(_one(client_as("kepala"), baru_a1))
    _codes(_one(client_as("pimpinan"), baru_a1))

    assert _activate(baru.nip, sheet[baru.nip]).status_code == 302
    assert KodeAktivasi.objects.filter(pegawai=baru_a1, dibatalkan=False).count() == 1


def test_a_unit_sheet_keeps_codes_already_printed_unless_cetak_ulang(world, client_as, baru, baru_a1):
    client = client_as("kepala")
    own = _codes(_one(client, baru))[baru.nip]
    sheet = _codes(client.post(reverse("akun:kode_aktivasi_cetak", args=[world.unit_a.pk]), {"konfirmasi": "on"}))
    assert sheet == {}
    assert _activate(baru.nip, own).status_code == 302


def test_nomination_page_says_the_nominee_has_no_account_and_links_to_a_code(world, client_as, baru_a1):
    """While the nominee is awaited (to confirm their commitment), the proposer learns they cannot log in and where to
    print their code; before and after that step the note would only contradict the history."""
    from apps.agen.models import Nominasi
    from apps.agen.workflow import Status
    from tests.agen.helpers import nominasi

    usulan = nominasi(world, pegawai=baru_a1, status=Status.MENUNGGU_KOMITMEN)
    page = client_as("pimpinan").get(reverse("agen:nominasi_detail", args=[usulan.pk])).content.decode()
    assert 'data-testid="calon-tanpa-akun"' in page
    assert reverse("akun:kode_aktivasi_pegawai", args=[baru_a1.pk]) in page

    Nominasi.objects.filter(pk=usulan.pk).update(status=Status.PENELAAHAN)
    page = client_as("pimpinan").get(reverse("agen:nominasi_detail", args=[usulan.pk])).content.decode()
    assert 'data-testid="calon-tanpa-akun"' not in page


# --- Low: wrong guesses never cancel a printed code; the guesser is throttled by NIP and IP ---


def test_wrong_guesses_do_not_cancel_the_printed_code(world, client_as, baru):
    code = _codes(_one(client_as("kepala"), baru))[baru.nip]
    for _ in range(6):
        _activate(baru.nip, "SALAH-KODE1", ip="10.1.0.1")

    blocked = _activate(baru.nip, code, ip="10.1.0.1")
    assert blocked.status_code == 429  # the guessing address is throttled for this NIP for 15 minutes...
    record = KodeAktivasi.objects.get(pegawai=baru)
    assert (record.dibatalkan, record.dipakai_pada) == (False, None)  # ...but the code is not cancelled

    from axes.models import AccessFailureLog

    AccessFailureLog.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert _activate(baru.nip, code, ip="10.1.0.1").status_code == 302


def test_code_guessing_from_one_address_is_slowed_across_nips(world, client_as):
    pegawai = [PegawaiFactory(unit_kerja=world.unit_b, user=None) for _ in range(25)]
    statuses = [_activate(p.nip, "SALAH-KODE1", ip="10.3.0.1").status_code for p in pegawai]
    assert statuses == [200] * 20 + [429] * 5
