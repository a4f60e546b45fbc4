"""Property: random small PDs (1-5 units of 0-6 respondents, some nested), and from everything the consolidated
report, the PD report, the sub-unit views, the unit pages, the dashboard and the export print, no group of 1-2
respondents (a unit's own staff, or several together) can be solved for exactly.

Each printed sum is the set of groups (a unit's own staff) it adds up; a group set is solvable when its
indicator vector is in their span (tests/security/penyerang.py). A seeded loop (no hypothesis in the venv):
the pure rule over many cases, then the real pages' selectors on the database over a few.
"""

import random

import pytest

from apps.hasil.selectors import (
    baris_unit,
    butir_terlemah,
    laporan_konsolidasi,
    laporan_perangkat_daerah,
    pohon_rahasia,
    sembunyikan,
)
from apps.laporan import ekspor
from apps.organisasi.models import UnitKerja
from apps.survei.models import Periode
from apps.survei.scoring import MIN_RESPONDEN
from tests.factories import PerangkatDaerahFactory, UnitKerjaFactory
from tests.hasil.data import buat_periode, isi_jawaban, isi_respon

from .penyerang import kecil_terpecahkan


def _acak(rng: random.Random, n_pd: int) -> dict[int, list[tuple[int, int | None, int]]]:
    """PD -> units as (id, parent id, respondents of its own staff); ids unique over all PDs."""
    out, next_id = {}, 1
    for pd in range(1, n_pd + 1):
        units = []
        for _ in range(rng.randint(1, 5)):
            parent = rng.choice([None, None, *[u[0] for u in units]])
            units.append((next_id, parent, rng.choice([0, 1, 1, 2, 2, 3, 4, 5, 6])))
            next_id += 1
        out[pd] = units
    return out


def _paths(units: list[tuple[int, int | None, int]]) -> dict[int, str]:
    paths: dict[int, str] = {}
    for pk, parent, _ in units:
        paths[pk] = (paths[parent] if parent else "/") + f"{pk}/"
    return paths


def _tercetak_murni(struktur) -> tuple[list[set], dict]:
    """The printed sums of the pure rule, the way the selectors apply it."""
    n = {(pd, pk): own for pd, units in struktur.items() for pk, _, own in units}
    paths = {pd: _paths(units) for pd, units in struktur.items()}
    subtree = {
        (pd, pk): {(pd, u) for u, p in paths[pd].items() if p.startswith(paths[pd][pk])}
        for pd in struktur
        for pk in paths[pd]
    }
    sums: list[set] = []

    def cetak(groups: set, hidden: bool) -> None:
        if not hidden and sum(n[g] for g in groups) >= MIN_RESPONDEN:
            sums.append(groups)

    per_pd = {pd: sum(own for _, _, own in units) for pd, units in struktur.items()}
    pd_hidden = sembunyikan(per_pd)
    cetak(set(n), False)  # the dashboard's items are means over the whole kabupaten
    for pd, units in struktur.items():
        all_pd = {g for g in n if g[0] == pd}
        cetak(all_pd, pd in pd_hidden)  # the consolidated row, "Seluruh PD"
        pohon = pohon_rahasia(
            [(pk, paths[pd][pk]) for pk, _, _ in units], {pk: own for pk, _, own in units}, pd in pd_hidden
        )
        for pk, _parent, _own in units:
            cetak(subtree[(pd, pk)], pk in pohon.sub)  # its row one level up, its "Seluruh", its head's page
            cetak({(pd, pk)}, pk in pohon.own)  # "pegawai langsung"
    grouping = ekspor.kelompok(n, {pd: [(pk, p) for pk, p in paths[pd].items()] for pd in struktur})
    for label in set(grouping.values()):
        sums.append({g for g, lb in grouping.items() if lb == label})
    return sums, n


def test_no_small_group_is_solvable_under_the_pure_rule():
    rng = random.Random(20261128)
    for _ in range(400):
        struktur = _acak(rng, rng.randint(1, 3))
        sums, n = _tercetak_murni(struktur)
        assert kecil_terpecahkan(sums, n) == [], struktur


@pytest.mark.django_db
def test_no_small_group_is_solvable_from_the_pages(world):
    """The same on the database, through the selectors every page and download uses."""
    rng = random.Random(52)
    for case in range(6):
        periode = buat_periode(f"P{case}", Periode.Status.DITUTUP, tahun=2025)
        pds, units_of, n = [], {}, {}
        for _pd, units in _acak(rng, rng.randint(1, 3)).items():
            pd = PerangkatDaerahFactory()
            pds.append(pd)
            made: dict[int, UnitKerja] = {}
            for pk, parent, own in units:
                unit = UnitKerjaFactory(perangkat_daerah=pd, induk=made.get(parent))
                made[pk] = unit
                n[(pd.pk, unit.pk)] = own
                for respon in isi_respon(periode, unit, [(rng.randint(10, 40), 10, 40) for _ in range(own)]):
                    isi_jawaban(respon, dict.fromkeys(range(1, 36), rng.randint(1, 4)))
            units_of[pd.pk] = list(made.values())
        sums = _tercetak_db(periode, pds, units_of, n)
        assert kecil_terpecahkan(sums, n) == [], n


def _tercetak_db(periode, pds, units_of, n) -> list[set]:
    subtree = {
        u.pk: {(pd.pk, v.pk) for v in units_of[pd.pk] if v.path.startswith(u.path)}
        for pd in pds
        for u in units_of[pd.pk]
    }
    sums: list[set] = []
    if butir_terlemah(periode):
        sums.append(set(n))
    konsolidasi = laporan_konsolidasi(periode)
    for row in konsolidasi.baris:
        if row.nilai is not None and row.ref_id in units_of:
            sums.append({g for g in n if g[0] == row.ref_id})
    for pd in pds:
        laporan = laporan_perangkat_daerah(periode, pd)
        views = [laporan] + [laporan_perangkat_daerah(periode, pd, induk=u) for u in units_of[pd.pk]]
        for view in views:
            for row in view.baris:
                if row.nilai is not None:
                    own = view.induk_id == row.ref_id
                    sums.append({(pd.pk, row.ref_id)} if own else subtree[row.ref_id])
            if view.seluruh.nilai is not None:
                sums.append(subtree[view.induk_id] if view.induk_id else {g for g in n if g[0] == pd.pk})
        for u in units_of[pd.pk]:
            if baris_unit(periode, u)[0].nilai is not None:
                sums.append(subtree[u.pk])
    labels = ekspor.label(periode)
    for label in set(labels.values()):
        sums.append({g for g, lb in labels.items() if lb == label})
    return sums
