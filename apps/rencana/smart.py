"""SMART checks that software can make (Lampiran BAB III 2.2.5 huruf d), as pure functions over plain values.

Spesifik: Sasaran and Kegiatan are real text (not empty, at least MIN_KATA words, not a copy of another cell).
Terukur: an Indikator Kinerja is present; the Target is a positive number with a unit. Periode waktu: Waktu has
a start and an end month, start <= end, inside the plan's months and the agents' term. "Logis" (2.2.5 d 3) is
the Kepala PD's judgement, asked for explicitly on the approval form. Every message names the row and the
column of Tabel 2, so the agent knows where to look.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

MIN_KATA = 3
MAKS_BARIS = 10


@dataclass
class Baris:
    nomor: int
    nilai: list[str] = field(default_factory=list)
    sasaran: str = ""
    indikator: str = ""
    target_angka: Decimal | None = None
    target_satuan: str = ""
    kegiatan: str = ""
    waktu_mulai: datetime.date | None = None
    waktu_selesai: datetime.date | None = None
    keterangan: str = ""
    masuk_skp: bool = False
    referensi_skp: str = ""


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text or "").strip().casefold()


def _kata(text: str) -> int:
    return len(_normal(text).split())


def _bulan(d: datetime.date) -> str:
    return d.strftime("%m/%Y")


def _kolom(b: Baris, nomor_kolom: int, nama: str, pesan: str) -> str:
    return f"Baris {b.nomor}, kolom ({nomor_kolom}) {nama}: {pesan}"


def periksa(
    baris: list[Baris],
    mulai: datetime.date,
    selesai: datetime.date,
    masa: tuple[datetime.date, datetime.date] | None,
) -> list[str]:
    """Every reason the plan cannot be submitted yet; [] when it passes."""
    errors: list[str] = []
    if not baris:
        return ["Rencana tindak belum memiliki baris: isi sedikitnya satu baris Tabel 2."]
    if len(baris) > MAKS_BARIS:
        errors.append(f"Rencana tindak memuat {len(baris)} baris; paling banyak {MAKS_BARIS}.")
    if masa is None:
        errors.append("Masa tugas agen tidak ditemukan (penetapan dicabut atau kelompok tanpa anggota aktif).")
    elif mulai < masa[0].replace(day=1) or selesai > masa[1]:
        errors.append(
            f"Periode rencana ({_bulan(mulai)} s.d. {_bulan(selesai)}) harus berada di dalam masa tugas agen "
            f"({masa[0]:%d-%m-%Y} s.d. {masa[1]:%d-%m-%Y})."
        )
    sasaran_lain = {}
    kegiatan_lain = {}
    for b in baris:
        sasaran_lain.setdefault(_normal(b.sasaran), []).append(b.nomor)
        kegiatan_lain.setdefault(_normal(b.kegiatan), []).append(b.nomor)
    for b in baris:
        if not b.nilai:
            errors.append(_kolom(b, 2, "Nilai", "pilih sedikitnya satu nilai organisasi atau core value ASN."))
        for nomor_kolom, nama, teks, semua in (
            (3, "Sasaran", b.sasaran, sasaran_lain),
            (6, "Kegiatan", b.kegiatan, kegiatan_lain),
        ):
            if not teks.strip():
                errors.append(_kolom(b, nomor_kolom, nama, "wajib diisi."))
                continue
            if _kata(teks) < MIN_KATA:
                errors.append(
                    _kolom(b, nomor_kolom, nama, f"terlalu singkat; uraikan dengan sedikitnya {MIN_KATA} kata.")
                )
            sama = [n for n in semua.get(_normal(teks), []) if n != b.nomor]
            if sama:
                errors.append(_kolom(b, nomor_kolom, nama, f"sama dengan {nama} baris {sama[0]}; tulis yang spesifik."))
            sel_lain = {
                "Sasaran": b.sasaran,
                "Indikator Kinerja": b.indikator,
                "Kegiatan": b.kegiatan,
                "Keterangan": b.keterangan,
            }
            for lain, isi in sel_lain.items():
                if lain != nama and _normal(isi) and _normal(isi) == _normal(teks):
                    errors.append(_kolom(b, nomor_kolom, nama, f"sama dengan kolom {lain}; tulis yang berbeda."))
                    break
        if not b.indikator.strip():
            errors.append(_kolom(b, 4, "Indikator Kinerja", "wajib diisi agar keberhasilan dapat diukur."))
        if b.target_angka is None or b.target_angka <= 0:
            errors.append(_kolom(b, 5, "Target", "isi angka target yang lebih besar dari nol."))
        if not b.target_satuan.strip():
            errors.append(_kolom(b, 5, "Target", 'isi satuan target, misalnya "%" atau "kegiatan".'))
        if b.waktu_mulai is None or b.waktu_selesai is None:
            errors.append(_kolom(b, 7, "Waktu", "isi bulan mulai dan bulan selesai."))
        elif b.waktu_selesai < b.waktu_mulai:
            errors.append(_kolom(b, 7, "Waktu", "bulan selesai sebelum bulan mulai."))
        elif b.waktu_mulai < mulai or b.waktu_selesai > selesai:
            errors.append(
                _kolom(
                    b,
                    7,
                    "Waktu",
                    f"{_bulan(b.waktu_mulai)} s.d. {_bulan(b.waktu_selesai)} di luar periode rencana "
                    f"({_bulan(mulai)} s.d. {_bulan(selesai)}).",
                )
            )
        if b.masuk_skp and not b.referensi_skp.strip():
            errors.append(_kolom(b, 8, "Keterangan", "baris masuk SKP: isi referensi SKP (2.2.5 huruf e)."))
    return errors
