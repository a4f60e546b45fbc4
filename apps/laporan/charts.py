"""Dashboard data and the geometry of its server-side SVG charts (docs/keputusan.md, «Laporan Evaluasi: angka per baris»).

The charts are drawn by templates with presentation attributes only (no style attributes: the CSP forbids
them), need no JavaScript and no CDN, and each has its numbers in a table beside it.
"""

from dataclasses import dataclass
from decimal import Decimal

from apps.hasil.selectors import (
    BAGIAN,
    DISEMBUNYIKAN,
    Distribusi,
    butir_terlemah,
    distribusi_kategori,
    laporan_konsolidasi,
    tren,
)
from apps.hasil.services import jumlah_asn
from apps.survei.models import Periode
from apps.survei.scoring import Kategori

# The category colours of every page (static/css/app.css .kat-*): blue, sky, amber, brown, which colour-blind
# readers tell apart; the text is always beside them.
WARNA = {
    Kategori.BAIK.value: "#0b5394",
    Kategori.CUKUP_BAIK.value: "#9fd3f5",
    Kategori.KURANG_BAIK.value: "#f5c26b",
    Kategori.BURUK.value: "#7a2900",
}
LEBAR = 600  # drawing width of a bar, in SVG units


ABU = "#9e9e9e"  # the hidden categories, drawn as one segment


@dataclass(frozen=True)
class Segmen:
    x: float
    lebar: float
    warna: str
    label: str
    jumlah: int
    tersembunyi: bool = False  # printed as "disembunyikan", never as its count


@dataclass(frozen=True)
class Batang:
    label: str
    y: int
    lebar: float
    teks: str


def _segmen(d: Distribusi) -> tuple[list[Segmen], Segmen | None]:
    """One segment per category (a hidden one is not drawn and prints "disembunyikan"), and the hidden categories
    together as one grey segment at the end (their sum is the section's total minus the printed counts anyway)."""
    total = d.total
    x, out = 0.0, []
    for kategori, n in d.jumlah.items():
        label = Kategori(kategori).label
        if kategori in d.tersembunyi:
            out.append(Segmen(x, 0.0, WARNA[kategori], label, n, tersembunyi=True))
            continue
        width = round(LEBAR * n / total, 1) if total else 0.0
        out.append(Segmen(x, width, WARNA[kategori], label, n))
        x = round(x + width, 1)
    pool = sum(d.jumlah[k] for k in d.tersembunyi)
    if not pool:
        return out, None
    return out, Segmen(x, round(LEBAR - x, 1), ABU, DISEMBUNYIKAN, pool, tersembunyi=True)


def _tren_titik(points, kode_index: int, bands) -> tuple[str, list[tuple[float, float, str, Decimal]]]:
    """A polyline over the periodes for one section, y scaled over the section's score range (top = best)."""
    low, high = bands[0].skor_min, bands[-1].skor_max
    coords = []
    step = LEBAR / max(len(points) - 1, 1)
    for i, p in enumerate(points):
        if p.rata_rata.nilai is None:
            continue
        ts = p.rata_rata.nilai[kode_index].ts
        y = round(10 + 95 * float((ts - low) / (high - low)), 1)
        coords.append((round(10 + i * step * 0.96, 1), y, p.periode_kode, ts))
    return " ".join(f"{x},{y}" for x, y, _, _ in coords), coords


def dasbor(periode: Periode) -> dict:
    """Everything the dashboard prints. Queries: the consolidated report (5), the distribution (1), the items
    (1), the periodes (1), the trend's bands and GROUP BY (2)."""
    laporan = laporan_konsolidasi(periode, asn=jumlah_asn(periode))
    partisipasi = [
        Batang(
            b.nama,
            i * 22,
            round(LEBAR * b.n_responden / b.n_asn, 1) if b.n_asn else 0.0,
            f"{b.n_responden} / {b.n_asn}",
        )
        for i, b in enumerate(laporan.baris)
    ]
    context = {"laporan": laporan, "partisipasi": partisipasi, "tinggi_partisipasi": len(partisipasi) * 22 + 4}
    if not laporan.agregat:
        return context
    distribusi = distribusi_kategori(periode, laporan.bands)
    lemah = butir_terlemah(periode)
    points = tren(Periode.objects.exclude(status=Periode.Status.DRAFT).select_related(None))
    context.update(
        distribusi=[(d, *_segmen(d), i * 34) for i, d in enumerate(distribusi)],
        tinggi_distribusi=len(distribusi) * 34 + 4,
        kategori_tersembunyi=any(d.tersembunyi for d in distribusi),
        kategori_label=[(k, Kategori(k).label) for k in WARNA],
        lemah=[
            (b, Batang(f"{b.nomor}", i * 22, round(LEBAR * float(b.rata_rata - 1) / 3, 1), str(b.rata_rata)))
            for i, b in enumerate(lemah)
        ],
        tinggi_lemah=len(lemah) * 22 + 4,
        tren=points,
        tren_garis=[(kode, *_tren_titik(points, i, laporan.bands[kode])) for i, kode in enumerate(BAGIAN)],
    )
    return context
