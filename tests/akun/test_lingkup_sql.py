"""`lingkup()` reads the pegawai record in one SQL statement (apps/akun/fakta.py, `pegawai_untuk`): the same
instances as the ORM's, on SQLite and PostgreSQL; and the role facts (`fakta_peran`) say what
`Peran.objects.aktif()` says, agents included (an appointment's Peran AGEN_PERUBAHAN)."""

import datetime

import pytest
from django.utils import timezone

from apps.agen import services as agen_services
from apps.agen.models import Penetapan
from apps.akun.fakta import fakta_peran, pegawai_untuk
from apps.akun.models import Peran, User
from apps.akun.scope import lingkup
from apps.organisasi.models import Pegawai
from tests.agen.kelompok import agen_aktif
from tests.factories import PeranFactory

pytestmark = pytest.mark.django_db

HARI = datetime.timedelta(days=1)


def fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def same(user_id: int) -> None:
    got = pegawai_untuk(user_id)
    expected = (
        Pegawai.objects.select_related("unit_kerja__perangkat_daerah", "golongan").filter(user_id=user_id).first()
    )
    assert {p.pk for p in fakta_peran(User.objects.get(pk=user_id))} == set(
        Peran.objects.aktif().filter(user_id=user_id).values_list("pk", flat=True)
    )
    if expected is None:
        assert got is None
        return
    assert fields(got) == fields(expected)
    assert fields(got.unit_kerja) == fields(expected.unit_kerja)
    assert fields(got.unit_kerja.perangkat_daerah) == fields(expected.unit_kerja.perangkat_daerah)
    assert (got.golongan and fields(got.golongan)) == (expected.golongan and fields(expected.golongan))
    assert type(got.aktif) is bool and got._state.adding is False and got._state.db == "default"


def test_every_persona_reads_the_same_as_through_the_orm(world):
    for persona in ("asn", "pimpinan", "kbk", "kepala", "monev", "sekda", "admin", "outsider"):
        same(world.user(persona).pk)
    assert lingkup(world.user("asn")).peran == ()
    assert {p.jenis for p in lingkup(world.user("outsider")).peran} == {"KEPALA_PD", "ANGGOTA_KBK", "PIMPINAN_UNIT"}


def test_a_role_counts_from_its_first_to_its_last_day(world):
    user = world.asn.user
    today = timezone.localdate()
    peran = PeranFactory(user=user, jenis=Peran.Jenis.PIMPINAN_UNIT, unit_kerja=world.unit_a1, mulai=today + HARI)
    for mulai, sampai, aktif in [
        (today + HARI, None, False),  # not begun
        (today, None, True),
        (today - 9 * HARI, today, True),  # its last day
        (today - 9 * HARI, today - HARI, False),  # ended
    ]:
        Peran.objects.filter(pk=peran.pk).update(mulai=mulai, sampai=sampai)
        assert [p.pk for p in fakta_peran(User.objects.get(pk=user.pk))] == ([peran.pk] if aktif else [])
        same(user.pk)


def test_an_appointment_is_a_role_for_the_sk_term_until_it_is_revoked(world):
    penetapan = agen_aktif(world, world.asn_a1)
    peran = penetapan.peran_akses
    sk = penetapan.surat_keputusan
    assert (peran.user_id, peran.jenis, peran.perangkat_daerah_id, peran.mulai, peran.sampai, peran.nomor_sk) == (
        world.asn_a1.user_id,
        "AGEN_PERUBAHAN",
        world.pd_x.pk,
        sk.masa_mulai,
        sk.masa_selesai,
        sk.nomor,
    )
    user = User.objects.get(pk=world.asn_a1.user_id)
    scope = lingkup(user)
    assert (scope.agen_aktif, scope.agen_aktif_pd_ids, scope.boleh_tulis_rencana_apa_pun) == (
        True,
        frozenset({world.pd_x.pk}),
        True,
    )
    same(user.pk)
    agen_services.nominasi_transisi(
        penetapan.nominasi,
        aksi="cabut",
        aktor=world.kepala.user,
        catatan="Mutasi.",
        nomor_sk="800/099/SK",
        tanggal_sk=timezone.localdate(),
    )
    peran.refresh_from_db()
    kemarin = timezone.localdate() - HARI
    assert (peran.mulai, peran.sampai) == (min(sk.masa_mulai, kemarin), kemarin)
    scope = lingkup(User.objects.get(pk=user.pk))
    assert (scope.agen_aktif, scope.agen_aktif_pd_ids, scope.agen_peran_ids) == (False, frozenset(), frozenset())
    assert Penetapan.objects.get(pk=penetapan.pk).peran_akses_id == peran.pk


def test_a_nominee_without_an_account_gets_one_without_a_password(world):
    pegawai = world.asn_b
    Pegawai.objects.filter(pk=pegawai.pk).update(user=None)
    User.objects.filter(username=pegawai.nip).delete()
    pegawai.refresh_from_db()
    penetapan = agen_aktif(world, pegawai)
    pegawai.refresh_from_db()
    assert pegawai.user.username == pegawai.nip and not pegawai.user.has_usable_password()
    assert penetapan.peran_akses.user_id == pegawai.user_id


def test_a_user_without_a_pegawai_record_reads_nothing(world):
    assert pegawai_untuk(world.admin.pk) is None
    assert lingkup(world.admin).admin
