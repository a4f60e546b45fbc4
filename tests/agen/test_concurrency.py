"""Two reviewers decide the same nomination at once: one wins, the other is told it was already decided
(docs/keamanan.md, «Kendali»). SQLite ignores SELECT ... FOR UPDATE, so this runs on PostgreSQL."""

import threading

import pytest
from django.db import connection

from apps.agen import services
from apps.agen.models import Nominasi, RiwayatNominasi
from apps.agen.workflow import Aksi, Status
from apps.akun.models import Peran
from tests.conftest import build_world
from tests.factories import PegawaiFactory

from . import helpers

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ignores SELECT ... FOR UPDATE"),
]


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_decide_at_once_exactly_one_decision_is_recorded():
    world = build_world()
    second = PegawaiFactory(nama="Anggota KBK Kedua", unit_kerja=world.unit_b)
    Peran.objects.create(user=second.user, jenis=Peran.Jenis.ANGGOTA_KBK, perangkat_daerah=world.pd_x)
    nominasi = helpers.nominasi(world, Status.PENELAAHAN)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def decide(name: str, user, aksi: str, catatan: str) -> None:
        stale = Nominasi.objects.get(pk=nominasi.pk)  # each reviewer loaded the page before the other decided
        barrier.wait()
        try:
            services.nominasi_transisi(stale, aksi=aksi, aktor=user, catatan=catatan)
            outcomes[name] = "decided"
        except services.SudahDiputuskanError:
            outcomes[name] = "sudah diputuskan"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=("kbk", world.kbk.user, Aksi.LANJUTKAN, "")),
        threading.Thread(target=decide, args=("kedua", second.user, Aksi.TOLAK, "Tidak memenuhi")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(outcomes.values()) == ["decided", "sudah diputuskan"]
    decisions = RiwayatNominasi.objects.filter(nominasi=nominasi).exclude(aksi="usulkan")
    assert decisions.count() == 1
    winner = "kbk" if outcomes["kbk"] == "decided" else "kedua"
    expected = Status.ASSESSMENT if winner == "kbk" else Status.DITOLAK
    assert Nominasi.objects.get(pk=nominasi.pk).status == expected
    assert decisions.get().ke_status == expected
