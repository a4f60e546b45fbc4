"""An instrument version as plain data (docs/paket.md): the shape in which a pemda pack's instrument
(paket/<kode>/instrumen.json) is compared with and written to the database. The instrument's text, scales and bands
live in the pack; `apps.paket` installs it through `tulis_versi` (a version a periode uses is never rewritten:
models.tolak_bila_terkunci)."""

from django.db import transaction

from .models import Bagian, BandKategori, Butir, InstrumenVersi, tolak_bila_terkunci

KOLOM_VERSI = ("nama", "petunjuk", "catatan", "sementara")
KOLOM_BUTIR = ("nomor", "teks", "kelompok", "rekonstruksi", "sumber", "catatan")
KOLOM_BAND = ("kategori", "skor_min", "skor_max", "tindak_lanjut", "sementara")


def isi_versi(versi: InstrumenVersi) -> dict:
    """The version as data: its fields, and each section with its items (by number) and bands (by score)."""
    bagian = []
    for bg in versi.bagian.order_by("urutan").prefetch_related("butir", "band"):
        bagian.append(
            {
                "kode": bg.kode,
                "judul": bg.judul,
                "urutan": bg.urutan,
                "label_skala": list(bg.label_skala),
                "butir": [
                    {k: getattr(b, k) for k in KOLOM_BUTIR} for b in sorted(bg.butir.all(), key=lambda b: b.nomor)
                ],
                "band": [
                    {k: getattr(b, k) for k in KOLOM_BAND} for b in sorted(bg.band.all(), key=lambda b: b.skor_min)
                ],
            }
        )
    return {**{k: getattr(versi, k) for k in KOLOM_VERSI}, "bagian": bagian}


@transaction.atomic
def tulis_versi(kode: str, isi: dict, versi: InstrumenVersi | None = None) -> InstrumenVersi:
    """Create version `kode` from `isi` (the shape of `isi_versi`), or rewrite `versi` (one no periode uses: the
    model refuses otherwise) to hold exactly `isi`."""
    if versi is None:
        versi = InstrumenVersi(kode=kode)
    else:
        tolak_bila_terkunci(versi.pk)
        Bagian.objects.filter(instrumen=versi).delete()
    for k in KOLOM_VERSI:
        setattr(versi, k, isi[k])
    versi.save()
    for bg in isi["bagian"]:
        bagian = Bagian.objects.create(
            instrumen=versi, kode=bg["kode"], judul=bg["judul"], urutan=bg["urutan"], label_skala=bg["label_skala"]
        )
        Butir.objects.bulk_create(Butir(bagian=bagian, **b) for b in bg["butir"])
        BandKategori.objects.bulk_create(BandKategori(bagian=bagian, **b) for b in bg["band"])
    return versi
