"""Numbers the Indonesian way on every numeric form (docs/keputusan.md, «Angka»): "85,5" is stored as 85.5 on the
plan row's target, the progress report's realisation, the activity's participant count (whole) and the round's
year (whole); achievement above 200% asks for confirmation; the Kepala PD reopens a sent report with a reason that
stays in its history."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.agen.models import PutaranRekrutmen
from apps.internalisasi.models import KegiatanInternalisasi
from apps.nilai.models import Nilai
from apps.rencana.models import LaporanKemajuan, RiwayatLaporanKemajuan
from apps.rencana.workflow import Status, StatusLaporan

from .helpers import ke_status, rencana

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _laporan_data(r, realisasi: str, **extra) -> dict:
    b = r.baris.get()
    return {
        "periode": r.mulai.isoformat(),
        f"realisasi_{b.pk}": realisasi,
        f"narasi_{b.pk}": "Berjalan.",
        "yakin": "on",
        **extra,
    }


def test_plan_row_target_85_comma_5_is_stored_as_85_point_5(world, client_as):
    r = rencana(world)
    b = r.baris.get()
    data = {
        "nilai": [n.pk for n in b.nilai.all()],
        "sasaran": b.sasaran,
        "indikator": b.indikator,
        "target_angka": "85,5",
        "target_satuan": "%",
        "kegiatan": b.kegiatan,
        "waktu_mulai": b.waktu_mulai.strftime("%Y-%m"),
        "waktu_selesai": b.waktu_selesai.strftime("%Y-%m"),
    }
    response = client_as("asn").post(reverse("rencana:baris_ubah", args=[r.pk, b.nomor]), data)
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.target_angka == Decimal("85.5")


def test_plan_row_refuses_an_ambiguous_target(world, client_as):
    r = rencana(world)
    b = r.baris.get()
    response = client_as("asn").post(
        reverse("rencana:baris_ubah", args=[r.pk, b.nomor]), {"sasaran": b.sasaran, "target_angka": "1.234,5"}
    )
    assert response.status_code == 200
    assert "Angka 1.234,5 dapat dibaca dua cara" in response.content.decode()
    b.refresh_from_db()
    assert b.target_angka == Decimal("80")


def test_progress_report_realisation_85_comma_5_is_stored_as_85_point_5(world, client_as):
    r = ke_status(world, rencana(world), Status.DISETUJUI)
    response = client_as("asn").post(reverse("rencana:laporan_tambah", args=[r.pk]), _laporan_data(r, "85,5"))
    assert response.status_code == 302
    realisasi = LaporanKemajuan.objects.get(rencana=r).realisasi.get()
    assert (realisasi.realisasi, realisasi.capaian) == (Decimal("85.50"), Decimal("106.9"))


def test_achievement_above_200_percent_asks_for_confirmation(world, client_as):
    r = ke_status(world, rencana(world), Status.DISETUJUI)  # target 80 %
    client = client_as("asn")
    url = reverse("rencana:laporan_tambah", args=[r.pk])
    response = client.post(url, _laporan_data(r, "855"))
    assert response.status_code == 200
    assert "Capaian lebih dari 200% (baris 1: 1.068,8%)" in response.content.decode()
    assert LaporanKemajuan.objects.count() == 0
    response = client.post(url, _laporan_data(r, "855", capaian_tinggi="on"))
    assert response.status_code == 302
    assert LaporanKemajuan.objects.get().realisasi.get().realisasi == Decimal("855")


def test_kepala_reopens_a_sent_report_with_a_reason_and_the_agent_corrects_it(world, client_as):
    r = ke_status(world, rencana(world), Status.DISETUJUI)
    agen = client_as("asn")
    agen.post(reverse("rencana:laporan_tambah", args=[r.pk]), _laporan_data(r, "855", capaian_tinggi="on"))
    laporan = LaporanKemajuan.objects.get()
    url = reverse("rencana:laporan_buka_kembali", args=[laporan.pk])

    assert client_as("kbk").post(url, {"alasan": "Salah ketik"}).status_code == 403
    assert client_as("outsider").post(url, {"alasan": "Salah ketik"}).status_code == 404
    kepala = client_as("kepala")
    kepala.post(url, {"alasan": ""})
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.TERKIRIM
    kepala.post(url, {"alasan": "Realisasi 855 seharusnya 85,5."})
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DIBUKA_KEMBALI

    agen = client_as("asn")
    response = agen.post(reverse("rencana:laporan_tambah", args=[r.pk]), _laporan_data(r, "85,5"))
    assert response.status_code == 302
    laporan.refresh_from_db()
    assert (laporan.status, laporan.realisasi.get().realisasi) == (StatusLaporan.TERKIRIM, Decimal("85.50"))
    riwayat = [
        (h.aksi, h.catatan, h.realisasi_sebelumnya.get("1", {}).get("realisasi"))
        for h in RiwayatLaporanKemajuan.objects.filter(laporan=laporan)
    ]
    assert riwayat == [
        ("KIRIM", "", None),
        ("BUKA_KEMBALI", "Realisasi 855 seharusnya 85,5.", "855.00"),
        ("KIRIM_ULANG", "", None),
    ]
    page = client_as("kepala").get(reverse("rencana:laporan_detail", args=[laporan.pk])).content.decode()
    assert "Realisasi 855 seharusnya 85,5." in page
    assert "106,9 %" in page


def test_activity_participants_and_round_year_are_whole_numbers(world, client_as):
    nilai = [Nilai.objects.values_list("pk", flat=True).first()]
    data = {"tanggal": "2025-02-03", "jenis": "SOSIALISASI", "bentuk": "Apel", "jumlah_peserta": "12,5", "nilai": nilai}
    client = client_as("kepala")
    url = reverse("internalisasi:kegiatan_tambah", args=["PDX"])
    assert client.post(url, data).status_code == 400
    assert client.post(url, {**data, "jumlah_peserta": " 12 "}).status_code == 302
    assert KegiatanInternalisasi.objects.get().jumlah_peserta == 12

    year = datetime.date.today().year + 1
    client.post(
        reverse("agen:putaran_tambah"), {"tahun": str(year), "dibuka": f"{year}-01-05", "ditutup": f"{year}-12-31"}
    )
    assert PutaranRekrutmen.objects.get(tahun=year).tahun == year
