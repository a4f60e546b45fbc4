"""Problems and answers (Lampiran BAB III 2.2.4 1) e-f): open -> answered -> closed."""

import pytest
from django.core.exceptions import PermissionDenied

from apps.rencana import services
from apps.rencana.models import Permasalahan
from apps.rencana.workflow import Status, StatusMasalah

from .helpers import ke_status, rencana

pytestmark = pytest.mark.django_db


def _masalah(world, kepada):
    r = ke_status(world, rencana(world), Status.DISETUJUI)
    return services.masalah_ajukan(
        r, aktor=world.asn.user, kepada=kepada, uraian="Rekan enggan mengisi papan pantau.", usulan_solusi="Apel pagi."
    )


def test_unit_head_answers_a_problem_addressed_to_them_and_agent_closes(world):
    m = _masalah(world, Permasalahan.Kepada.PIMPINAN_UNIT)
    with pytest.raises(PermissionDenied):
        services.masalah_jawab(m, aktor=world.kbk.user, arahan="x")
    m = services.masalah_jawab(m, aktor=world.pimpinan.user, arahan="Bahas di rapat bidang Senin.")
    assert m.status == StatusMasalah.DIJAWAB
    m = services.masalah_tutup(m, aktor=world.asn.user)
    assert m.status == StatusMasalah.DITUTUP


def test_a_problem_to_the_kepala_is_not_answered_by_the_unit_head(world):
    m = _masalah(world, Permasalahan.Kepada.KEPALA_PD)
    with pytest.raises(PermissionDenied):
        services.masalah_jawab(m, aktor=world.pimpinan.user, arahan="x")
    with pytest.raises(PermissionDenied):
        services.masalah_jawab(m, aktor=world.outsider.user, arahan="x")
    assert services.masalah_jawab(m, aktor=world.kepala.user, arahan="Saya hadir di apel.").status == "DIJAWAB"
