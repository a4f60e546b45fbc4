"""Walk every URL pattern as every persona and compare with the access matrix (docs/keamanan.md, «Kendali»)."""

import importlib
import pkgutil

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.access
from tests.access.matrix import LOGIN, Case
from tests.conftest import PERSONAS, kunci_sesi

# URL namespaces not walked here: Django's admin (its own permission system, tested in test_admin_*).
SKIPPED_NAMESPACES = {"admin"}


def all_cases() -> list[Case]:
    cases = []
    for module in pkgutil.iter_modules(tests.access.__path__):
        if module.name == "matrix":
            continue
        cases.extend(importlib.import_module(f"tests.access.{module.name}").CASES)
    return cases


def named_patterns(resolver=None, prefix: str = "") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names |= named_patterns(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(prefix + entry.name)
    return names


CASES = all_cases()


@pytest.fixture(autouse=True)
def _pdf_without_layout(monkeypatch):
    """Access, not layout: a PDF view still renders its template with the persona's data (where a leak would
    be), but WeasyPrint's layout (about 0.4 s a document) is skipped; the PDFs are read back in test_pdf.py."""
    monkeypatch.setattr("apps.common.pdf.html_to_pdf", lambda html, timeout=None: b"%PDF-1.7\n")


def test_every_url_pattern_has_a_case():
    covered = {case.url_name for case in CASES}
    assert named_patterns() - covered == set()
    assert covered - named_patterns() == set()


def test_every_case_names_every_persona():
    for case in CASES:
        assert set(case.expect) == set(PERSONAS), case.id


@pytest.fixture(scope="module")
def _sesi(_world_of_module, django_db_blocker) -> dict[str, str]:
    """One logged-in session per persona for the whole module (rolled back with the module's world): a request
    sends its persona's session cookie instead of logging in anew, which was a third of this module's time."""
    keys = {}
    with django_db_blocker.unblock():
        for persona in PERSONAS:
            user = _world_of_module.user(persona)
            if user is not None:
                keys[persona] = kunci_sesi(user)
    return keys


def request_as(case: Case, persona: str, world, client: Client, sesi: dict[str, str]) -> int | str:
    """The status `persona` gets, LOGIN for a redirect to the login page. Rolled back afterwards, session
    changes included."""
    client.cookies.clear()
    if persona in sesi:
        client.cookies[settings.SESSION_COOKIE_NAME] = sesi[persona]
    with transaction.atomic():
        url = reverse(case.url_name, kwargs=case.kwargs(world) if case.kwargs else None)
        data = case.data(world) if case.data else {}
        response = client.post(url, data) if case.method == "post" else client.get(url)
        transaction.set_rollback(True)
    if response.status_code == 302 and response["Location"].startswith(reverse("akun:login")):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_access(case: Case, world, client, _sesi):
    """One world per case; each persona's request runs in a savepoint rolled back afterwards, so a POST
    by one persona cannot change what the next one sees."""
    if case.setup:
        case.setup(world)
    actual = {persona: request_as(case, persona, world, client, _sesi) for persona in PERSONAS}
    assert actual == case.expect
