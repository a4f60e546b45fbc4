"""The instrument of a periode, read once per process and version.

A version used by a periode is frozen (models.tolak_bila_terkunci) and periodes cannot be deleted, so its sections, items and bands never change while a
periode can show it. The key holds the version's pk and creation time, so a recreated version is a new key.
Only call these for a version a periode uses; the instrument pages show versions still being edited and read
the database.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .models import Bagian, Butir, InstrumenVersi


@dataclass(frozen=True)
class VersiBeku:
    """Sections (with `butir` and `band` prefetched), items in order, and items by number, of one version."""

    bagian: tuple[Bagian, ...]
    butir: tuple[Butir, ...]
    per_nomor: dict[int, Butir]
    isi: tuple[tuple[Bagian, tuple[Butir, ...]], ...]  # each section with its items


@lru_cache(maxsize=16)
def instrumen_beku(pk: int, dibuat_pada) -> InstrumenVersi:
    """The version row itself, read once per process and version: call only with the version of a periode
    (frozen). `dibuat_pada` (its creation time, as the database returns it) is part of the key only, as in `_muat`."""
    return InstrumenVersi.objects.get(pk=pk)


def versi_beku(versi: InstrumenVersi) -> VersiBeku:
    return _muat(versi.pk, versi.dibuat_pada)


@lru_cache(maxsize=16)
def _muat(pk: int, dibuat_pada) -> VersiBeku:
    butir_qs = Butir.objects.select_related("bagian").order_by("nomor")
    bagian = tuple(
        Bagian.objects.filter(instrumen_id=pk)
        .prefetch_related(Prefetch("butir", queryset=butir_qs), "band")
        .order_by("urutan")
    )
    isi = tuple((bg, tuple(bg.butir.all())) for bg in bagian)
    butir = tuple(b for _, items in isi for b in items)
    return VersiBeku(bagian=bagian, butir=butir, per_nomor={b.nomor: b for b in butir}, isi=isi)


def butir_html(butir: Butir, terpilih: int | None = None, galat: str = "", kelompok_baru: bool = False) -> SafeString:
    """One item's fieldset with its four radios (templates/survei/_butir.html), after the heading of its group
    (`kelompok`, the BerAKHLAK value) when it is the group's first item."""
    pilihan = list(enumerate(butir.bagian.label_skala, start=1))
    context = {"butir": butir, "pilihan": pilihan, "terpilih": terpilih, "galat": galat, "kelompok_baru": kelompok_baru}
    return SafeString(render_to_string("survei/_butir.html", context))


def kelompok_baru(versi: VersiBeku) -> set[int]:
    """Numbers of the items that open a new group within their section."""
    baru = set()
    for _, items in versi.isi:
        sebelumnya = ""
        for b in items:
            if b.kelompok and b.kelompok != sebelumnya:
                baru.add(b.nomor)
            sebelumnya = b.kelompok
    return baru


def fieldset_versi(versi: InstrumenVersi) -> dict[int, tuple[SafeString, ...]]:
    """Item number -> its fieldset unanswered and with answer 1, 2, 3 or 4 checked, rendered once per version:
    rendering 35 fieldsets of 4 radios for every request was most of the form page's CPU (bench/kirim.py)."""
    return _fieldset(versi.pk, versi.dibuat_pada)


@lru_cache(maxsize=16)
def _fieldset(pk: int, dibuat_pada) -> dict[int, tuple[SafeString, ...]]:
    versi = _muat(pk, dibuat_pada)
    baru = kelompok_baru(versi)
    return {
        b.nomor: tuple(butir_html(b, terpilih, kelompok_baru=b.nomor in baru) for terpilih in (None, 1, 2, 3, 4))
        for b in versi.butir
    }


# Stands for a section's items while its frame is rendered (the frame is then split there).
_ISI = "\x00isi\x00"


@dataclass(frozen=True)
class BingkaiFormulir:
    """The parts of the form page that depend only on the version (and the language): each section's HTML before
    and after its items (templates/survei/_bagian_formulir.html), and the end of the form with "Kirim" and the
    review (_formulir_akhir.html). Rendered once: their dozens of tags per request cost more than the rest of the
    page (bench/kirim.py)."""

    bagian: dict[int, tuple[SafeString, SafeString]]
    akhir: SafeString


def bingkai_versi(versi: InstrumenVersi) -> BingkaiFormulir:
    return _bingkai(versi.pk, versi.dibuat_pada, get_language())


@lru_cache(maxsize=16)
def _bingkai(pk: int, dibuat_pada, bahasa: str) -> BingkaiFormulir:
    versi = _muat(pk, dibuat_pada)
    bagian = {}
    for bg in versi.bagian:
        awal, akhir = render_to_string("survei/_bagian_formulir.html", {"bagian": bg, "isi": _ISI}).split(_ISI)
        bagian[bg.pk] = (SafeString(awal), SafeString(akhir))
    akhir = SafeString(render_to_string("survei/_formulir_akhir.html", {"daftar_bagian": versi.bagian}))
    return BingkaiFormulir(bagian=bagian, akhir=akhir)


def teks_formulir() -> SafeString:
    """The texts of static/js/formulir.js as attributes of the form tag (templates/survei/_formulir_teks.html),
    rendered once per language."""
    return _teks(get_language())


@lru_cache(maxsize=4)
def _teks(bahasa: str) -> SafeString:
    return SafeString(render_to_string("survei/_formulir_teks.html").strip())
