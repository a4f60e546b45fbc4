"""Home page tasks of rencana tindak: the Kepala PD's plans to approve, the agent's returned plans."""

import pytest

from apps.akun.tugas import tugas_untuk
from apps.rencana.workflow import Status

from .helpers import ke_status, rencana, segarkan

pytestmark = pytest.mark.django_db


def _teks(user) -> list[str]:
    return [t.teks for t in tugas_untuk(segarkan(user))]


def test_kepala_sees_plans_to_approve_and_the_agent_a_returned_plan(world):
    r = rencana(world)
    ke_status(world, r, Status.DIAJUKAN)
    assert "1 rencana tindak menunggu persetujuan Anda" in _teks(world.kepala.user)
    assert not any("rencana tindak" in t for t in _teks(world.outsider.user))  # another PD's Kepala
    r2 = rencana(world, r.penetapan)
    ke_status(world, r2, Status.DIKEMBALIKAN)
    assert "1 rencana tindak Anda dikembalikan Kepala PD: perbaiki dan ajukan lagi" in _teks(world.asn.user)
