"""The day's scheduled work (docs/keputusan.md «Antarmuka yang tetap», `manage.py kerja_harian`): an ordered list of steps, each a plain function
`(hari: date) -> dict` that is idempotent on its own (notices carry a key, so a person is told once) and is
recorded in the ledger `LangkahHarian`, so a finished step is not run again for the same day.

A step names its function by a dotted string, as `seed_demo` names the demo modules: `common` knows the apps
above it only by name (docs/arsitektur.md). To add a step, append a line to LANGKAH; the order is the order the
day's work should happen in (owners are settled before reminders go to them; emails go out last).
"""

import datetime
import importlib
from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import IntegrityError, transaction

from . import pratinjau
from .models import LangkahHarian

LANGKAH: list[tuple[str, str]] = [
    # Formulir 1: the closing-soon notice to those who have not submitted; Tim Monev told of a passed deadline.
    ("periode_akan_tutup", "apps.survei.pemberitahuan:harian_periode_akan_tutup"),
    ("periode_lewat_tutup", "apps.survei.pemberitahuan:harian_periode_lewat_tutup"),
    # Follow-ups: the head (or acting head) of the day takes over; due and late follow-ups.
    ("tindak_lanjut_penanggung_jawab", "apps.tindaklanjut.services:tindak_lanjut_tetapkan_penanggung_jawab"),
    ("tindak_lanjut_tenggat", "apps.tindaklanjut.services:tindak_lanjut_ingatkan"),
    # Rencana tindak: progress reports due and late, by the cadence the Kepala PD set.
    ("laporan_kemajuan", "apps.rencana.pemberitahuan:laporan_ingatkan"),
    # Agents' SK terms ending soon and ended.
    ("masa_tugas_agen", "apps.agen.pemberitahuan:masa_tugas_berakhir"),
    # Cleanups.
    ("sesi_kedaluwarsa", "apps.common.harian:hapus_sesi_kedaluwarsa"),
    ("pratinjau_kedaluwarsa", "apps.common.harian:hapus_pratinjau"),
    # Retention of personal data per kind (docs/pdp.md, «Retensi»).
    ("retensi_data_pribadi", "apps.pdp.retensi:retensi_jalankan"),
    # Email copies left waiting (a crash between the notice and the send).
    ("email_tertunda", "apps.notifikasi.services:harian_email_tertunda"),
]


def _fungsi(path: str) -> Callable[[datetime.date], dict]:
    module, _sep, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def jalankan(hari: datetime.date, langkah: list[tuple[str, str]] | None = None) -> list[tuple[str, dict | None]]:
    """Run the day's steps in order. Returns (name, result) per step; result None when the step had already run
    that day. Each step runs in its own transaction together with its ledger row: an error rolls back that
    step (it is retried on the next run) and stops the run, so a later step never runs on a half-done day."""
    hasil = []
    for nama, path in langkah or LANGKAH:
        try:
            with transaction.atomic():
                catatan = LangkahHarian.objects.create(tanggal=hari, langkah=nama)
                keluaran = _fungsi(path)(hari)
                catatan.hasil = keluaran
                catatan.save(update_fields=["hasil"])
        except IntegrityError:
            if not LangkahHarian.objects.filter(tanggal=hari, langkah=nama).exists():
                raise
            hasil.append((nama, None))
            continue
        hasil.append((nama, keluaran))
    return hasil


def hapus_sesi_kedaluwarsa(hari: datetime.date) -> dict:
    """Expired sessions out of the database (what `manage.py clearsessions` does)."""
    engine = importlib.import_module(settings.SESSION_ENGINE)
    sebelum = Session.objects.count()
    engine.SessionStore.clear_expired()
    return {"dihapus": sebelum - Session.objects.count()}


def hapus_pratinjau(hari: datetime.date) -> dict:
    """Import preview files older than an hour (apps/common/pratinjau.py)."""
    return {"dihapus": pratinjau.bersihkan()}
