"""The Kepala PD and a KBK member disband the same group at once: one disbands it, the other is told it already
was; one history row. PostgreSQL only (SQLite ignores FOR UPDATE)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from apps.agen import services
from apps.agen.models import KelompokAgen, RiwayatKelompokAgen
from tests.conftest import build_world

from .kelompok import kelompok

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ignores SELECT ... FOR UPDATE"),
]


@pytest.mark.django_db(transaction=True)
def test_two_disbands_at_once_give_one_history_row():
    world = build_world()
    grup = kelompok(world)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def bubarkan(name: str, user) -> None:
        stale = KelompokAgen.objects.get(pk=grup.pk)
        barrier.wait()
        try:
            services.kelompok_agen_bubarkan(stale, aktor=user, catatan=f"oleh {name}")
            outcomes[name] = "dibubarkan"
        except ValidationError:
            outcomes[name] = "sudah"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=bubarkan, args=("kepala", world.kepala.user)),
        threading.Thread(target=bubarkan, args=("kbk", world.kbk.user)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes.values()) == ["dibubarkan", "sudah"]
    assert RiwayatKelompokAgen.objects.filter(kelompok=grup, aksi="BUBARKAN").count() == 1
