"""Declarations and activities (Pasal 6-7): who records them, what the report counts."""

import datetime

import pytest
from django.urls import reverse

from apps.internalisasi.models import DeklarasiNilai, KegiatanInternalisasi
from apps.internalisasi.selectors import ringkasan_per_pd
from apps.nilai.models import Nilai

pytestmark = pytest.mark.django_db


def _kegiatan(w, tanggal, peserta, pd=None):
    k = KegiatanInternalisasi.objects.create(
        perangkat_daerah=pd or w.pd_x,
        tanggal=tanggal,
        jenis="SOSIALISASI",
        bentuk="Apel pagi",
        jumlah_peserta=peserta,
        dicatat_oleh=w.kepala.user,
    )
    k.nilai.set(Nilai.objects.all()[:2])
    return k


def test_kepala_records_a_declaration_and_an_activity(world, client_as):
    client = client_as("kepala")
    url = reverse("internalisasi:pd", args=["PDX"])
    assert "Belum ada deklarasi tercatat." in client.get(url).content.decode()
    r = client.post(
        reverse("internalisasi:deklarasi_tambah", args=["PDX"]),
        {"tanggal": "2025-01-15", "bentuk": "Apel deklarasi", "dokumen": "800/12/2025"},
    )
    assert r.status_code == 302
    nilai = list(Nilai.objects.values_list("pk", flat=True)[:3])
    r = client.post(
        reverse("internalisasi:kegiatan_tambah", args=["PDX"]),
        {
            "tanggal": "2025-02-03",
            "jenis": "INTERNALISASI",
            "bentuk": "Knowledge sharing",
            "jumlah_peserta": "25",
            "nilai": nilai,
        },
    )
    assert r.status_code == 302
    k = KegiatanInternalisasi.objects.get()
    assert (k.perangkat_daerah, k.jumlah_peserta, k.nilai.count(), k.dicatat_oleh) == (
        world.pd_x,
        25,
        3,
        world.kepala.user,
    )
    html = client.get(url).content.decode()
    assert "15-01-2025" in html and "Knowledge sharing" in html


def test_a_bad_activity_keeps_what_was_typed_and_names_the_field(world, client_as):
    r = client_as("kbk").post(
        reverse("internalisasi:kegiatan_tambah", args=["PDX"]),
        {"tanggal": "2999-01-01", "jenis": "SOSIALISASI", "bentuk": "Pelatihan kantor sendiri", "jumlah_peserta": "0"},
    )
    html = r.content.decode()
    assert r.status_code == 400
    assert "Pelatihan kantor sendiri" in html
    assert "Tanggal tidak boleh di masa depan" in html
    assert KegiatanInternalisasi.objects.count() == 0


def test_the_report_summary_counts_only_the_window(world):
    DeklarasiNilai.objects.create(
        perangkat_daerah=world.pd_x, tanggal=datetime.date(2024, 5, 2), bentuk="Apel", dicatat_oleh=world.kepala.user
    )
    DeklarasiNilai.objects.create(
        perangkat_daerah=world.pd_x, tanggal=datetime.date(2026, 1, 2), bentuk="Ulang", dicatat_oleh=world.kepala.user
    )
    _kegiatan(world, datetime.date(2024, 10, 31), 40)  # before the window (the previous periode's close)
    _kegiatan(world, datetime.date(2024, 11, 1), 10)
    _kegiatan(world, datetime.date(2025, 10, 31), 15)
    _kegiatan(world, datetime.date(2025, 11, 1), 99)  # after this periode closed
    ringkasan = ringkasan_per_pd(datetime.date(2024, 10, 31), datetime.date(2025, 10, 31))
    assert ringkasan[world.pd_x.pk].deklarasi == datetime.date(2024, 5, 2)
    assert (ringkasan[world.pd_x.pk].kegiatan, ringkasan[world.pd_x.pk].peserta) == (2, 25)
    assert world.pd_y.pk not in ringkasan
