"""What an attacker reads: the printed rows of a report page, parsed from its HTML, and the groups they can solve for.

Written against the pages (not the selectors), so the same tests run on older code to show that they fail there.
"""

import re
from fractions import Fraction
from itertools import combinations

from apps.survei.scoring import MIN_RESPONDEN


def baris(html: str, bagian: str = "tbody") -> list[tuple[str, int, bool]]:
    """(name, respondents, has numbers) of each row of the report table's `bagian` ("tbody" or "tfoot")."""
    body = html.split(f"<{bagian}", 1)[1].split(f"</{bagian}>", 1)[0]
    out = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        n = re.search(r"(?:Partisipasi|Jumlah responden) (\d+)", cells[-1])
        out.append((cells[0], int(n.group(1)) if n else 0, bool(re.fullmatch(r"\d+[.,]\d\d", cells[1]))))
    return out


def kolam_tersembunyi(html: str) -> int:
    """Respondents in the rows printed without numbers, when the page prints a "Seluruh" total with numbers: the
    total minus the printed rows gives exactly their sums. 0 when the total is hidden too."""
    rows = baris(html)
    seluruh = [r for r in baris(html, "tfoot") if r[0].startswith("Seluruh")]
    if not seluruh or not seluruh[0][2]:
        return 0
    return sum(n for _, n, shown in rows if not shown)


def kecil_terpecahkan(persamaan: list[set], n: dict) -> list[frozenset]:
    """Every set of groups with 1 to MIN_RESPONDEN-1 respondents whose sum follows exactly from the printed sums.

    `persamaan`: each printed sum as the set of groups it adds up; `n`: respondents per group. A set is solvable
    when its indicator vector lies in the span of the printed sums (exact rational Gaussian elimination).
    """
    groups = sorted((g for g in n if n[g] > 0), key=str)
    basis: list[list[Fraction]] = []
    pivots: list[int] = []

    def reduce(vec: list[Fraction]) -> list[Fraction]:
        vec = list(vec)
        for row, p in zip(basis, pivots, strict=True):
            if vec[p]:
                f = vec[p] / row[p]
                vec = [a - f * b for a, b in zip(vec, row, strict=True)]
        return vec

    for eq in persamaan:
        vec = reduce([Fraction(1 if g in eq else 0) for g in groups])
        p = next((i for i, a in enumerate(vec) if a), None)
        if p is not None:
            basis.append(vec)
            pivots.append(p)
    small = [g for g in groups if n[g] < MIN_RESPONDEN]
    found = []
    for k in range(1, MIN_RESPONDEN):
        for subset in combinations(small, k):
            if not 0 < sum(n[g] for g in subset) < MIN_RESPONDEN:
                continue
            vec = reduce([Fraction(1 if g in subset else 0) for g in groups])
            if not any(vec):
                found.append(frozenset(subset))
    return found
