"""One path to FINAL (apps.survei.services.periode_finalkan): the periode list's «Finalkan», the report page and
the admin's action all end with the same snapshots, and the admin may use the report page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apps.laporan.models import SnapshotLaporan
from apps.survei import services
from apps.survei.models import Periode, RiwayatPeriode
from tests.hasil.conftest import LaporanWorld
from tests.hasil.data import buat_periode

S = Periode.Status
# The consolidated report and one per active PD of the personas' world (X, Y, Setda).
SNAPSHOTS = 4


def _final(kode: str = "2025") -> tuple[str, int]:
    return Periode.objects.get(kode=kode).status, SnapshotLaporan.objects.filter(versi=1).count()


def test_finalkan_on_the_periode_list_takes_the_snapshots(laporan_world: LaporanWorld, client_as):
    client = client_as("monev")
    page = client.get(reverse("survei:periode_list")).content.decode()
    assert reverse("survei:periode_status", args=["2025", "FINAL"]) in page
    response = client.post(reverse("survei:periode_status", args=["2025", "FINAL"]), {"catatan": ""})
    assert response.status_code == 302
    assert _final() == (S.FINAL, SNAPSHOTS)
    html = client_as("sekda").get(reverse("laporan:konsolidasi", args=["2025"])).content.decode()
    assert "versi 1" in html


def test_the_admin_finalises_on_the_report_page(laporan_world: LaporanWorld, client_as):
    client = client_as("admin")
    assert client.get(reverse("laporan:finalisasi", args=["2025"])).status_code == 200
    response = client.post(
        reverse("laporan:finalisasi", args=["2025"]), {"yakin": "on", "nomor_surat": "000.5/1/2026", "sifat": "BIASA"}
    )
    assert response.status_code == 302
    assert _final() == (S.FINAL, SNAPSHOTS)


def test_the_admin_action_finalises_through_the_same_path(laporan_world: LaporanWorld, client_as):
    client = client_as("admin")
    periode = laporan_world.periode
    response = client.post(
        reverse("admin:survei_periode_changelist"),
        {"action": "finalkan", "_selected_action": [periode.pk]},
    )
    assert response.status_code == 302
    assert _final() == (S.FINAL, SNAPSHOTS)
    assert list(RiwayatPeriode.objects.values_list("dari", "ke", "oleh")) == [
        (S.DITUTUP, S.FINAL, laporan_world.w.admin.pk)
    ]


def test_finalkan_refuses_an_open_periode_and_other_roles(laporan_world: LaporanWorld):
    w = laporan_world.w
    with pytest.raises(PermissionDenied):
        services.periode_finalkan(laporan_world.periode, aktor=w.kepala.user)
    terbuka = buat_periode("2026", S.DIBUKA)
    with pytest.raises(ValidationError):
        services.periode_finalkan(terbuka, aktor=w.monev.user)
    assert _final("2026") == (S.DIBUKA, 0)


def test_periode_ubah_status_never_reaches_final(laporan_world: LaporanWorld):
    with pytest.raises(ValidationError):
        services.periode_ubah_status(laporan_world.periode, ke=S.FINAL, aktor=laporan_world.w.monev.user)
    assert _final() == (S.DITUTUP, 0)
