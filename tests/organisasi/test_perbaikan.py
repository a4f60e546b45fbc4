"""Correction requests: one state function, one transition table (apps/organisasi/workflow.py)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apps.organisasi import services
from apps.organisasi.models import PermintaanPerbaikan
from apps.organisasi.workflow import PelakuPerbaikan, giliran_perbaikan

S = PermintaanPerbaikan.Status


def _ajukan(world) -> PermintaanPerbaikan:
    return services.permintaan_perbaikan_ajukan(
        world.asn, data="jabatan", nilai_usulan="Analis SDM", catatan="SK 2026", aktor=world.asn.user
    )


# (from, to) -> allowed
TRANSISI = [
    (S.DIAJUKAN, S.SELESAI, True),
    (S.DIAJUKAN, S.DITOLAK, True),
    (S.SELESAI, S.DIAJUKAN, False),
    (S.SELESAI, S.DITOLAK, False),
    (S.DITOLAK, S.SELESAI, False),
    (S.DITOLAK, S.DIAJUKAN, False),
]


@pytest.mark.parametrize(("dari", "ke", "boleh"), TRANSISI)
def test_transition_table(world, dari, ke, boleh):
    permintaan = _ajukan(world)
    PermintaanPerbaikan.objects.filter(pk=permintaan.pk).update(status=dari)
    permintaan.refresh_from_db()
    if boleh:
        services.permintaan_perbaikan_transisi(permintaan, ke=ke, aktor=world.admin, catatan="Sudah diperbaiki")
        permintaan.refresh_from_db()
        assert (permintaan.status, permintaan.diputus_oleh, permintaan.catatan_admin) == (
            ke,
            world.admin,
            "Sudah diperbaiki",
        )
    else:
        with pytest.raises(ValidationError):
            services.permintaan_perbaikan_transisi(permintaan, ke=ke, aktor=world.admin)
        permintaan.refresh_from_db()
        assert permintaan.status == dari


@pytest.mark.parametrize("persona", ["asn", "pimpinan", "kbk", "kepala", "monev", "sekda", "outsider"])
def test_only_the_admin_decides(world, persona):
    permintaan = _ajukan(world)
    with pytest.raises(PermissionDenied):
        services.permintaan_perbaikan_transisi(permintaan, ke=S.SELESAI, aktor=world.user(persona))
    permintaan.refresh_from_db()
    assert permintaan.status == S.DIAJUKAN


def test_an_asn_asks_only_for_their_own_record(world):
    with pytest.raises(PermissionDenied):
        services.permintaan_perbaikan_ajukan(world.asn_b, data="nama", nilai_usulan="X", aktor=world.asn.user)
    assert PermintaanPerbaikan.objects.count() == 0


def test_each_step_writes_one_history_row_with_actor_and_note(world):
    permintaan = _ajukan(world)
    services.permintaan_perbaikan_transisi(permintaan, ke=S.DITOLAK, aktor=world.admin, catatan="Tidak sesuai SK")
    rows = list(
        permintaan.history.order_by("history_date").values_list("status", "history_user", "history_change_reason")
    )
    assert rows == [
        (S.DIAJUKAN, world.asn.user.pk, None),
        (S.DITOLAK, world.admin.pk, "Tidak sesuai SK"),
    ]


def test_who_acts_next():
    assert [giliran_perbaikan(s) for s in S] == [PelakuPerbaikan.ADMIN, None, None]


def test_admin_change_form_refuses_reopening_a_decided_request(world, client_as):
    permintaan = _ajukan(world)
    services.permintaan_perbaikan_transisi(permintaan, ke=S.SELESAI, aktor=world.admin)
    url = reverse("admin:organisasi_permintaanperbaikan_change", args=[permintaan.pk])
    response = client_as("admin").post(url, {"status": S.DIAJUKAN, "catatan_admin": ""})
    assert response.status_code == 200  # the form comes back with the error
    permintaan.refresh_from_db()
    assert permintaan.status == S.SELESAI


def test_admin_change_form_decides_through_the_state_function(world, client_as):
    permintaan = _ajukan(world)
    url = reverse("admin:organisasi_permintaanperbaikan_change", args=[permintaan.pk])
    response = client_as("admin").post(url, {"status": S.DITOLAK, "catatan_admin": "Data sudah benar"})
    assert response.status_code == 302
    permintaan.refresh_from_db()
    assert (permintaan.status, permintaan.diputus_oleh, permintaan.catatan_admin) == (
        S.DITOLAK,
        world.admin,
        "Data sudah benar",
    )
    assert permintaan.history.latest("history_date").history_change_reason == "Data sudah benar"
