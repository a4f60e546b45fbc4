"""Every form of every page of the access matrix, sent with its text fields typed and the rest left empty: when the
server refuses it, the page shows the error summary (templates/_ringkasan_galat.html) above the form and keeps
what was typed (docs/keputusan.md, «Tampilan»). The pages and their logins are those of the axe walk
(test_axe_tugas.HALAMAN); the browser checks of five refusals on a phone are in test_ringkasan_galat.py.

Served by the Django test client on the demo's database, without Chromium: a few seconds for the whole walk."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from apps.akun.models import User

from .test_axe_tugas import HALAMAN, LOGINS, hanya_sqlite

pytestmark = pytest.mark.usefixtures(hanya_sqlite.__name__)

DIKETIK = "Isian uji yang diketik"
TEKS = {"text", "search", "tel", "url", ""}


class _Forms(HTMLParser):
    """The POST forms inside <main>: action, and the fields as (tag, type, name, value)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._main = False
        self._form: dict | None = None

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "main":
            self._main = True
        elif self._main and tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = {"action": a.get("action") or "", "fields": []}
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select", "button") and a.get("name"):
            kind = (a.get("type") or ("submit" if tag == "button" else "")).lower()
            self._form["fields"].append((tag, kind, a["name"], a.get("value") or "", "checked" in a))

    def handle_endtag(self, tag) -> None:
        if tag == "form":
            self._form = None
        elif tag == "main":
            self._main = False


def _data(form: dict) -> tuple[dict, set[str]]:
    """Hidden fields as they are, every text field typed, the first named button pressed; the rest empty."""
    data, typed, pressed = {}, set(), False
    for tag, kind, name, value, _checked in form["fields"]:
        if kind == "hidden":
            data[name] = value
        elif tag == "textarea" or (tag == "input" and kind in TEKS):
            data[name] = f"{DIKETIK} {len(typed)}"
            typed.add(data[name])
        elif kind == "submit" and not pressed:
            data[name], pressed = value, True
    return data, typed


def _login_client(username: str) -> Client:
    client = Client()
    if username != "anonim":
        client.force_login(User.objects.get(username=username))
    return client


@pytest.mark.browser
@pytest.mark.parametrize("username", LOGINS)
def test_a_refused_form_shows_the_summary_above_it_and_keeps_what_was_typed(username, demo_server):
    client = _login_client(username)
    found, refused = {}, 0
    for name, (login_, url) in HALAMAN.items():
        if login_ != username:
            continue
        path = url()
        parser = _Forms()
        parser.feed(client.get(path).content.decode())
        for i, form in enumerate(parser.forms):
            data, typed = _data(form)
            if not typed:
                continue  # a form of buttons only: nothing typed to keep
            response = client.post(form["action"] or path, data)
            html = response.content.decode() if "text/html" in response.get("Content-Type", "") else ""
            if response.status_code != 200 or "invalid-feedback" not in html and "errorlist" not in html:
                continue  # accepted, or refused with a message on the next page
            refused += 1
            main = html[html.find("<main") :]
            summary = main.find('data-testid="ringkasan-galat"')
            kept = {text for text in typed if text in html}
            if not (0 <= summary < main.find("<form")) or kept != typed:
                found[(name, i)] = {"ringkasan": summary, "hilang": sorted(typed - kept)}
    assert found == {}
    print(f"{username}: {refused} formulir menolak")
