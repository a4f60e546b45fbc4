"""Progress reports (2.2.4 1) c): achievement, "terlambat" from the date, evidence files checked by content and
served only through the scope-checking view (docs/keamanan.md)."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apps.rencana import selectors, services
from apps.rencana.models import BuktiDukung, LaporanKemajuan, RencanaTindak, capaian_persen, rata_rata_capaian
from apps.rencana.workflow import Status, StatusPeriode

from .helpers import ke_status, rencana

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _berkas(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "privat").rglob("*") if p.is_file()] if (tmp_path / "privat").exists() else []


def _disetujui(world) -> RencanaTindak:
    return ke_status(world, rencana(world, baris=2), Status.DISETUJUI)


def _kirim(world, r, berkas=None):
    baris = list(r.baris.all())
    return services.laporan_kemajuan_kirim(
        r,
        aktor=world.asn.user,
        periode_mulai=r.mulai,
        isian={baris[0].pk: (Decimal("2"), "Daftar periksa disusun."), baris[1].pk: (Decimal("60"), "Berjalan.")},
        berkas=berkas,
    )


@pytest.mark.parametrize(
    ("realisasi", "target", "expected"),
    [("2", "3", "66.7"), ("1", "8", "12.5"), ("1", "16", "6.3"), ("100", "80", "125.0"), ("0", "5", "0.0")],
)
def test_achievement_is_realisation_over_target_half_up_to_one_decimal(realisasi, target, expected):
    assert capaian_persen(Decimal(realisasi), Decimal(target)) == Decimal(expected)


def test_average_achievement_rounds_half_up():
    assert rata_rata_capaian([Decimal("12.5"), Decimal("12.6")]) == Decimal("12.6")
    assert rata_rata_capaian([None]) is None


def test_report_with_evidence_and_achievement(world, _media):
    r = _disetujui(world)
    lap = _kirim(world, r, {r.baris.first().pk: [("notulen.pdf", PDF)], r.baris.last().pk: [("foto.png", PNG)]})
    assert [x.capaian for x in lap.realisasi.all()] == [Decimal("2.5"), Decimal("75.0")]
    assert lap.capaian_rata_rata == Decimal("38.8")
    files = _berkas(_media)
    assert len(files) == 2
    assert all(len(f.stem) == 32 and f.suffix in (".pdf", ".png") for f in files)
    assert not (_media / "bukti").exists()  # nothing outside the private folder


def test_html_renamed_pdf_is_refused_and_nothing_is_written(world, _media):
    r = _disetujui(world)
    with pytest.raises(ValidationError) as exc:
        _kirim(world, r, {r.baris.first().pk: [("bukti.pdf", b"<html><script>alert(1)</script></html>")]})
    assert exc.value.messages == ["Berkas bukti.pdf bukan PDF, JPEG atau PNG yang sah (jenis diperiksa dari isinya)."]
    assert LaporanKemajuan.objects.count() == 0
    assert _berkas(_media) == []


def test_png_named_pdf_is_refused(world):
    r = _disetujui(world)
    with pytest.raises(ValidationError):
        _kirim(world, r, {r.baris.first().pk: [("bukti.pdf", PNG)]})


def test_oversize_file_is_refused_and_nothing_is_written(world, _media):
    r = _disetujui(world)
    besar = PDF + b"0" * (5 * 1024 * 1024)
    with pytest.raises(ValidationError) as exc:
        _kirim(world, r, {r.baris.first().pk: [("laporan.pdf", PDF)], r.baris.last().pk: [("besar.pdf", besar)]})
    assert exc.value.messages == ["Berkas besar.pdf terlalu besar (5.0 MB); paling besar 5 MB."]
    assert LaporanKemajuan.objects.count() == 0
    assert BuktiDukung.objects.count() == 0
    assert _berkas(_media) == []


def test_oversize_upload_through_the_form_is_refused(world, client, _media):
    from django.core.files.uploadedfile import SimpleUploadedFile

    r = _disetujui(world)
    b1, b2 = r.baris.all()
    client.force_login(world.asn.user)
    response = client.post(
        reverse("rencana:laporan_tambah", args=[r.pk]),
        {
            "periode": r.mulai.isoformat(),
            f"realisasi_{b1.pk}": "1",
            f"narasi_{b1.pk}": "Berjalan",
            f"realisasi_{b2.pk}": "2",
            f"narasi_{b2.pk}": "Berjalan",
            "yakin": "on",
            f"bukti_{b1.pk}": SimpleUploadedFile("besar.pdf", PDF + b"0" * (5 * 1024 * 1024 + 10)),
        },
    )
    assert response.status_code == 200
    assert "Berkas besar.pdf terlalu besar" in response.content.decode()
    assert LaporanKemajuan.objects.count() == 0
    assert _berkas(_media) == []


def test_evidence_is_served_to_readers_and_404_to_outsiders(world, client, _media):
    r = _disetujui(world)
    lap = _kirim(world, r, {r.baris.first().pk: [("notulen.pdf", PDF)]})
    bukti = BuktiDukung.objects.get(realisasi__laporan=lap)
    url = reverse("rencana:bukti_unduh", args=[bukti.kode])
    status = {}
    for persona in ("asn", "pimpinan", "kbk", "kepala", "monev", "outsider", "asn_b"):
        client.logout()
        client.force_login(getattr(world, persona).user)
        response = client.get(url)
        status[persona] = response.status_code
        if response.status_code == 200:
            assert b"".join(response.streaming_content) == PDF
            assert response["Content-Type"] == "application/pdf"
            assert response["Content-Disposition"].startswith("attachment")
    assert status == {
        "asn": 200,
        "pimpinan": 200,
        "kbk": 200,
        "kepala": 200,
        "monev": 200,
        "outsider": 404,
        "asn_b": 404,
    }


def test_a_period_that_ended_without_report_reads_terlambat(world):
    r = _disetujui(world)
    r.frekuensi_laporan = RencanaTindak.Frekuensi.BULANAN
    periods = r.periode_laporan()
    assert len(periods) == 3
    setelah = periods[0][1] + datetime.timedelta(days=1)
    statuses = [p.status for p in selectors.periode_laporan(r, [], pada=setelah)]
    assert statuses == [StatusPeriode.TERLAMBAT, StatusPeriode.BERJALAN, StatusPeriode.AKAN_DATANG]


def test_kepala_acknowledges_with_a_comment(world):
    r = _disetujui(world)
    lap = _kirim(world, r)
    with pytest.raises(PermissionDenied):
        services.laporan_kemajuan_ketahui(lap, aktor=world.kbk.user)
    lap = services.laporan_kemajuan_ketahui(lap, aktor=world.kepala.user, tanggapan="Lanjutkan.")
    assert (lap.status, lap.tanggapan) == ("DIKETAHUI", "Lanjutkan.")


def test_no_report_on_a_plan_not_approved(world):
    r = ke_status(world, rencana(world), Status.DIAJUKAN)
    with pytest.raises(PermissionDenied):
        services.laporan_kemajuan_kirim(r, aktor=world.asn.user, periode_mulai=r.mulai, isian={})
