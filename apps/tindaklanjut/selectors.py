"""Reads of the follow-ups: the scoped list (late first) and the per-PD summary for the next report."""

from dataclasses import dataclass

from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When
from django.utils import timezone

from apps.akun.scope import lingkup
from apps.survei.models import Periode

from .models import TindakLanjut
from .workflow import Status


def tindak_lanjut_for_user(user) -> QuerySet[TindakLanjut]:
    """Follow-ups the user may read: all (kabupaten roles), their PD's (Kepala PD, KBK); late ones first."""
    scope = lingkup(user)
    qs = TindakLanjut.objects.select_related("periode", "perangkat_daerah", "unit_kerja", "penanggung_jawab__pegawai")
    if not scope.boleh_lihat_tindak_lanjut_semua:
        qs = qs.filter(perangkat_daerah_id__in=scope.pd_tindak_lanjut_ids)
    hari_ini = timezone.localdate()
    return qs.annotate(
        _terlambat=Case(
            When(Q(status=Status.TERBUKA, batas_waktu__lt=hari_ini), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    ).order_by("-_terlambat", "status", "batas_waktu", "perangkat_daerah__kode", "unit_kerja__kode", "bagian")


@dataclass(frozen=True)
class RingkasanTindakLanjut:
    """Follow-ups of one PD from one periode: how many, done, late."""

    jumlah: int
    selesai: int
    terlambat: int

    @property
    def teks(self) -> str:
        if not self.jumlah:
            return "tidak ada"
        bagian = [f"{self.selesai} dari {self.jumlah} selesai"]
        if self.terlambat:
            bagian.append(f"{self.terlambat} terlambat")
        return ", ".join(bagian)


def ringkasan_per_pd(periode: Periode | None) -> dict[int, RingkasanTindakLanjut]:
    """Per PD, the follow-ups of `periode` (usually the previous one): one query."""
    if periode is None:
        return {}
    hari_ini = timezone.localdate()
    rows = (
        TindakLanjut.objects.filter(periode=periode)
        .values("perangkat_daerah_id")
        .annotate(
            jumlah=Count("pk"),
            selesai=Count("pk", filter=Q(status=Status.SELESAI)),
            terlambat=Count("pk", filter=Q(status=Status.TERBUKA, batas_waktu__lt=hari_ini)),
        )
    )
    return {r["perangkat_daerah_id"]: RingkasanTindakLanjut(r["jumlah"], r["selesai"], r["terlambat"]) for r in rows}
