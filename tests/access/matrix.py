"""The access matrix (docs/keamanan.md, «Kendali»): every URL pattern, every persona, the expected status.

Each app has a module `tests/access/<app>.py` with `CASES`, a list of `Case`. `test_access_matrix.py`
requests every case as every persona of `tests.conftest.PERSONAS` and checks that every named URL
pattern of the project has at least one case.

Statuses: anonymous -> 302 to login (written LOGIN); a page the role lacks -> 403; an object outside
the user's scope -> 404.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

LOGIN = "login"  # a redirect to the login page


@dataclass
class Case:
    url_name: str
    expect: dict[str, int | str]
    kwargs: Callable | None = None  # world -> dict of URL kwargs
    method: str = "get"
    data: Callable | None = None  # world -> POST data
    setup: Callable | None = None  # world -> None, extra objects before the request
    note: str = ""
    id: str = field(default="")

    def __post_init__(self) -> None:
        self.id = self.id or self.url_name + ("" if self.method == "get" else f"[{self.method}]")


def everyone(status: int | str, anonim: int | str = LOGIN, **overrides) -> dict[str, int | str]:
    """The same status for every logged-in persona, LOGIN for anonymous, with overrides."""
    from tests.conftest import PERSONAS

    expect = {p: status for p in PERSONAS}
    expect["anonim"] = anonim
    expect.update(overrides)
    return expect
