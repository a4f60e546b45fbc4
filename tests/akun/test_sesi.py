"""Sessions and roles on the request path (apps/akun/fakta.py, docs/arsitektur.md «Hak dan sesi»): Django's own
engine and ModelBackend; the role facts ride in the session and are read again only when a role write bumped the
user's version or the day changed; sessions of the former backend path stay logged in."""

import importlib
import json
import os
import subprocess
import sys

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.akun.fakta import KUNCI
from apps.akun.models import Peran, User
from tests.factories import PeranFactory

PERAN_TABEL = Peran._meta.db_table


def kueri_peran(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if f'"{PERAN_TABEL}"' in q["sql"] or PERAN_TABEL in q["sql"]]


def test_stock_engine_and_backend_without_a_shared_cache():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert settings.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]


def test_a_shared_cache_from_the_environment_carries_the_sessions():
    kode = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_ENGINE, s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION']]))"
    )
    hasil = {}
    for url in ("redis://127.0.0.1:6379/0", "memcached://127.0.0.1:11211"):
        env = {**os.environ, "CACHE_URL": url, "DJANGO_SETTINGS_MODULE": "kupang_budaya.settings"}
        out = subprocess.run([sys.executable, "-c", kode], env=env, capture_output=True, text=True, check=True)
        hasil[url] = json.loads(out.stdout)
    assert hasil == {
        "redis://127.0.0.1:6379/0": [
            "django.contrib.sessions.backends.cached_db",
            "django.core.cache.backends.redis.RedisCache",
            "redis://127.0.0.1:6379/0",
        ],
        "memcached://127.0.0.1:11211": [
            "django.contrib.sessions.backends.cached_db",
            "django.core.cache.backends.memcached.PyMemcacheCache",
            "127.0.0.1:11211",
        ],
    }


def test_the_role_facts_are_read_at_login_and_then_kept_in_the_session(client_as, world):
    client = client_as("kepala")
    sesi = client.session[KUNCI]
    assert (sesi["u"], sesi["v"], [r[1] for r in sesi["peran"]]) == (
        world.kepala.user.pk,
        User.objects.get(pk=world.kepala.user.pk).versi_peran,
        ["KEPALA_PD"],
    )
    with CaptureQueriesContext(connection) as q:
        response = client.get(reverse("beranda"))
    assert response.status_code == 200
    assert response.context["lingkup"].kepala_pd_ids == frozenset({world.pd_x.pk})
    assert kueri_peran(q) == []
    # The home page lists the roles as the Peran reads itself.
    peran = Peran.objects.get(user=world.kepala.user)
    assert [str(p) for p in response.context["lingkup"].peran] == [str(peran)]
    assert f">{peran}</li>" in response.content.decode()


def test_a_role_write_bumps_the_version_and_the_next_request_sees_it(client_as, world):
    client = client_as("asn")
    user = world.asn.user
    versi = User.objects.get(pk=user.pk).versi_peran
    assert client.get(reverse("beranda")).context["lingkup"].kepala_pd_ids == frozenset()
    peran = PeranFactory(user=user, jenis=Peran.Jenis.KEPALA_PD, perangkat_daerah=world.pd_x)
    assert User.objects.get(pk=user.pk).versi_peran == versi + 1
    with CaptureQueriesContext(connection) as q:
        scope = client.get(reverse("beranda")).context["lingkup"]
    assert scope.kepala_pd_ids == frozenset({world.pd_x.pk})
    assert len(kueri_peran(q)) == 1  # read again once, and kept
    assert client.session[KUNCI]["v"] == versi + 1
    Peran.objects.filter(pk=peran.pk).update(sampai=peran.mulai)  # a queryset write bumps it too
    Peran.objects.filter(pk=peran.pk).delete()
    assert User.objects.get(pk=user.pk).versi_peran == versi + 3
    assert client.get(reverse("beranda")).context["lingkup"].kepala_pd_ids == frozenset()


def test_facts_of_another_day_or_another_user_are_read_again(client_as, world):
    client = client_as("kepala")
    for ubah in ({"h": "2000-01-01"}, {"u": world.asn.user.pk}):
        session = client.session
        session[KUNCI] = {**session[KUNCI], **ubah, "peran": []}
        session.save()
        with CaptureQueriesContext(connection) as q:
            scope = client.get(reverse("beranda")).context["lingkup"]
        assert scope.kepala_pd_ids == frozenset({world.pd_x.pk})
        assert len(kueri_peran(q)) == 1


def test_sessions_of_the_former_backend_path_stay_logged_in(client, world):
    migrasi = importlib.import_module("apps.akun.migrations.0005_sesi_backend_bawaan")
    user = world.kepala.user
    lama = SessionStore()
    lama.update(
        {SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: migrasi.LAMA, "_auth_user_hash": user.get_session_auth_hash()}
    )
    lama.create()
    client.cookies[settings.SESSION_COOKIE_NAME] = lama.session_key
    assert client.get(reverse("beranda")).status_code == 302  # the old path alone: logged out
    migrasi.tulis_ulang(django_apps, None)
    assert SessionStore(session_key=lama.session_key)[BACKEND_SESSION_KEY] == migrasi.BARU
    response = client.get(reverse("beranda"))
    assert response.status_code == 200 and response.context["user"] == user
