"""Demo declarations and activities (Pasal 6-7): BKPSDM and a few other PDs have them, the rest read "belum ada"."""

import datetime

from apps.common.demo import DemoContext
from apps.nilai.demo import kode_demo
from apps.nilai.models import Nilai
from apps.organisasi.models import PerangkatDaerah

from .models import DeklarasiNilai, KegiatanInternalisasi

# PD kode -> declaration date; activities (date, kind, form, audience, value codes)
DEKLARASI = {
    "BKPSDM": datetime.date(2023, 1, 16),
    "DINKES": datetime.date(2023, 2, 6),
    "SETDA": datetime.date(2023, 1, 9),
}
KEGIATAN = {
    "BKPSDM": [
        (
            datetime.date(2025, 2, 3),
            "INTERNALISASI",
            "Apel pagi dengan pembacaan nilai {nilai_organisasi}",
            45,
            ["LOKAL:1", "LOKAL:2"],
        ),
        (datetime.date(2025, 6, 12), "SOSIALISASI", "Knowledge sharing BerAKHLAK", 30, ["AKUNTABEL", "KOMPETEN"]),
        (datetime.date(2026, 2, 9), "SOSIALISASI", "Sosialisasi hasil pengukuran 2025", 38, ["BERORIENTASI_PELAYANAN"]),
    ],
    "DINKES": [
        (datetime.date(2025, 4, 14), "SOSIALISASI", "Pelatihan kantor sendiri: pelayanan prima", 60, ["LOKAL:1"])
    ],
}


def seed(ctx: DemoContext) -> None:
    if DeklarasiNilai.objects.exists():
        return
    aktor = ctx.refs["user:kepala"]
    pds = {pd.kode: pd for pd in PerangkatDaerah.objects.filter(kode__in=DEKLARASI.keys() | KEGIATAN.keys())}
    nilai = {n.kode: n for n in Nilai.objects.all()}
    for kode, tanggal in DEKLARASI.items():
        if kode in pds:
            DeklarasiNilai.objects.create(
                perangkat_daerah=pds[kode],
                tanggal=tanggal,
                bentuk=f"Apel deklarasi nilai {ctx.istilah('nilai_organisasi')} dan BerAKHLAK",
                dokumen=f"Pakta integritas budaya kerja {kode}/{tanggal.year}",
                dicatat_oleh=aktor,
            )
    for kode, rows in KEGIATAN.items():
        for tanggal, jenis, bentuk, peserta, kodes in rows:
            if kode not in pds:
                continue
            k = KegiatanInternalisasi.objects.create(
                perangkat_daerah=pds[kode],
                tanggal=tanggal,
                jenis=jenis,
                bentuk=bentuk.format(nilai_organisasi=ctx.istilah("nilai_organisasi")),
                jumlah_peserta=peserta,
                dicatat_oleh=aktor,
            )
            k.nilai.set([nilai[c] for c in kode_demo(kodes) if c in nilai])
