"""Helpers for Formulir 1 tests: a periode on the Perbup instrument, full answer sets."""

import datetime

from django.utils import timezone

from apps.paket.pasang import instrumen_aktif_kode
from apps.survei.models import InstrumenVersi, Periode

# Item numbers of each section of the Perbup instrument.
NOMOR_BAGIAN = {"I": range(1, 11), "II": range(11, 16), "III": range(16, 36)}


def buat_periode(kode: str = "UJI", status: str = Periode.Status.DIBUKA, buka=None, tutup=None) -> Periode:
    today = timezone.localdate()
    return Periode.objects.create(
        kode=kode,
        nama=f"Periode {kode}",
        instrumen=InstrumenVersi.objects.get(kode=instrumen_aktif_kode()),
        tanggal_buka=buka or today - datetime.timedelta(days=3),
        tanggal_tutup=tutup or today + datetime.timedelta(days=10),
        status=status,
    )


def jawaban(nilai_i: int = 2, nilai_ii: int = 2, nilai_iii: int = 2) -> dict[int, int]:
    """Item number -> answer, with the same answer throughout each section."""
    out = {}
    for kode, nilai in (("I", nilai_i), ("II", nilai_ii), ("III", nilai_iii)):
        out.update({n: nilai for n in NOMOR_BAGIAN[kode]})
    return out


def post_data(answers: dict[int, int], aksi: str = "kirim") -> dict[str, str]:
    return {"aksi": aksi, **{f"p{n}": str(v) for n, v in answers.items()}}
