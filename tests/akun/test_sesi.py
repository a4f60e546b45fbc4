"""What every request of a logged-in user reads, each in one plain statement: the session (apps/akun/sesi.py, the
same answers as Django's database engine for a live, an expired and an unknown session) and the user
(apps/akun/backends.py, the same instance as the ORM's)."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from apps.akun.backends import ModelBackend
from apps.akun.models import User
from apps.akun.sesi import SessionStore
from tests.factories import UserFactory

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


def test_the_logged_in_user_is_read_as_the_orm_reads_it(django_assert_num_queries):
    assert "apps.akun.backends.ModelBackend" in settings.AUTHENTICATION_BACKENDS
    user = UserFactory(username="199001012015011001", is_staff=True, last_login=timezone.now())
    backend = ModelBackend()
    with django_assert_num_queries(1):
        got = backend.get_user(str(user.pk))  # the session keeps the id as a string
    want = User.objects.get(pk=user.pk)
    assert {f.attname: getattr(got, f.attname) for f in User._meta.concrete_fields} == {
        f.attname: getattr(want, f.attname) for f in User._meta.concrete_fields
    }
    assert backend.get_user(user.pk + 1000) is None
    assert backend.get_user("bukan-angka") is None
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert backend.get_user(str(user.pk)) is None  # as the base class: an inactive account is logged out
