"""The plan's workflow through `rencana_transisi` (Lampiran BAB III 2.2.4 1) b, 2.2.5 b)."""

import pytest
from django.core.exceptions import ValidationError

from apps.rencana import services
from apps.rencana.models import RiwayatRencana
from apps.rencana.workflow import Status

from .helpers import agen, ke_status, rencana

pytestmark = pytest.mark.django_db


def test_submit_approve_writes_history_and_approval_block(world):
    r = rencana(world)
    ke_status(world, r, Status.DISETUJUI)
    assert r.status == Status.DISETUJUI
    assert r.penyetuju == world.kepala
    assert r.logis is True
    assert [(h.dari_status, h.ke_status) for h in r.riwayat.all()] == [
        ("", Status.DRAF),
        (Status.DRAF, Status.DIAJUKAN),
        (Status.DIAJUKAN, Status.DISETUJUI),
    ]


def test_return_needs_a_note(world):
    r = ke_status(world, rencana(world), Status.DIAJUKAN)
    with pytest.raises(ValidationError) as exc:
        services.rencana_transisi(r, ke=Status.DIKEMBALIKAN, aktor=world.kepala.user)
    assert exc.value.message_dict == {"catatan": ["Catatan wajib diisi: tuliskan apa yang perlu diperbaiki."]}
    r.refresh_from_db()
    assert r.status == Status.DIAJUKAN


def test_approval_needs_the_logis_judgement(world):
    r = ke_status(world, rencana(world), Status.DIAJUKAN)
    with pytest.raises(ValidationError) as exc:
        services.rencana_transisi(r, ke=Status.DISETUJUI, aktor=world.kepala.user)
    assert list(exc.value.message_dict) == ["logis"]


def test_returned_plan_is_revised_and_submitted_again(world):
    r = ke_status(world, rencana(world), Status.DIKEMBALIKAN)
    services.rencana_transisi(r, ke=Status.DIAJUKAN, aktor=world.asn.user)
    assert r.status == Status.DIAJUKAN


def test_the_agent_cannot_approve_and_the_kbk_cannot_decide(world):
    r = ke_status(world, rencana(world), Status.DIAJUKAN)
    for user in (world.asn.user, world.kbk.user, world.pimpinan.user, world.outsider.user):
        with pytest.raises(services.TransisiDitolak):
            services.rencana_transisi(r, ke=Status.DISETUJUI, aktor=user, logis=True)


def test_a_second_decision_is_told_it_was_decided(world):
    r = ke_status(world, rencana(world), Status.DISETUJUI)
    with pytest.raises(services.SudahDiputuskanError):
        services.rencana_transisi(r, ke=Status.DIKEMBALIKAN, aktor=world.kepala.user, catatan="x")


def test_new_version_keeps_the_approved_one_until_approved(world):
    lama = ke_status(world, rencana(world), Status.DISETUJUI)
    baru = services.rencana_versi_baru(lama, aktor=world.asn.user)
    assert (baru.versi, baru.status, baru.baris.count()) == (2, Status.DRAF, 1)
    lama.refresh_from_db()
    assert lama.status == Status.DISETUJUI
    ke_status(world, baru, Status.DISETUJUI)
    lama.refresh_from_db()
    assert lama.status == Status.DIGANTI
    assert lama.riwayat.last().ke_status == Status.DIGANTI


def test_history_is_append_only(world):
    r = rencana(world)
    row = r.riwayat.get()
    with pytest.raises(ValueError):
        row.save()
    with pytest.raises(ValueError):
        RiwayatRencana.objects.filter(pk=row.pk).update(catatan="x")
    with pytest.raises(ValueError):
        RiwayatRencana.objects.all().delete()


def test_smart_failure_blocks_submission_naming_row_and_column(world):
    r = rencana(world, baris=2, indikator="")
    with pytest.raises(ValidationError) as exc:
        services.rencana_transisi(r, ke=Status.DIAJUKAN, aktor=world.asn.user)
    assert exc.value.messages == [
        "Baris 1, kolom (4) Indikator Kinerja: wajib diisi agar keberhasilan dapat diukur.",
        "Baris 2, kolom (4) Indikator Kinerja: wajib diisi agar keberhasilan dapat diukur.",
    ]
    r.refresh_from_db()
    assert r.status == Status.DRAF


def test_only_an_active_agent_writes_a_plan(world):
    penetapan = agen(world)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        rencana(world, penetapan, aktor=world.asn_b.user)
