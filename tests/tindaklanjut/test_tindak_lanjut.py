"""Tindak lanjut (Lampiran BAB IV.2): created at FINAL from the printed rows, its lifecycle, "terlambat"."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apps.survei.models import Periode
from apps.survei.services import periode_finalkan
from apps.tindaklanjut import services
from apps.tindaklanjut.models import TindakLanjut
from apps.tindaklanjut.selectors import ringkasan_per_pd, tindak_lanjut_for_user
from apps.tindaklanjut.workflow import Aksi, Status
from tests.hasil.data import buat_periode, isi_respon

pytestmark = pytest.mark.django_db


@pytest.fixture
def final(world):
    """Unit A of PD X: 4 responses (20, 10, 65): I and II KURANG BAIK, III BURUK. Unit B: none.
    Setda: 3 responses (10, 5, 20): BAIK everywhere. Unit Y: 2 responses (hidden: fewer than 3), and with it the
    next smallest PD, Setda (docs/keputusan.md, "Kerahasiaan Formulir 1")."""
    periode = buat_periode("2025", Periode.Status.DITUTUP)
    isi_respon(periode, world.unit_a, [(20, 10, 65)] * 4)
    isi_respon(periode, world.sekda.unit_kerja, [(10, 5, 20)] * 3)
    isi_respon(periode, world.unit_y, [(40, 20, 80)] * 2)
    periode_finalkan(periode, aktor=world.monev.user)
    periode.refresh_from_db()
    return periode


def _tl(world, periode, bagian="I", unit=None):
    return TindakLanjut.objects.get(periode=periode, perangkat_daerah=world.pd_x, unit_kerja=unit, bagian=bagian)


def test_finalise_creates_one_follow_up_per_printed_row_and_weak_section(world, final):
    rows = sorted(
        (t.perangkat_daerah.kode, t.unit_kerja.kode if t.unit_kerja else "", t.bagian, str(t.ts), t.kategori)
        for t in TindakLanjut.objects.all()
    )
    assert rows == [
        ("PDX", "", "I", "20.00", "KURANG_BAIK"),
        ("PDX", "", "II", "10.00", "KURANG_BAIK"),
        ("PDX", "", "III", "65.00", "BURUK"),
        ("PDX", "X.A", "I", "20.00", "KURANG_BAIK"),
        ("PDX", "X.A", "II", "10.00", "KURANG_BAIK"),
        ("PDX", "X.A", "III", "65.00", "BURUK"),
    ]
    buruk = _tl(world, final, "III")
    assert buruk.tindakan == 'Perlu sosialisasi, pelatihan, dan penanganan intensif atau dengan "law enforcement"'
    assert _tl(world, final, "I").tindakan == "Perlu sosialisasi, pelatihan, dan penerapan secara konsisten"
    assert buruk.penanggung_jawab == world.kepala.user
    assert buruk.status == Status.TERBUKA and buruk.batas_waktu is None


def test_hidden_group_gets_no_follow_up(world, final):
    """PD Y's only unit has 2 respondents: hidden in every report, so no follow-up reveals its category."""
    assert not TindakLanjut.objects.filter(perangkat_daerah=world.pd_y).exists()


def test_follow_ups_are_created_once(world, final):
    from apps.laporan.services import laporan_untuk

    assert services.tindak_lanjut_buat(final, laporan=[laporan_untuk(final), laporan_untuk(final, world.pd_x)]) == []
    assert TindakLanjut.objects.count() == 6


def test_lifecycle_report_return_report_accept(world, final):
    tl = _tl(world, final, "III")
    kepala, monev = world.kepala.user, world.monev.user
    services.tindak_lanjut_jadwalkan(tl, batas_waktu=datetime.date(2026, 3, 31), aktor=monev)
    with pytest.raises(ValidationError):
        services.tindak_lanjut_transisi(tl, aksi=Aksi.LAPORKAN, aktor=kepala, catatan="  ")
    services.tindak_lanjut_transisi(tl, aksi=Aksi.LAPORKAN, aktor=kepala, catatan="Sosialisasi 2 kali")
    tl.refresh_from_db()
    assert (tl.status, tl.uraian) == (Status.DILAPORKAN, "Sosialisasi 2 kali")
    with pytest.raises(services.SudahBerubahError):
        services.tindak_lanjut_transisi(tl, aksi=Aksi.LAPORKAN, aktor=kepala, catatan="lagi")
    services.tindak_lanjut_transisi(tl, aksi=Aksi.KEMBALIKAN, aktor=monev, catatan="Lampirkan daftar hadir")
    services.tindak_lanjut_transisi(tl, aksi=Aksi.LAPORKAN, aktor=kepala, catatan="Sosialisasi dan pelatihan")
    services.tindak_lanjut_transisi(tl, aksi=Aksi.TERIMA, aktor=monev)
    tl.refresh_from_db()
    assert tl.status == Status.SELESAI
    assert [(r.aksi, r.dari_status, r.ke_status) for r in tl.riwayat.all()] == [
        ("jadwalkan", "TERBUKA", "TERBUKA"),
        ("laporkan", "TERBUKA", "DILAPORKAN"),
        ("kembalikan", "DILAPORKAN", "TERBUKA"),
        ("laporkan", "TERBUKA", "DILAPORKAN"),
        ("terima", "DILAPORKAN", "SELESAI"),
    ]


@pytest.mark.parametrize("persona", ["kbk", "outsider", "sekda", "admin", "asn", "pimpinan", "monev"])
def test_only_the_pds_kepala_reports(world, final, persona):
    tl = _tl(world, final, "I")
    with pytest.raises(PermissionDenied):
        services.tindak_lanjut_transisi(tl, aksi=Aksi.LAPORKAN, aktor=world.user(persona), catatan="x")


@pytest.mark.parametrize("persona", ["kepala", "kbk", "sekda", "admin"])
def test_only_tim_monev_sets_due_dates_and_accepts(world, final, persona):
    tl = _tl(world, final, "I")
    with pytest.raises(PermissionDenied):
        services.tindak_lanjut_jadwalkan(tl, batas_waktu=datetime.date(2026, 3, 31), aktor=world.user(persona))
    services.tindak_lanjut_transisi(tl, aksi=Aksi.LAPORKAN, aktor=world.kepala.user, catatan="Sudah")
    with pytest.raises(PermissionDenied):
        services.tindak_lanjut_transisi(tl, aksi=Aksi.TERIMA, aktor=world.user(persona))


def test_due_date_not_before_the_periode_closed(world, final):
    with pytest.raises(ValidationError):
        services.tindak_lanjut_jadwalkan(
            _tl(world, final), batas_waktu=datetime.date(2025, 10, 30), aktor=world.monev.user
        )


def test_terlambat_is_computed_from_the_date(world, final):
    tl = _tl(world, final, "II")
    services.tindak_lanjut_jadwalkan(tl, batas_waktu=datetime.date(2026, 1, 31), aktor=world.monev.user)
    tl.refresh_from_db()
    assert tl.terlambat(datetime.date(2026, 1, 31)) is False  # the due date itself is still on time
    assert tl.terlambat(datetime.date(2026, 2, 1)) is True
    services.tindak_lanjut_transisi(tl, aksi=Aksi.LAPORKAN, aktor=world.kepala.user, catatan="Pelatihan")
    tl.refresh_from_db()
    assert tl.terlambat(datetime.date(2026, 2, 1)) is False  # reported: no longer waiting on the Kepala PD


def test_late_ones_first_and_the_summary_per_pd(world, final):
    late = _tl(world, final, "II", unit=world.unit_a)
    TindakLanjut.objects.filter(pk=late.pk).update(batas_waktu=datetime.date(2025, 11, 1))  # long past
    done = _tl(world, final, "I")
    services.tindak_lanjut_transisi(done, aksi=Aksi.LAPORKAN, aktor=world.kepala.user, catatan="Sudah")
    services.tindak_lanjut_transisi(done, aksi=Aksi.TERIMA, aktor=world.monev.user)
    assert tindak_lanjut_for_user(world.monev.user).first() == late
    ringkasan = ringkasan_per_pd(final)[world.pd_x.pk]
    assert (ringkasan.jumlah, ringkasan.selesai, ringkasan.terlambat) == (6, 1, 1)
    assert ringkasan.teks == "1 dari 6 selesai, 1 terlambat"


def test_scoped_list(world, final, client_as):
    assert tindak_lanjut_for_user(world.outsider.user).count() == 0
    assert tindak_lanjut_for_user(world.kbk.user).count() == 6
    html = client_as("kepala").get(reverse("tindaklanjut:daftar")).content.decode()
    assert "BURUK" in html and "Bidang A" in html
    assert client_as("outsider").get(reverse("tindaklanjut:daftar")).status_code == 200
    assert "Bidang A" not in client_as("outsider").get(reverse("tindaklanjut:daftar")).content.decode()


def test_kepala_reports_through_the_page(world, final, client_as):
    tl = _tl(world, final, "III")
    client = client_as("kepala")
    page = client.get(reverse("tindaklanjut:detail", args=[tl.pk])).content.decode()
    assert "Laporkan tindak lanjut" in page and "law enforcement" in page
    response = client.post(reverse("tindaklanjut:transisi", args=[tl.pk, "laporkan"]), {"catatan": ""})
    # The record again with the refused form bound: its error beside the field and in the summary at the top.
    assert response.status_code == 400
    [bound] = [form for aksi, _label, form in response.context["forms"] if aksi == "laporkan"]
    assert bound.errors == {"catatan": ["Bidang ini tidak boleh kosong."]}
    assert 'data-testid="ringkasan-galat"' in response.content.decode()
    assert TindakLanjut.objects.get(pk=tl.pk).status == Status.TERBUKA
    client.post(reverse("tindaklanjut:transisi", args=[tl.pk, "laporkan"]), {"catatan": "Apel pagi tiap Senin"})
    assert TindakLanjut.objects.get(pk=tl.pk).status == Status.DILAPORKAN


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_report_with_evidence_is_served_only_in_scope(world, final, client_as):
    from django.core.files.uploadedfile import SimpleUploadedFile

    tl = _tl(world, final, "III")
    url = reverse("tindaklanjut:transisi", args=[tl.pk, "laporkan"])
    palsu = SimpleUploadedFile("daftar-hadir.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    client = client_as("kepala")
    client.post(url, {"catatan": "Apel", "bukti": palsu})
    tl.refresh_from_db()
    assert (tl.status, tl.bukti.name) == (Status.TERBUKA, "")  # refused: nothing written
    client.post(url, {"catatan": "Apel", "bukti": SimpleUploadedFile("daftar-hadir.pdf", PDF, "application/pdf")})
    tl.refresh_from_db()
    assert tl.status == Status.DILAPORKAN and tl.bukti_nama == "daftar-hadir.pdf"
    assert "daftar-hadir" not in tl.bukti.name  # stored under a random name
    response = client.get(reverse("tindaklanjut:bukti", args=[tl.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert client_as("outsider").get(reverse("tindaklanjut:bukti", args=[tl.pk])).status_code == 404
    assert client_as("asn").get(reverse("tindaklanjut:bukti", args=[tl.pk])).status_code == 403
