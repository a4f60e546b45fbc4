"""The Instansi row for the pages, read once per process (docs/paket.md).

Every page shows the app's name and the pemda (templates/base.html), so the row must not cost a query per request:
the Formulir 1 page keeps its count (tests/survei/test_kueri_formulir.py). It is kept per process; a save or delete
of the row forgets it in the process that wrote it (at once and again at commit), and the other processes read it
again within `SEGAR_DETIK` seconds (the row changes when a pack is installed or the admin edits the kop). Documents
(SK, reports) do not use this: they read the row itself (`Instansi.aktif()`) when they are rendered."""

import time

from django.core.signals import request_started
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.functional import SimpleLazyObject, lazy

from .models import Instansi

SEGAR_DETIK = 60.0

_simpanan: tuple[Instansi, float] | None = None


def instansi_halaman() -> Instansi:
    """The row (or the kop shown without a row), from the process cache when read less than a minute ago."""
    global _simpanan
    simpanan = _simpanan
    if simpanan is not None and time.monotonic() - simpanan[1] < SEGAR_DETIK:
        return simpanan[0]
    obj = Instansi.aktif()
    _simpanan = (obj, time.monotonic())
    return obj


def instansi_tanpa_kueri() -> Instansi:
    """For a page rendered without the database (the plain error page): the cached row, else neutral words."""
    simpanan = _simpanan
    return simpanan[0] if simpanan is not None else Instansi()


def baca_saat_mulai() -> None:
    """Read the row once as the app is loaded (kupang_budaya/wsgi.py): gunicorn loads it before forking its
    workers (deploy/gunicorn.conf.py, preload_app), so every worker's plain error pages name the pemda from its
    first request on, even when the database is down then. The connection is closed again: a forked worker
    must not share it. Without a database at start the first request reads it (below)."""
    try:
        instansi_halaman()
    except Exception:  # noqa: BLE001 (no database yet: the first request reads it)
        pass
    finally:
        connections.close_all()


@receiver(request_started, dispatch_uid="instansi_sebelum_galat")
def _baca_sekali(**kwargs) -> None:
    """The first request of a process reads the row, so that the plain error pages (which read nothing) name the
    pemda from then on, also when the database fails later. A failure here is left to the request itself."""
    if _simpanan is None:
        try:
            instansi_halaman()
        except Exception:  # noqa: BLE001 (no database, or none allowed in a test: the request goes on)
            pass


def lupakan() -> None:
    global _simpanan
    _simpanan = None


@receiver(post_save, sender=Instansi, dispatch_uid="instansi_lupakan_simpan")
@receiver(post_delete, sender=Instansi, dispatch_uid="instansi_lupakan_hapus")
def _berubah(**kwargs) -> None:
    lupakan()
    transaction.on_commit(lupakan)


def instansi(request) -> dict:
    """Context processor: `instansi` in every template rendered with a request, read when a template uses it."""
    return {"instansi": SimpleLazyObject(instansi_halaman)}


def _kata_pemda(teks: str, kunci: dict[str, str]) -> str:
    instansi = instansi_halaman()
    return teks.format(**{nama: instansi.istilah_dari(istilah) for nama, istilah in kunci.items()})


_kata_pemda_lazy = lazy(_kata_pemda, str)


def kata_pemda(teks: str, **kunci: str):
    """A label or help text with the pemda's terms, worked out when it is shown (a form class is built once per
    process, the pack may differ per instance): `kata_pemda("kepada {kd}", kd="kepala_daerah_singkat")`."""
    return _kata_pemda_lazy(teks, kunci)
