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
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

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


@dataclass(frozen=True)
class TanpaPenanggungJawab:
    """A task whose person does not exist: no head and no acting head of the PD or unit it waits for. Listed
    for Tim Monev until someone is appointed (docs/keputusan.md, «Setiap tugas punya orang»)."""

    jenis: str  # "Tindak lanjut", "Rencana tindak", ...
    teks: str
    perangkat_daerah: str
    menunggu: str  # whom it waits for: "Kepala PD", "Pimpinan unit kerja"
    url: str
    sejak: datetime.date | None = None


Penyedia = Callable[[object, Lingkup], list[Tugas]]
_PENYEDIA: dict[str, list] = {}


def _dari_aplikasi(fungsi: str) -> list:
    """`fungsi` of every installed app's tugas.py that has it, in INSTALLED_APPS order (found once)."""
    if fungsi not in _PENYEDIA:
        found = []
        for config in apps.get_app_configs():
            name = f"{config.name}.tugas"
            if config.name != __name__.rpartition(".")[0] and importlib.util.find_spec(name) is not None:
                module = importlib.import_module(name)
                if hasattr(module, fungsi):
                    found.append(getattr(module, fungsi))
        _PENYEDIA[fungsi] = found
    return _PENYEDIA[fungsi]


def penyedia() -> list[Penyedia]:
    """`tugas_untuk` of every installed app that has a tugas.py, in INSTALLED_APPS order (found once)."""
    return _dari_aplikasi("tugas_untuk")


def tanpa_penanggung_jawab(hari: datetime.date | None = None) -> list[TanpaPenanggungJawab]:
    """Every task of the kabupaten that waits for a person who does not exist on `hari` (today): each app's
    `tugas.tanpa_penanggung_jawab(hari)`, by PD."""
    hari = hari or timezone.localdate()
    rows = [r for provider in _dari_aplikasi("tanpa_penanggung_jawab") for r in provider(hari)]
    return sorted(rows, key=lambda r: (r.perangkat_daerah, r.jenis, r.teks))


def _tugas_sendiri(scope: Lingkup) -> list[Tugas]:
    """Tim Monev's card for the tasks without a person."""
    if not scope.monev:
        return []
    n = len(tanpa_penanggung_jawab())
    if not n:
        return []
    return [
        Tugas(
            teks=_("%(n)s tugas tanpa penanggung jawab: perangkat daerah tanpa Kepala atau Plt./Plh.") % {"n": n},
            url=reverse("akun:tanpa_penanggung_jawab"),
            peran=_("Tim Monev"),
            urgensi=TENGGAT,
            jumlah=n,
            tombol=_("Lihat daftar"),
            kunci="tanpa-penanggung-jawab",
        )
    ]


def tugas_untuk(user) -> list[Tugas]:
    """Every task of the user, most urgent first, then the nearest deadline."""
    scope = lingkup(user)
    tasks = [t for provider in penyedia() for t in provider(user, scope)] + _tugas_sendiri(scope)
    return sorted(tasks, key=lambda t: (-t.urgensi, t.tenggat or datetime.date.max))


def kelompok_peran(tasks: list[Tugas]) -> list[tuple[str, list[Tugas]]]:
    """The tasks grouped by role, roles in the order of their most urgent task."""
    groups: dict[str, list[Tugas]] = {}
    for t in tasks:
        groups.setdefault(t.peran, []).append(t)
    return list(groups.items())
