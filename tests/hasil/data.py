"""Hand-built Formulir 1 data for the report tests: a minimal instrument (the Perbup bands), periodes, responses.

Responses are written directly with their section totals, as the survey app keeps them at submission.
"""

import datetime
import itertools

from django.utils import timezone

from apps.organisasi.models import Golongan, Pegawai, UnitKerja
from apps.survei.models import Bagian, BandKategori, Butir, InstrumenVersi, Jawaban, Periode, Respon
from apps.survei.scoring import PERBUP_BANDS
from tests.factories import valid_nip

_nip = itertools.count(1000)
ITEMS = {"I": range(1, 11), "II": range(11, 16), "III": range(16, 36)}


def buat_instrumen(kode: str = "perbup-52-2022-uji") -> InstrumenVersi:
    instrumen, created = InstrumenVersi.objects.get_or_create(kode=kode, defaults={"nama": "Formulir 1 (uji)"})
    if not created:
        return instrumen
    for urutan, (bagian_kode, bands) in enumerate(PERBUP_BANDS.items(), start=1):
        bagian = Bagian.objects.create(
            instrumen=instrumen,
            kode=bagian_kode,
            judul=f"Bagian {bagian_kode}",
            urutan=urutan,
            label_skala=["1", "2", "3", "4"],
        )
        for band in bands:
            BandKategori.objects.create(
                bagian=bagian,
                kategori=band.kategori.value,
                skor_min=band.skor_min,
                skor_max=band.skor_max,
                tindak_lanjut=band.tindak_lanjut,
            )
        for nomor in ITEMS[bagian_kode]:
            Butir.objects.create(bagian=bagian, nomor=nomor, teks=f"Butir uji {nomor}")
    return instrumen


def buat_periode(
    kode: str = "2025", status: str = Periode.Status.DITUTUP, nama: str | None = None, tahun: int | None = None
) -> Periode:
    tahun = tahun or (int(kode) if kode.isdigit() else 2025)
    return Periode.objects.create(
        kode=kode,
        nama=nama or f"Periode {kode}",
        instrumen=buat_instrumen(),
        tanggal_buka=datetime.date(tahun, 10, 1),
        tanggal_tutup=datetime.date(tahun, 10, 31),
        status=status,
    )


def isi_respon(
    periode: Periode,
    unit: UnitKerja,
    totals: list[tuple[int, int, int]],
    aktif: bool = True,
    status: str = Respon.Status.TERKIRIM,
) -> list[Respon]:
    """One new ASN of `unit` per entry of `totals` (section I, II, III), each with a submitted response."""
    golongan = Golongan.objects.get(jenis_asn="PNS", kode="III/a")
    pegawai = Pegawai.objects.bulk_create(
        [
            Pegawai(
                nip=valid_nip("PNS", next(_nip), tahun=2010),
                nama=f"Responden {i}",
                jenis_asn="PNS",
                golongan=golongan,
                unit_kerja=unit,
                aktif=aktif,
            )
            for i, _ in enumerate(totals)
        ]
    )
    now = timezone.now()
    terkirim = status == Respon.Status.TERKIRIM
    return Respon.objects.bulk_create(
        [
            Respon(
                periode=periode,
                pegawai=p,
                status=status,
                unit_kerja=unit if terkirim else None,
                perangkat_daerah=unit.perangkat_daerah if terkirim else None,
                total_1=t[0] if terkirim else None,
                total_2=t[1] if terkirim else None,
                total_3=t[2] if terkirim else None,
                dikirim_pada=now if terkirim else None,
            )
            for p, t in zip(pegawai, totals, strict=True)
        ]
    )


def isi_jawaban(respon: Respon, nilai_per_butir: dict[int, int]) -> None:
    butir = {b.nomor: b for b in Butir.objects.filter(bagian__instrumen=respon.periode.instrumen)}
    Jawaban.objects.bulk_create(
        [Jawaban(respon=respon, butir=butir[nomor], nilai=nilai) for nomor, nilai in nilai_per_butir.items()]
    )
