"""The loop from Formulir 1 to the plan (Lampiran BAB III 2.2.4; docs/keputusan.md, «Kerahasiaan Formulir 1»): while writing a plan, the agent sees the weakest
sections and items of their PD in the last closed periode, and of their unit when that is allowed, each with the
value it belongs to, and may take them as the plan's focus.

Every figure comes from the report selectors (apps.hasil.selectors), which apply the confidentiality rule (docs/keamanan.md)
(nothing for a group of fewer than MIN_RESPONDEN respondents, nothing of an open periode). One more rule here:
the unit is shown beside its PD only when the rest of the PD (PD minus unit) is also empty or at least
MIN_RESPONDEN respondents, or a subtraction of the two would isolate one or two persons (complementary
suppression, docs/keamanan.md).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count

from apps.common.angka import angka
from apps.common.instansi import instansi_halaman
from apps.hasil.selectors import baris_unit, butir_terlemah, laporan_perangkat_daerah, pd_unit
from apps.organisasi.models import PerangkatDaerah, UnitKerja
from apps.survei.models import Butir, Periode
from apps.survei.scoring import MIN_RESPONDEN
from apps.survei.selectors import TERTUTUP

JUMLAH_BUTIR = 5


@dataclass(frozen=True)
class TitikLemah:
    kunci: str  # "pd:bagian:III", "unit:butir:17": what a plan stores as its focus
    tingkat: str  # "Perangkat daerah" or "Unit kerja"
    jenis: str  # "Bagian" or "Butir"
    label: str
    nilai: str  # the value (system) it belongs to
    skor: Decimal  # mean answer per item, 1 (best) to 4
    keterangan: str = ""

    def as_fokus(self, periode_kode: str) -> dict:
        return {
            "kunci": self.kunci,
            "tingkat": self.tingkat,
            "label": self.label,
            "nilai": self.nilai,
            "skor": str(self.skor),
            "periode": periode_kode,
        }


def periode_terakhir() -> Periode | None:
    return Periode.objects.filter(status__in=TERTUTUP).order_by("-tanggal_tutup", "-pk").first()


def nilai_bagian(bagian: str) -> str:
    """The value system of a section: the pemda's own values (its pack's name for them) in I and II, BerAKHLAK in
    III (docs/paket.md)."""
    if bagian == "III":
        return "BerAKHLAK"
    return instansi_halaman().istilah_dari("nilai_organisasi") if bagian in ("I", "II") else ""


def _nilai_butir(bagian: str, kelompok: str) -> str:
    if bagian == "III" and kelompok:
        return "BerAKHLAK: " + kelompok.split(" ", 1)[-1]
    return nilai_bagian(bagian)


def _per_butir(ts: Decimal, n_butir: int) -> Decimal:
    return (ts / n_butir).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _bagian(periode: Periode, baris, tingkat: str, prefix: str, jumlah_butir: dict) -> list[TitikLemah]:
    if baris is None or baris.nilai is None:
        return []
    items = []
    for kode, nilai in zip(("I", "II", "III"), baris.nilai, strict=True):
        items.append(
            TitikLemah(
                kunci=f"{prefix}:bagian:{kode}",
                tingkat=tingkat,
                jenis="Bagian",
                label=f"Bagian {kode}: TS {angka(nilai.ts)} ({nilai.ka_label})",
                nilai=nilai_bagian(kode),
                skor=_per_butir(nilai.ts, jumlah_butir.get(kode, 1)),
                keterangan=nilai.ka_label,
            )
        )
    items.sort(key=lambda t: (-t.skor, t.kunci))
    return items


def _butir(periode: Periode, tingkat: str, prefix: str, **group) -> list[TitikLemah]:
    lemah = butir_terlemah(periode, JUMLAH_BUTIR, **group)
    kelompok = dict(
        Butir.objects.filter(bagian__instrumen_id=periode.instrumen_id, nomor__in=[b.nomor for b in lemah]).values_list(
            "nomor", "kelompok"
        )
    )
    return [
        TitikLemah(
            kunci=f"{prefix}:butir:{b.nomor}",
            tingkat=tingkat,
            jenis="Butir",
            label=f"Butir {b.nomor}: {b.teks}",
            nilai=_nilai_butir(b.bagian, kelompok.get(b.nomor, "")),
            skor=b.rata_rata,
        )
        for b in lemah
    ]


def titik_lemah(pd: PerangkatDaerah, unit: UnitKerja | None) -> tuple[Periode | None, list[TitikLemah]]:
    """The weakest sections (worst mean per item first) and the JUMLAH_BUTIR weakest items of the PD and, when
    allowed, of the unit, in the last closed periode."""
    periode = periode_terakhir()
    if periode is None:
        return None, []
    jumlah_butir = dict(
        Butir.objects.filter(bagian__instrumen_id=periode.instrumen_id)
        .values_list("bagian__kode")
        .annotate(n=Count("pk"))
        .order_by()
    )
    laporan = laporan_perangkat_daerah(periode, pd)
    seluruh = laporan.seluruh
    hasil = _bagian(periode, seluruh, "Perangkat daerah", "pd", jumlah_butir)
    hasil += _butir(periode, "Perangkat daerah", "pd", perangkat_daerah=pd)
    # A unit that was in another PD at the first close is not compared with this PD (apps/hasil/beku.py).
    if unit is not None and seluruh is not None and pd_unit(periode, unit) == pd.pk:
        row, _bands = baris_unit(periode, unit)
        sisa = seluruh.n_responden - row.n_responden
        if row.n_responden >= MIN_RESPONDEN and (sisa == 0 or sisa >= MIN_RESPONDEN) and row.nilai is not None:
            hasil += _bagian(periode, row, "Unit kerja", "unit", jumlah_butir)
            hasil += _butir(periode, "Unit kerja", "unit", unit=unit)
    return periode, hasil
