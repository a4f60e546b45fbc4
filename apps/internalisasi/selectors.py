"""Reads of declarations and activities for the consolidated report (Pasal 9(3): the report covers the
implementation, not only the scores)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q, Sum

from .models import DeklarasiNilai, KegiatanInternalisasi


@dataclass(frozen=True)
class RingkasanInternalisasi:
    """One PD: its latest declaration up to the end date, and its activities within the window."""

    deklarasi: datetime.date | None
    kegiatan: int
    peserta: int


def ringkasan_per_pd(mulai: datetime.date | None, sampai: datetime.date) -> dict[int, RingkasanInternalisasi]:
    """Per PD: the latest declaration on or before `sampai`, and the activities after `mulai` (exclusive; None:
    from the start) up to `sampai` (inclusive). Two queries. A PD with nothing recorded is absent."""
    deklarasi = dict(
        DeklarasiNilai.objects.filter(tanggal__lte=sampai)
        .values("perangkat_daerah_id")
        .annotate(t=Max("tanggal"))
        .values_list("perangkat_daerah_id", "t")
    )
    window = Q(tanggal__lte=sampai) & (Q(tanggal__gt=mulai) if mulai else Q())
    kegiatan = {
        r["perangkat_daerah_id"]: (r["n"], r["p"] or 0)
        for r in KegiatanInternalisasi.objects.filter(window)
        .values("perangkat_daerah_id")
        .annotate(n=Count("pk"), p=Sum("jumlah_peserta"))
    }
    return {
        pd_id: RingkasanInternalisasi(deklarasi.get(pd_id), *kegiatan.get(pd_id, (0, 0)))
        for pd_id in deklarasi.keys() | kegiatan.keys()
    }
