"""Two approvals of one plan at once give one decision and one history row (docs/keamanan.md, data integrity and
concurrency). SQLite ignores SELECT ... FOR UPDATE, so this runs on PostgreSQL."""

import threading

import pytest
from django.db import connection

from apps.akun.models import Peran
from apps.rencana import services
from apps.rencana.models import RencanaTindak, RiwayatRencana
from apps.rencana.workflow import Status
from tests.conftest import build_world
from tests.factories import PegawaiFactory

from .helpers import ke_status, rencana

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ignores SELECT ... FOR UPDATE"),
]


@pytest.mark.django_db(transaction=True)
def test_two_approvals_at_once_give_one_decision_and_one_history_row():
    world = build_world()
    plt = PegawaiFactory(nama="Plt. Kepala Dinas X", unit_kerja=world.unit_b)
    Peran.objects.create(user=plt.user, jenis=Peran.Jenis.KEPALA_PD, perangkat_daerah=world.pd_x, sebutan="Plt.")
    r = ke_status(world, rencana(world), Status.DIAJUKAN)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def approve(name: str, user) -> None:
        stale = RencanaTindak.objects.get(pk=r.pk)  # both opened the decision page before either decided
        barrier.wait()
        try:
            services.rencana_transisi(stale, ke=Status.DISETUJUI, aktor=user, logis=True)
            outcomes[name] = "disetujui"
        except services.SudahDiputuskanError:
            outcomes[name] = "sudah diputuskan"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=approve, args=("kepala", world.kepala.user)),
        threading.Thread(target=approve, args=("plt", plt.user)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(outcomes.values()) == ["disetujui", "sudah diputuskan"]
    assert RiwayatRencana.objects.filter(rencana_id=r.pk, ke_status=Status.DISETUJUI).count() == 1
    assert RencanaTindak.objects.get(pk=r.pk).status == Status.DISETUJUI
