"""Results back to every ASN (Lampiran BAB III.2: share the measurement's results with the ASN): after FINAL, a
person's own scores beside the printed rows of their unit, their PD and the kabupaten, the three weakest items of
their PD, and the PD's follow-ups.

Everything beside the person's own scores is read from the final report as printed, so a unit row hidden there
("< 3 responden", or hidden with it) is hidden here too. The PD's weakest items are listed by rank only, without
their means, and only when the PD's row is printed (docs/keputusan.md, "Kerahasiaan Formulir 1").
"""

from dataclasses import dataclass, replace

from django.db.models import Count, Sum

from apps.common.instansi import instansi_halaman
from apps.survei.models import Butir, Jawaban, Respon
from apps.survei.scoring import band_for_total, mean
from apps.survei.selectors import respon_terhitung

from .. import beku
from .dasbor import jumlah_butir_beku
from .data import BAGIAN, Baris, Laporan, Nilai


@dataclass(frozen=True)
class Pembanding:
    """One printed row to compare with: its name and values, or why it has none."""

    judul: str
    nama: str
    nilai: tuple[Nilai, ...] | None
    tanda: str = ""


@dataclass(frozen=True)
class ButirPd:
    nomor: int
    teks: str
    bagian: str


def nilai_sendiri(respon: Respon, bands) -> tuple[Nilai, ...] | None:
    """The person's own section totals with their categories (the same bands as the report)."""
    totals = (respon.total_1, respon.total_2, respon.total_3)
    if any(t is None for t in totals):
        return None
    return tuple(
        Nilai(mean(t, 1), band_for_total(t, bands[kode]).kategori) for kode, t in zip(BAGIAN, totals, strict=True)
    )


def _pembanding(judul: str, baris: Baris | None) -> Pembanding | None:
    if baris is None:
        return None
    return Pembanding(judul, baris.nama, baris.nilai, baris.tanda or "tidak ada angka")


def baris_unit_dari(laporan_pd: Laporan, unit_path: str) -> Baris | None:
    """The printed row of the PD report that holds a unit (its top-level unit's row)."""
    for baris in laporan_pd.baris:
        jenis, _sep, ref = baris.kunci.partition(":")
        if jenis == "unit" and f"/{ref}/" in unit_path:
            return baris
    return None


def pembanding(laporan_pd: Laporan | None, konsolidasi: Laporan, unit_path: str, nama_pd: str = "") -> list[Pembanding]:
    """The rows beside the person's own scores: their unit's printed row, their PD's (labelled with the PD's
    name, not the report's "Seluruh PD"), and the kabupaten's RATA-RATA."""
    rows = []
    if laporan_pd is not None:
        rows.append(_pembanding("Unit kerja Anda", baris_unit_dari(laporan_pd, unit_path)))
        seluruh = laporan_pd.seluruh
        if seluruh is not None and nama_pd:
            seluruh = replace(seluruh, nama=nama_pd)
        rows.append(_pembanding("Perangkat daerah Anda", seluruh))
    daerah = instansi_halaman().istilah_dari("daerah").capitalize()
    rows.append(_pembanding(f"{daerah} (RATA-RATA)", konsolidasi.rata_rata))
    return [r for r in rows if r is not None]


def butir_terlemah_pd(periode, pd_id: int, jumlah: int = 3) -> list[ButirPd]:
    """The PD's items with the highest mean answer, by rank (the means are not returned). One query (two from the
    stored sums of a closed periode)."""
    if beku.bekukan_bila_perlu(periode):
        per_butir, _n = jumlah_butir_beku(periode, pd_id=pd_id)
        teks = {
            nomor: (t, kode)
            for nomor, t, kode in Butir.objects.filter(bagian__instrumen_id=periode.instrumen_id).values_list(
                "nomor", "teks", "bagian__kode"
            )
        }
        ranked = sorted(per_butir.items(), key=lambda kv: (-mean(kv[1][0], kv[1][1]), kv[0]))
        return [ButirPd(nomor, *teks[nomor]) for nomor, _sc in ranked[:jumlah]]
    rows = (
        Jawaban.objects.filter(respon__in=respon_terhitung(periode).filter(perangkat_daerah_id=pd_id))
        .values("butir__nomor", "butir__teks", "butir__bagian__kode")
        .annotate(s=Sum("nilai"), n=Count("pk"))
        .order_by()
    )
    ranked = sorted(rows, key=lambda r: (-mean(r["s"], r["n"]), r["butir__nomor"]))
    return [ButirPd(r["butir__nomor"], r["butir__teks"], r["butir__bagian__kode"]) for r in ranked[:jumlah]]
