"""Demo of the loop after measurement (Lampiran BAB IV.2): Tim Monev finalises 2025, which creates the follow-ups of
every PD and unit in KURANG BAIK or BURUK; due dates are set, and one BKPSDM follow-up has been reported."""

import datetime

from django.utils import timezone

from apps.common.models import SuratKeluar
from apps.survei.models import Periode
from apps.tindaklanjut.models import TindakLanjut
from apps.tindaklanjut.services import tindak_lanjut_jadwalkan, tindak_lanjut_transisi
from apps.tindaklanjut.workflow import Aksi

from .services import laporan_finalkan
from .terbit import laporan_final_pdf, surat_pengantar_catat

# Due in six weeks from the day the demo is loaded, so the demo shows follow-ups in progress, not all late.
HARI_TENGGAT = 42


def seed(ctx) -> None:
    periode = Periode.objects.filter(kode="2025").first()
    if periode is None or periode.status != Periode.Status.DITUTUP:
        return
    monev = ctx.refs["user:monev"]
    # The covering letter's number from the outgoing-letter register; the letter and report issued at FINAL.
    surat_pengantar_catat(periode, nomor="000.5/045/TIM-MONEV/2026", sifat=SuratKeluar.Sifat.BIASA, aktor=monev)
    laporan_finalkan(periode, aktor=monev)
    laporan_final_pdf(periode)
    batas_waktu = timezone.localdate() + datetime.timedelta(days=HARI_TENGGAT)
    for tl in TindakLanjut.objects.filter(periode=periode).order_by("pk"):
        tindak_lanjut_jadwalkan(tl, batas_waktu=batas_waktu, aktor=monev)
    bkpsdm = TindakLanjut.objects.filter(periode=periode, perangkat_daerah=ctx.refs["pd_demo"]).order_by("pk").first()
    if bkpsdm is not None:
        tindak_lanjut_transisi(
            bkpsdm,
            aksi=Aksi.LAPORKAN,
            aktor=ctx.refs["user:kepala"],
            catatan="Sosialisasi hasil pengukuran 2025 dan pelatihan kantor sendiri untuk bidang terkait.",
        )
