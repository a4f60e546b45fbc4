"""The confidentiality rule of every aggregate (docs/keputusan.md, "Kerahasiaan Formulir 1"): no viewer, whatever roles
they hold, can learn the answers or section totals of a group of fewer than MIN_RESPONDEN respondents, from one
page, by subtracting printed rows, or from the export. Pure functions over respondent counts: no ORM.

One table (a "level") has rows and a total printed beside them (the "Seluruh" row, or the row of the level above).
A row of 1-2 respondents is hidden; when the hidden rows together hold 1-2 respondents, the total minus the
printed rows would give their sum, so the next smallest row is hidden too, until the hidden pool is 0 or at least
MIN_RESPONDEN (complementary suppression). When the total itself is hidden (it is hidden one level up, or it has
fewer than MIN_RESPONDEN), every row below it is hidden: a hidden total must not be the sum of printed rows.
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from apps.survei.scoring import MIN_RESPONDEN

ALASAN = "Disembunyikan agar jawaban kelompok kecil tidak dapat dihitung."


def sembunyikan(
    jumlah: Mapping[Hashable, int], *, total_tersembunyi: bool = False, wajib: Iterable[Hashable] = ()
) -> set[Hashable]:
    """The keys of the rows of one level to hide, from the respondents per row.

    `wajib`: rows that are never printed (responses whose unit left the PD's tree): they are part of the hidden
    pool from the start. Ties between rows of the same size are broken by key, so the choice is repeatable.
    """
    if total_tersembunyi:
        return {k for k, n in jumlah.items() if n > 0}
    hidden = {k for k, n in jumlah.items() if 0 < n < MIN_RESPONDEN} | set(wajib)
    pool = sum(jumlah.get(k, 0) for k in hidden)
    kandidat = sorted((n, str(k)) for k, n in jumlah.items() if k not in hidden and n > 0)
    by_str = {str(k): k for k in jumlah}
    while 0 < pool < MIN_RESPONDEN and kandidat:
        n, key = kandidat.pop(0)
        hidden.add(by_str[key])
        pool += n
    return hidden


@dataclass
class PohonRahasia:
    """Which rows of one PD's unit tree are hidden, on every level at once (the PD report, each unit's sub-unit
    view, a unit head's page and the export's labels all read it, so they agree).

    `sub`: units whose row "unit with its sub-units" is hidden; `own`: units whose own staff (the "pegawai
    langsung" row, or the export's unit label) are hidden.
    """

    pd_tersembunyi: bool
    sub: set[int] = field(default_factory=set)
    own: set[int] = field(default_factory=set)


def pohon_rahasia(units: Iterable[tuple[int, str]], per_unit: Mapping[int, int], pd_tersembunyi: bool) -> PohonRahasia:
    """Hidden rows of a PD's tree, top down. `units`: (pk, path) of the PD's units; `per_unit`: respondents per
    unit kerja of the PD's responses (a unit not in `units` has left the tree: its responses are never printed)."""
    units = list(units)
    known = {pk for pk, _ in units}
    own_n = {pk: per_unit.get(pk, 0) for pk in known}
    sub_n: dict[int, int] = dict.fromkeys(known, 0)
    children: dict[int | None, list[int]] = {}
    for pk, path in units:
        ids = [int(x) for x in path.strip("/").split("/")]
        for ancestor in ids:
            if ancestor in sub_n:
                sub_n[ancestor] += own_n[pk]
        parent = ids[-2] if len(ids) > 1 and ids[-2] in known else None
        children.setdefault(parent, []).append(pk)
    lepas = sum(n for pk, n in per_unit.items() if pk not in known)

    result = PohonRahasia(pd_tersembunyi)
    rows: dict[Hashable, int] = {("sub", pk): sub_n[pk] for pk in children.get(None, [])}
    wajib = []
    if lepas:
        rows["lepas"] = lepas
        wajib.append("lepas")
    stack = [(rows, pd_tersembunyi, wajib)]
    while stack:
        rows, total_hidden, wajib = stack.pop()
        hidden = sembunyikan(rows, total_tersembunyi=total_hidden, wajib=wajib)
        for key in rows:
            if key == "lepas":
                continue
            kind, pk = key
            if key in hidden:
                (result.sub if kind == "sub" else result.own).add(pk)
            if kind == "sub":
                level = {("own", pk): own_n[pk], **{("sub", c): sub_n[c] for c in children.get(pk, [])}}
                stack.append((level, key in hidden or sub_n[pk] < MIN_RESPONDEN, []))
    return result
