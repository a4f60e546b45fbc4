"""What a reader needs first (docs/keputusan.md, "Ringkasan laporan"): participation, the kabupaten's values, the
PDs that need attention and why, the strongest and weakest, and the change since the previous periode.

Pure functions over printed reports (`Laporan`): a row hidden for confidentiality has no numbers here either,
so nothing in the summary reveals what the table hides.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from apps.hasil.selectors import BAGIAN, Baris, Laporan, Nilai
from apps.survei.models import Periode
from apps.survei.scoring import Kategori
from apps.survei.selectors import TERTUTUP

PERLU_PERHATIAN = (Kategori.KURANG_BAIK, Kategori.BURUK)
SATU_PERSEN = Decimal("0.1")
DUA_DESIMAL = Decimal("0.01")


@dataclass(frozen=True)
class Sorotan:
    """A printed row and what stands out in it."""

    baris: Baris
    indeks: Decimal  # mean answer per item over the three sections (1-4; lower is better)
    lemah: tuple[tuple[str, Nilai], ...]  # (section, value) in KURANG BAIK or BURUK, worst first

    @property
    def nama(self) -> str:
        return self.baris.nama

    @property
    def per_kategori(self) -> list[tuple[Kategori, str]]:
        """[(BURUK, "II"), (KURANG BAIK, "I, III")]: the weak sections grouped by category, worst first."""
        groups: dict[Kategori, list[str]] = {}
        for kode, n in self.lemah:
            groups.setdefault(n.ka, []).append(kode)
        return [(ka, ", ".join(sorted(kodes, key=BAGIAN.index))) for ka, kodes in groups.items()]

    @property
    def alasan(self) -> str:
        return "; ".join(f"Bagian {kode} {n.ka.label} (TS {_fmt(n.ts)})" for kode, n in self.lemah)


@dataclass(frozen=True)
class Ringkasan:
    responden: int
    asn: int | None
    persen: Decimal | None
    kabupaten: tuple[Nilai, ...] | None  # the RATA-RATA row
    perlu_perhatian: tuple[Sorotan, ...]
    terkuat: tuple[Sorotan, ...]
    terlemah: tuple[Sorotan, ...]
    tanpa_angka: int  # rows without numbers (no respondents, fewer than 3, or hidden with them)

    @property
    def kabupaten_per_bagian(self) -> list[tuple[str, Nilai]]:
        return list(zip(BAGIAN, self.kabupaten, strict=True)) if self.kabupaten else []


def _fmt(ts: Decimal) -> str:
    return f"{ts:.2f}".replace(".", ",")


def _indeks(nilai: tuple[Nilai, ...], butir: dict[str, int]) -> Decimal:
    per_butir = [n.ts / butir[kode] for kode, n in zip(BAGIAN, nilai, strict=True)]
    return (sum(per_butir) / len(per_butir)).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


_BERAT = {Kategori.BAIK: 0, Kategori.CUKUP_BAIK: 1, Kategori.KURANG_BAIK: 2, Kategori.BURUK: 3}


def ringkasan(laporan: Laporan, jumlah: int = 3) -> Ringkasan:
    """The headline of one report: participation over every row, the RATA-RATA, the printed rows that need
    attention (any section KURANG BAIK or BURUK; worst first), and the `jumlah` strongest and weakest rows."""
    butir = {kode: laporan.bands[kode][0].skor_min for kode in BAGIAN}  # a section's minimum = its item count
    responden = sum(b.n_responden for b in laporan.baris)
    asn = sum(b.n_asn or 0 for b in laporan.baris) if all(b.n_asn is not None for b in laporan.baris) else None
    persen = (Decimal(responden) * 100 / asn).quantize(SATU_PERSEN, rounding=ROUND_HALF_UP) if asn else None
    sorotan = []
    for b in laporan.baris:
        if not b.nilai:
            continue
        lemah = sorted(
            ((kode, n) for kode, n in zip(BAGIAN, b.nilai, strict=True) if n.ka in PERLU_PERHATIAN),
            key=lambda kn: -_BERAT[kn[1].ka],
        )
        sorotan.append(Sorotan(b, _indeks(b.nilai, butir), tuple(lemah)))
    urut = sorted(sorotan, key=lambda s: (s.indeks, s.nama))
    perlu = sorted(
        (s for s in sorotan if s.lemah),
        key=lambda s: (-sum(_BERAT[n.ka] for _k, n in s.lemah), -s.indeks, s.nama),
    )
    return Ringkasan(
        responden=responden,
        asn=asn,
        persen=persen,
        kabupaten=laporan.rata_rata.nilai if laporan.rata_rata else None,
        perlu_perhatian=tuple(perlu),
        terkuat=tuple(urut[:jumlah]),
        terlemah=tuple(reversed(urut[-jumlah:])) if len(urut) > jumlah else tuple(reversed(urut)),
        tanpa_angka=sum(1 for b in laporan.baris if not b.nilai),
    )


def perubahan(laporan: Laporan, sebelumnya: Laporan | None) -> dict[str, tuple[Decimal | None, ...]]:
    """Per row key, the change of each section's TS since the previous periode: only where both reports print
    numbers for that row (both at least 3 respondents and not hidden). Key "" is the RATA-RATA row."""
    if sebelumnya is None:
        return {}
    lama = {b.kunci: b.nilai for b in sebelumnya.baris if b.nilai}
    if sebelumnya.rata_rata and sebelumnya.rata_rata.nilai:
        lama[""] = sebelumnya.rata_rata.nilai
    baru = {b.kunci: b.nilai for b in laporan.baris if b.nilai}
    if laporan.rata_rata and laporan.rata_rata.nilai:
        baru[""] = laporan.rata_rata.nilai
    return {
        kunci: tuple(n.ts - o.ts for n, o in zip(nilai, lama[kunci], strict=True))
        for kunci, nilai in baru.items()
        if kunci in lama
    }


def periode_sebelumnya(periode: Periode) -> Periode | None:
    """The latest closed periode that closed before this one opened."""
    return (
        Periode.objects.filter(status__in=TERTUTUP, tanggal_tutup__lt=periode.tanggal_buka)
        .order_by("-tanggal_tutup")
        .first()
    )
