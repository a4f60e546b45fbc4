"""Two submits at once (double click, two tabs) give one response and no error page (docs/keamanan.md, «Kendali»).

SQLite ignores SELECT ... FOR UPDATE and serialises writers differently, so this runs on PostgreSQL only.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from apps.survei.models import Jawaban, Respon

from .helpers import buat_periode, jawaban, post_data

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="butuh PostgreSQL: SQLite mengabaikan FOR UPDATE"),
]


def _submit_twice_at_once(url: str, user, data: dict) -> list:
    barrier = threading.Barrier(2)
    results: list = [None, None]

    def worker(i: int) -> None:
        client = Client()
        client.force_login(user)
        try:
            barrier.wait()
            results[i] = client.post(url, data)
        except Exception as exc:  # noqa: BLE001 (the test reports any exception as a failure)
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_threads_submitting_at_once_give_one_response(world):
    periode = buat_periode()
    results = _submit_twice_at_once(f"/survei/isi/{periode.kode}/", world.asn.user, post_data(jawaban(1, 2, 3)))
    assert [getattr(r, "status_code", r) for r in results] == [302, 302]
    respon = Respon.objects.get(pegawai=world.asn)
    assert {r["Location"] for r in results} == {f"/survei/respon/{respon.pk}/"}
    assert Respon.objects.count() == 1
    assert (respon.status, respon.total_1, respon.total_2, respon.total_3) == ("TERKIRIM", 10, 10, 60)
    assert Jawaban.objects.filter(respon=respon).count() == 35


@pytest.mark.django_db(transaction=True)
def test_two_threads_saving_a_first_draft_at_once_give_one_response(world):
    periode = buat_periode()
    data = post_data({1: 2, 2: 3}, aksi="draf")
    results = _submit_twice_at_once(f"/survei/isi/{periode.kode}/", world.asn.user, data)
    assert [getattr(r, "status_code", r) for r in results] == [302, 302]
    assert Respon.objects.count() == 1
    assert Jawaban.objects.count() == 2
