"""Where the role facts of `Lingkup` come from: the user's active `Peran` rows, kept in the session.

A logged-in request reads its session and its user anyway (Django's stock engine and ModelBackend). The facts
(the active roles: kind, PD, unit and its path, title) are written into the session at login and read from it on
every later request, so the hot path makes no role query. They are valid while

- they belong to this user,
- their version equals `User.versi_peran`, which every write of a Peran bumps (apps/akun/models.py), and
- they were read today (a role begins and ends on a date, with no write on that day).

Otherwise they are read again (one query) and the session is updated. Outside a request (services, commands,
tests) there is no session and the facts are read each time. The pegawai record is read on every request in one
plain statement (see `pegawai_untuk`). docs/arsitektur.md, «Hak dan sesi».
"""

import functools
from typing import NamedTuple

from django.db import connection
from django.utils import timezone

from apps.organisasi.models import Pegawai, PerangkatDaerah, UnitKerja

from .models import Peran, User

# Session key of the role facts, and the form of what is kept there (a different form is read again).
KUNCI = "_peran"
BENTUK = 1


class FaktaPeran(NamedTuple):
    """One active role, as the predicates read it."""

    pk: int
    jenis: str
    perangkat_daerah_id: int | None
    unit_kerja_id: int | None
    unit_path: str | None
    sebutan: str
    label: str  # as Peran.__str__: "Kepala Perangkat Daerah — Dinas X" (the home page lists the roles)

    def __str__(self) -> str:
        return self.label


def _baca_peran(user_id: int) -> list[list]:
    rows = Peran.objects.aktif().filter(user_id=user_id).order_by("pk").select_related("perangkat_daerah", "unit_kerja")
    return [
        [p.pk, p.jenis, p.perangkat_daerah_id, p.unit_kerja_id, p.unit_kerja and p.unit_kerja.path, p.sebutan, str(p)]
        for p in rows
    ]


def fakta_baru(user) -> dict:
    """The facts of `user` read from the database, in the form kept in the session (JSON). The version is read
    first, and from the database (the instance may be older than a role write): a write between the two reads
    leaves an older version with newer facts, which the next request reads again."""
    versi = User.objects.filter(pk=user.pk).values_list("versi_peran", flat=True).first()
    return {
        "f": BENTUK,
        "u": user.pk,
        "v": versi,
        "h": timezone.localdate().isoformat(),
        "peran": _baca_peran(user.pk),
    }


def fakta_peran(user) -> tuple[FaktaPeran, ...]:
    """The active roles of `user`: from the session bound to it when still valid, else read (and kept)."""
    sesi = getattr(user, "_sesi", None)
    fakta = sesi.get(KUNCI) if sesi is not None else None
    if not (
        isinstance(fakta, dict)
        and fakta.get("f") == BENTUK
        and fakta.get("u") == user.pk
        and fakta.get("v") == user.versi_peran
        and fakta.get("h") == timezone.localdate().isoformat()
    ):
        fakta = fakta_baru(user)
        if sesi is not None:
            sesi[KUNCI] = fakta
    return tuple(FaktaPeran(*row) for row in fakta["peran"])


def simpan_saat_masuk(sender, request, user, **kwargs) -> None:
    """At login, keep the facts in the new session (connected to `user_logged_in` in apps.py)."""
    session = getattr(request, "session", None)
    if session is not None:
        session[KUNCI] = fakta_baru(user)


def _kolom(model, alias: str) -> tuple[list[str], list]:
    """The SELECT list of a model's concrete fields under `alias`, and each field's database converters."""
    qn = connection.ops.quote_name
    fields = model._meta.concrete_fields
    cols = [f.get_col(alias) for f in fields]
    return [f"{alias}.{qn(f.column)}" for f in fields], [(col, col.get_db_converters(connection)) for col in cols]


@functools.cache
def _sql_pegawai(vendor: str) -> tuple[str, list]:
    """The SQL of `pegawai_untuk`, written once per process (per database vendor) from the models' metadata."""
    qn = connection.ops.quote_name
    Golongan = Pegawai._meta.get_field("golongan").related_model
    select, converters = [], []
    for model, alias in [(Pegawai, "p"), (UnitKerja, "u"), (PerangkatDaerah, "d"), (Golongan, "g")]:
        cols, conv = _kolom(model, alias)
        select += cols
        converters.append((model, conv))
    sql = (
        f"SELECT {', '.join(select)} FROM {qn(Pegawai._meta.db_table)} p "
        f"LEFT JOIN {qn(UnitKerja._meta.db_table)} u ON u.id = p.unit_kerja_id "
        f"LEFT JOIN {qn(PerangkatDaerah._meta.db_table)} d ON d.id = u.perangkat_daerah_id "
        f"LEFT JOIN {qn(Golongan._meta.db_table)} g ON g.id = p.golongan_id "
        "WHERE p.user_id = %s"
    )
    return sql, converters


def pegawai_untuk(user_id: int) -> Pegawai | None:
    """The user's pegawai record with its unit, PD and golongan loaded: one query.

    Every request of a logged-in user asks this, so it is written once as SQL instead of through the ORM,
    whose query building cost more than everything else on the Formulir 1 page (bench/kirim.py, README
    «Ukuran»). The instances are built with `Model.from_db` and the backend's converters, as the ORM builds them;
    tests/akun/test_lingkup_sql.py compares them with the ORM's.
    """
    sql, converters = _sql_pegawai(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    objects, i = [], 0
    for model, conv in converters:
        values = list(row[i : i + len(conv)])
        for j, (col, funcs) in enumerate(conv):
            for func in funcs:
                values[j] = func(values[j], col, connection)
        i += len(conv)
        objects.append(None if values[0] is None else model.from_db(connection.alias, None, values))
    pegawai, unit, pd, golongan = objects
    for parent, name, child in (
        (unit, "perangkat_daerah", pd),
        (pegawai, "unit_kerja", unit),
        (pegawai, "golongan", golongan),
    ):
        if parent is not None and child is not None:
            setattr(parent, name, child)
    return pegawai
