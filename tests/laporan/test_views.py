"""The report pages, downloads and dashboard as each role sees them (SPEC 2 and 9)."""

from django.urls import reverse


def test_sekda_reads_the_consolidated_report(laporan_world, client_as):
    response = client_as("sekda").get(reverse("laporan:konsolidasi", args=["2025"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Laporan Evaluasi" in html
    assert '<td class="angka">6.57</td>' in html
    assert "RATA-RATA" in html
    assert laporan_world.w.sekda.nip in html
