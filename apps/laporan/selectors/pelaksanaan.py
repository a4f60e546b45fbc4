"""The implementation section of the consolidated report (Pasal 6, 7 and 9(3); Lampiran BAB III.1): per PD, the
declaration, the activities of this periode, the agents in office, and the follow-ups of the previous periode's
results. Only what exists is counted; what is missing reads "belum ada" (docs/keputusan.md, "Laporan
pelaksanaan"). No Formulir 1 answer is read here."""

import datetime
from dataclasses import dataclass

from django.db.models import Count

from apps.agen.models import Penetapan
from apps.internalisasi.selectors import RingkasanInternalisasi
from apps.internalisasi.selectors import ringkasan_per_pd as internalisasi_per_pd
from apps.organisasi.models import PerangkatDaerah
from apps.survei.models import Periode
from apps.tindaklanjut.selectors import RingkasanTindakLanjut
from apps.tindaklanjut.selectors import ringkasan_per_pd as tindak_lanjut_per_pd


@dataclass(frozen=True)
class BarisPelaksanaan:
    pd_id: int
    nama: str
    internalisasi: RingkasanInternalisasi | None
    agen: int
    tindak_lanjut: RingkasanTindakLanjut | None

    @property
    def deklarasi(self) -> datetime.date | None:
        return self.internalisasi.deklarasi if self.internalisasi else None

    @property
    def kegiatan(self) -> int:
        return self.internalisasi.kegiatan if self.internalisasi else 0

    @property
    def peserta(self) -> int:
        return self.internalisasi.peserta if self.internalisasi else 0


def pelaksanaan_per_pd(periode: Periode, sebelumnya: Periode | None) -> list[BarisPelaksanaan]:
    """One row per active PD, in code order. The window of "this periode" runs from the previous periode's close
    (exclusive) to this periode's close (inclusive); agents count when their term covers this periode's close.
    Queries: PDs, declarations, activities, agents, follow-ups: 5, whatever the number of PDs."""
    sampai = periode.tanggal_tutup
    internalisasi = internalisasi_per_pd(sebelumnya.tanggal_tutup if sebelumnya else None, sampai)
    agen = dict(
        Penetapan.objects.aktif(sampai)
        .values("surat_keputusan__perangkat_daerah_id")
        .annotate(n=Count("pk"))
        .values_list("surat_keputusan__perangkat_daerah_id", "n")
    )
    tindak_lanjut = tindak_lanjut_per_pd(sebelumnya)
    return [
        BarisPelaksanaan(pk, nama, internalisasi.get(pk), agen.get(pk, 0), tindak_lanjut.get(pk))
        for pk, nama in PerangkatDaerah.objects.filter(aktif=True).order_by("kode").values_list("pk", "nama")
    ]
