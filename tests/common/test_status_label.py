"""Every status label of every workflow reads as one phrase without a repeated word ("Penelaahan oleh KBK menunggu
telaah KBK", "Terkirim dikirim ..." were the faults): the label is the whole status a reader sees, with who acts
next when someone must, and nothing is printed beside it that says the same again."""

import re

import pytest
from django.db import models
from django.template.loader import render_to_string

import apps.agen.models
import apps.organisasi.workflow
import apps.rencana.workflow
import apps.survei.models
import apps.tindaklanjut.workflow  # noqa: F401 (imported so that their TextChoices exist)


def _status_choices() -> list[type[models.TextChoices]]:
    """Every TextChoices of our apps whose name says it is a status (Status, StatusLaporan, StatusMasa, ...)."""
    found, todo = [], list(models.TextChoices.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("apps.") and cls.__name__.startswith("Status"):
            found.append(cls)
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


STATUS = [
    (f"{c.__module__}.{c.__qualname__}.{value}", str(label)) for c in _status_choices() for value, label in c.choices
]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def test_the_statuses_of_every_workflow_are_found():
    names = {f"{c.__module__}.{c.__qualname__}" for c in _status_choices()}
    assert {
        "apps.agen.workflow.Status",
        "apps.agen.models.Penetapan.StatusMasa",
        "apps.rencana.workflow.Status",
        "apps.rencana.workflow.StatusLaporan",
        "apps.rencana.workflow.StatusPeriode",
        "apps.rencana.workflow.StatusMasalah",
        "apps.tindaklanjut.workflow.Status",
        "apps.organisasi.workflow.StatusPerbaikan",
        "apps.survei.models.Periode.Status",
        "apps.survei.models.Respon.Status",
    } <= names


@pytest.mark.parametrize(("status", "label"), STATUS, ids=[s for s, _ in STATUS])
def test_a_status_label_is_one_phrase_without_a_repeated_word(status, label):
    words = _words(label)
    assert len(words) == len(set(words)), f"{status}: {label!r} repeats a word"
    assert ". " not in label and not label.endswith(".")


@pytest.mark.parametrize(("status", "label"), [s for s in STATUS if ".agen.workflow.Status." in s[0]])
def test_the_nomination_badge_prints_the_label_alone(status, label):
    html = render_to_string("agen/_status.html", {"status": status.rsplit(".", 1)[1], "label": label})
    text = re.sub(r"<[^>]+>", " ", html)
    assert _words(text) == _words(label)
