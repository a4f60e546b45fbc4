"""`lingkup()` reads the pegawai record and two flags in one SQL statement (apps/akun/scope.py,
`_pegawai_dan_tanda`): the same instances and the same answers as the ORM definitions it stands in for
(`Peran.objects.aktif()`, `penetapan_aktif_q`), on SQLite and PostgreSQL."""

import datetime

import pytest
from django.db.models import Exists, OuterRef
from django.utils import timezone

from apps.agen.models import Penetapan
from apps.akun.models import Peran
from apps.akun.scope import _pegawai_dan_tanda, lingkup, penetapan_aktif_q
from apps.organisasi.models import Pegawai
from tests.agen.kelompok import agen_aktif
from tests.factories import PeranFactory

pytestmark = pytest.mark.django_db

HARI = datetime.timedelta(days=1)


def orm(user_id: int) -> tuple[Pegawai | None, bool, bool]:
    pegawai = Pegawai.objects.select_related("unit_kerja__perangkat_daerah", "golongan").filter(user_id=user_id).first()
    punya_peran = Peran.objects.aktif().filter(user_id=user_id).exists()
    agen = (
        pegawai is not None
        and Pegawai.objects.filter(
            Exists(Penetapan.objects.filter(penetapan_aktif_q(""), pegawai=OuterRef("pk"))), pk=pegawai.pk
        ).exists()
    )
    return pegawai, punya_peran, agen


def fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def same(user_id: int) -> None:
    got, want = _pegawai_dan_tanda(user_id), orm(user_id)
    assert got[1:] == want[1:]
    if want[0] is None:
        assert got[0] is None
        return
    pegawai, expected = got[0], want[0]
    assert fields(pegawai) == fields(expected)
    assert fields(pegawai.unit_kerja) == fields(expected.unit_kerja)
    assert fields(pegawai.unit_kerja.perangkat_daerah) == fields(expected.unit_kerja.perangkat_daerah)
    assert (pegawai.golongan and fields(pegawai.golongan)) == (expected.golongan and fields(expected.golongan))
    assert type(pegawai.aktif) is bool and pegawai._state.adding is False and pegawai._state.db == "default"


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
        assert _pegawai_dan_tanda(user.pk)[1] is aktif
        same(user.pk)


def test_an_appointment_counts_within_the_sk_term_until_it_is_revoked(world):
    penetapan = agen_aktif(world, world.asn_a1)
    user_id = world.asn_a1.user_id
    assert _pegawai_dan_tanda(user_id)[2] is True
    same(user_id)
    sk = penetapan.surat_keputusan
    today = timezone.localdate()
    for mulai, selesai, aktif in [(today + HARI, today + 9 * HARI, False), (today - 9 * HARI, today - HARI, False)]:
        type(sk).objects.filter(pk=sk.pk).update(masa_mulai=mulai, masa_selesai=selesai)
        assert _pegawai_dan_tanda(user_id)[2] is aktif
        same(user_id)
    for mulai, selesai in [(today, today + 9 * HARI), (today - 9 * HARI, today)]:  # its first and its last day
        type(sk).objects.filter(pk=sk.pk).update(masa_mulai=mulai, masa_selesai=selesai)
        assert _pegawai_dan_tanda(user_id)[2] is True
    Penetapan.objects.filter(pk=penetapan.pk).update(dicabut_pada=timezone.now())
    assert _pegawai_dan_tanda(user_id)[2] is False
    same(user_id)


def test_a_user_without_a_pegawai_record_reads_nothing(world):
    assert _pegawai_dan_tanda(world.admin.pk) == (None, False, False)
    assert lingkup(world.admin).admin
