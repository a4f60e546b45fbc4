"""The home page's tasks: what waits for this person, most urgent first (issue "Work comes to people").

Each app may have a module `tugas.py` with `tugas_untuk(user, lingkup) -> list[Tugas]`; the home page asks every
installed app, so a new app (rencana tindak, tindak lanjut) adds its tasks without changing this module. A
provider uses the same rights as the pages it links to, and a fixed number of queries whatever the counts.
"""

import datetime
import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps

from apps.akun.scope import Lingkup, lingkup

# Urgency, highest first: someone waits for this person's answer; a deadline of their own; the work of people
# they lead; things to read.
MENUNGGU_ANDA = 90
TENGGAT = 80
PANTAU = 50
BACA = 20


@dataclass(frozen=True)
class Tugas:
    """One task on the home page: `teks` says what waits, `url` is the page where it is done."""

    teks: str
    url: str
    peran: str  # the role it belongs to, for grouping ("ASN", "Pimpinan Unit Kerja", ...)
    urgensi: int = PANTAU
    jumlah: int | None = None
    tenggat: datetime.date | None = None
    tombol: str = ""
    kunci: str = ""  # a stable name, for tests and for styling


Penyedia = Callable[[object, Lingkup], list[Tugas]]
_PENYEDIA: list[Penyedia] | None = None


def penyedia() -> list[Penyedia]:
    """`tugas_untuk` of every installed app that has a tugas.py, in INSTALLED_APPS order (found once)."""
    global _PENYEDIA
    if _PENYEDIA is None:
        found = []
        for config in apps.get_app_configs():
            name = f"{config.name}.tugas"
            if config.name != __name__.rpartition(".")[0] and importlib.util.find_spec(name) is not None:
                module = importlib.import_module(name)
                if hasattr(module, "tugas_untuk"):
                    found.append(module.tugas_untuk)
        _PENYEDIA = found
    return _PENYEDIA


def tugas_untuk(user) -> list[Tugas]:
    """Every task of the user, most urgent first, then the nearest deadline."""
    scope = lingkup(user)
    tasks = [t for provider in penyedia() for t in provider(user, scope)]
    return sorted(tasks, key=lambda t: (-t.urgensi, t.tenggat or datetime.date.max))


def kelompok_peran(tasks: list[Tugas]) -> list[tuple[str, list[Tugas]]]:
    """The tasks grouped by role, roles in the order of their most urgent task."""
    groups: dict[str, list[Tugas]] = {}
    for t in tasks:
        groups.setdefault(t.peran, []).append(t)
    return list(groups.items())
