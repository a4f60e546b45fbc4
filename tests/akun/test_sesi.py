"""The session engine (apps/akun/sesi.py): Django's database sessions, read with one plain statement; the same
answers as the base class for a live, an expired and an unknown session."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from apps.akun.sesi import SessionStore

pytestmark = pytest.mark.django_db


def test_the_site_uses_it():
    assert settings.SESSION_ENGINE == "apps.akun.sesi"


def test_a_live_session_is_read_with_its_data(django_assert_num_queries):
    sesi = SessionStore()
    sesi["_auth_user_id"] = "42"
    sesi["draf"] = {"p1": 2}
    sesi.save()
    baca = SessionStore(session_key=sesi.session_key)
    with django_assert_num_queries(1):
        assert dict(baca.items()) == {"_auth_user_id": "42", "draf": {"p1": 2}}
    assert baca.session_key == sesi.session_key
    assert dict(DbSessionStore(session_key=sesi.session_key).items()) == dict(baca.items())


def test_an_expired_session_is_empty_and_its_key_dropped():
    sesi = SessionStore()
    sesi["_auth_user_id"] = "42"
    sesi.save()
    Session.objects.filter(session_key=sesi.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    baca = SessionStore(session_key=sesi.session_key)
    assert dict(baca.items()) == {}
    assert baca.session_key is None
    assert dict(DbSessionStore(session_key=sesi.session_key).items()) == {}


def test_an_unknown_key_reads_nothing():
    baca = SessionStore(session_key="x" * 32)
    assert dict(baca.items()) == {}
    assert baca.session_key is None
