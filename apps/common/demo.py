"""Shared state of `seed_demo`: each app's `demo.seed(ctx)` adds its part (docs/keputusan.md, «Antarmuka yang tetap»)."""

import random
from dataclasses import dataclass, field


@dataclass
class DemoContext:
    password: str
    rng: random.Random = field(default_factory=lambda: random.Random(522022))
    # Rows of the printed table of demo logins: (username, role, where).
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    # Objects that later apps need (e.g. "pd_demo", "unit_demo", "user:asn").
    refs: dict = field(default_factory=dict)
    # The installed pemda pack's document (docs/paket.md): names, terms, values and the demo's kecamatan.
    paket: dict = field(default_factory=dict)

    def istilah(self, kunci: str) -> str:
        return self.paket["istilah"][kunci]

    def kecamatan(self) -> list[tuple[str, str]]:
        """(kode, nama) of the demo's kecamatan, from the pack's demo.json."""
        return [tuple(k) for k in self.paket["demo"]["kecamatan"]]
