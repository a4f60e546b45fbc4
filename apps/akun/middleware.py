"""Binds the session to the logged-in user, so `lingkup()` reads the role facts kept there (apps/akun/fakta.py)."""

from django.contrib.auth.middleware import get_user
from django.utils.functional import SimpleLazyObject


def _dengan_sesi(user, session):
    if user.is_authenticated:
        user._sesi = session
    return user


class SesiPeranMiddleware:
    """Right after AuthenticationMiddleware: `request.user` stays lazy (a request that never asks for the user
    reads neither the session's user nor the user row) and, once read, carries the session."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        request.user = SimpleLazyObject(lambda: _dengan_sesi(get_user(request), request.session))
        return self.get_response(request)
