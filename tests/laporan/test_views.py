"""The report pages, downloads, notes, finalising and the dashboard as each role sees them (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1» and 9)."""

import html as html_lib
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from apps.laporan.models import CatatanLaporan, SnapshotLaporan
from apps.survei.models import Periode
from tests.hasil.data import buat_periode, isi_jawaban, isi_respon


def rows_of(html: str, part: str = "tbody") -> list[list[str]]:
    """The rows of the report table's body (or foot) as lists of cell texts."""
    body = html.split(f"<{part}>", 1)[1].split(f"</{part}>", 1)[0]
    return [
        [
            html_lib.unescape(re.sub(r"<[^>]+>", "", cell).strip())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def test_sekda_reads_the_consolidated_report(laporan_world, client_as):
    response = client_as("sekda").get(reverse("laporan:konsolidasi", args=["2025"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert rows_of(html) == [
        ["Dinas Uji X", "12,17", "CUKUP BAIK", "6,57", "CUKUP BAIK", "25,40", "BAIK", "Partisipasi 203 / 209"],
        ["Dinas Uji Y", "—", "Partisipasi 0 / 2"],
        ["Sekretariat Daerah", "10,67", "BAIK", "6,00", "BAIK", "25,33", "BAIK", "Partisipasi 3 / 5"],
    ]
    assert rows_of(html, "tfoot") == [
        ["RATA-RATA", "11,42", "BAIK", "6,29", "BAIK", "25,37", "BAIK", "Partisipasi 206 / 216"]
    ]
    assert laporan_world.w.sekda.nip in html
    assert " style=" not in html


def test_kepala_reads_their_pd_by_unit_with_seluruh_pd(laporan_world, client_as):
    response = client_as("kepala").get(reverse("laporan:pd", args=["2025", "PDX"]))
    html = response.content.decode()
    assert rows_of(html) == [
        ["Bidang A", "12,00", "CUKUP BAIK", "6,50", "CUKUP BAIK", "25,00", "BAIK", "Partisipasi 200 / 203"],
        ["Sekretariat X", "< 3 responden", "Partisipasi 2 / 5"],
        ["Subbagian C", "< 3 responden", "Partisipasi 1 / 1"],
    ]
    assert rows_of(html, "tfoot") == [
        ["RATA-RATA", "12,00", "CUKUP BAIK", "6,50", "CUKUP BAIK", "25,00", "BAIK", "Partisipasi 203 / 209"],
        ["Seluruh PD", "12,17", "CUKUP BAIK", "6,57", "CUKUP BAIK", "25,40", "BAIK", "Partisipasi 203 / 209"],
    ]
    assert laporan_world.w.kepala.nip in html


def test_open_periode_shows_participation_only_and_no_download(world, client_as):
    periode = buat_periode("2026", Periode.Status.DIBUKA)
    isi_respon(periode, world.unit_a, [(12, 6, 25)] * 4)
    client = client_as("sekda")
    html = client.get(reverse("laporan:konsolidasi", args=["2026"])).content.decode()
    assert "Periode ini belum ditutup" in html
    assert rows_of(html)[0] == ["Dinas Uji X", "4 responden", "Partisipasi 4 / 10"]
    assert "<tfoot>\n  \n  \n  </tfoot>" in html  # no RATA-RATA row
    assert client.get(reverse("laporan:konsolidasi_unduh", args=["2026", "pdf"])).status_code == 404
    unit_html = client_as("pimpinan").get(reverse("laporan:unit", args=["2026", world.unit_a.pk])).content.decode()
    assert "Partisipasi: 4 / 7 ASN" in unit_html
    assert "12,00" not in unit_html


def test_unit_head_sees_their_row_or_the_fewer_than_three_notice(laporan_world, client_as):
    w = laporan_world.w
    html = client_as("pimpinan").get(reverse("laporan:unit", args=["2025", w.unit_a.pk])).content.decode()
    assert rows_of(html) == [["I", "12,00", "CUKUP BAIK"], ["II", "6,50", "CUKUP BAIK"], ["III", "25,00", "BAIK"]]
    html_b = client_as("kepala").get(reverse("laporan:unit", args=["2025", w.unit_b.pk])).content.decode()
    assert 'data-testid="kurang-3"' in html_b
    assert "<tbody>" not in html_b


def test_xlsx_has_numbers_as_numbers_and_markers_as_text(laporan_world, client_as):
    w = laporan_world.w
    w.pd_y.nama = '=HYPERLINK("http://x")'
    w.pd_y.save()
    response = client_as("sekda").get(reverse("laporan:konsolidasi_unduh", args=["2025", "xlsx"]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Laporan Evaluasi"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == [
        "Satuan/Unit Kerja",
        "TS I",
        "Ka I",
        "TS II",
        "Ka II",
        "TS III",
        "Ka III",
        "Keterangan",
        "Partisipasi: responden",
        "Partisipasi: ASN aktif",
    ]
    assert rows[1] == [
        "Dinas Uji X",
        12.17,
        "CUKUP BAIK",
        6.57,
        "CUKUP BAIK",
        25.4,
        "BAIK",
        "Partisipasi 203 / 209",
        203,
        209,
    ]
    assert rows[2] == ['\'=HYPERLINK("http://x")', "—", None, None, None, None, None, "Partisipasi 0 / 2", 0, 2]
    assert rows[4] == ["RATA-RATA", 11.42, "BAIK", 6.29, "BAIK", 25.37, "BAIK", "Partisipasi 206 / 216", 206, 216]
    info = dict(book["Keterangan laporan"].iter_rows(min_row=2, values_only=True))
    assert info["NIP"] == w.sekda.nip
    assert info["Instansi"] == "Pemerintah Kabupaten Kupang"


def test_command_writes_each_format(laporan_world, tmp_path):
    for fmt in ("pdf", "xlsx", "html"):
        out = tmp_path / f"laporan.{fmt}"
        call_command("laporan_evaluasi", periode="2025", format=fmt, output=str(out), stdout=io.StringIO())
        assert out.stat().st_size > 1000
    assert out.read_text().count("RATA-RATA") >= 2
    pd_out = tmp_path / "pdx.xlsx"
    call_command(
        "laporan_evaluasi",
        "--periode",
        "2025",
        "--perangkat-daerah",
        "PDX",
        "--format",
        "xlsx",
        "--output",
        str(pd_out),
        stdout=io.StringIO(),
    )
    rows = list(load_workbook(pd_out)["Laporan Evaluasi"].iter_rows(values_only=True))
    assert [r[0] for r in rows] == [
        "Satuan/Unit Kerja",
        "Bidang A",
        "Sekretariat X",
        "Subbagian C",
        "RATA-RATA",
        "Seluruh PD",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--periode", "1999"], "Periode '1999' tidak ada (atau masih draf)."),
        (["--periode", "2025", "--perangkat-daerah", "NOPE"], "Perangkat daerah 'NOPE' tidak ada."),
    ],
)
def test_command_refuses_unknown_periode_or_pd(laporan_world, tmp_path, args, message):
    with pytest.raises(CommandError) as error:
        call_command("laporan_evaluasi", *args, "--format", "pdf", "--output", str(tmp_path / "x.pdf"))
    assert str(error.value) == message


def test_command_exits_non_zero(laporan_world, tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "laporan_evaluasi",
            "--periode",
            "tidak-ada",
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "x.pdf"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0


def test_monev_writes_a_note_that_shows_in_keterangan(laporan_world, client_as):
    w = laporan_world.w
    client = client_as("monev")
    url = reverse("laporan:catatan_pd", args=["2025", "PDY"])
    response = client.post(url, {"teks": "Belum ada sosialisasi"})
    assert response.status_code == 302
    html = client.get(reverse("laporan:konsolidasi", args=["2025"])).content.decode()
    assert rows_of(html)[1] == ["Dinas Uji Y", "—", "Partisipasi 0 / 2. Belum ada sosialisasi catatan Dinas Uji Y"]
    client.post(reverse("laporan:catatan_unit", args=["2025", w.unit_b.pk]), {"teks": "Unit baru"})
    pd_html = client_as("kbk").get(reverse("laporan:pd", args=["2025", "PDX"])).content.decode()
    assert rows_of(pd_html)[1] == ["Sekretariat X", "< 3 responden", "Partisipasi 2 / 5. Unit baru"]
    assert CatatanLaporan.objects.count() == 2


def test_finalise_needs_confirmation_then_freezes_snapshots(laporan_world, client_as):
    w = laporan_world.w
    client = client_as("monev")
    url = reverse("laporan:finalisasi", args=["2025"])
    assert "Finalisasi" in client.get(url).content.decode()
    response = client.post(url, {})
    assert response.status_code == 200
    assert Periode.objects.get(kode="2025").status == Periode.Status.DITUTUP
    response = client.post(url, {"yakin": "on", "nomor_surat": "000.5/1/2026", "sifat": "BIASA"})
    assert response.status_code == 302
    assert Periode.objects.get(kode="2025").status == Periode.Status.FINAL
    # The consolidated report and one per active PD (X, Y, Setda).
    assert SnapshotLaporan.objects.filter(versi=1).count() == 4
    konsolidasi = SnapshotLaporan.objects.get(perangkat_daerah=None)
    assert (konsolidasi.penanda_tangan_nip, konsolidasi.data["rata_rata"]["nilai"][1]["ts"]) == (w.sekda.nip, "6.29")

    # A later change of the registry does not touch the final report: it is read from the snapshot.
    isi_respon(Periode.objects.get(kode="2025"), w.unit_y, [(40, 20, 80)] * 3)
    w.sekda.nip = "196501011990031099"
    w.sekda.save()
    html = client_as("sekda").get(reverse("laporan:konsolidasi", args=["2025"])).content.decode()
    assert rows_of(html)[1] == ["Dinas Uji Y", "—", "Partisipasi 0 / 2"]
    assert "versi 1" in html
    assert konsolidasi.penanda_tangan_nip in html


def test_a_note_on_a_final_periode_makes_a_new_version(laporan_world, client_as):
    client = client_as("monev")
    client.post(
        reverse("laporan:finalisasi", args=["2025"]), {"yakin": "on", "nomor_surat": "000.5/1/2026", "sifat": "BIASA"}
    )
    client.post(reverse("laporan:catatan_pd", args=["2025", "PDX"]), {"teks": "Dikoreksi"})
    assert list(SnapshotLaporan.objects.filter(perangkat_daerah=None).values_list("versi", "alasan")) == [
        (2, "Catatan diubah"),
        (1, "Finalisasi"),
    ]
    html = client.get(reverse("laporan:konsolidasi", args=["2025"])).content.decode()
    assert "versi 2" in html
    assert rows_of(html)[0][-1] == "Partisipasi 203 / 209. Dikoreksi catatan Dinas Uji X"


def test_finalise_refuses_an_open_periode(world, client_as):
    buat_periode("2026", Periode.Status.DIBUKA)
    client = client_as("monev")
    response = client.post(
        reverse("laporan:finalisasi", args=["2026"]), {"yakin": "on", "nomor_surat": "000.5/1/2026", "sifat": "BIASA"}
    )
    assert response.status_code == 200
    assert Periode.objects.get(kode="2026").status == Periode.Status.DIBUKA
    assert SnapshotLaporan.objects.count() == 0


def test_dashboard_prints_every_chart_with_its_numbers(laporan_world, client_as):
    respon = laporan_world.periode.respon.filter(unit_kerja__kode__in=["X.B", "X.C"])  # 3: items need 3
    for r in respon:
        isi_jawaban(r, dict.fromkeys(range(1, 36), 2) | {7: 4})
    response = client_as("sekda").get(reverse("laporan:dasbor", args=["2025"]))
    html = response.content.decode()
    assert response.status_code == 200
    # Three bar charts (categories, weakest items, participation) and a trend line per section, each with its table.
    assert html.count('data-testid="grafik-') == 3 and html.count('class="grafik-tren"') == 3
    assert "<text" not in html  # every label is HTML beside the shape
    assert " style=" not in html
    # BURUK (2) is hidden, and with it the next smallest category (CUKUP BAIK, 100).
    assert (
        '<tr><th scope="row">II</th><td class="text-end">104</td><td class="text-end">disembunyikan</td>'
        '<td class="text-end">0</td><td class="text-end">disembunyikan</td>' in html
    )
    assert "agar jawaban kelompok kecil tidak dapat dihitung" in html
    assert '<td>7</td><td>I</td><td>Butir uji 7</td><td class="text-end">4,00</td>' in html
    assert '<td>Dinas Uji X</td><td class="text-end">203 / 209</td>' in html
    assert rows_of(html.split('id="judul-tren"')[1])[-1] == [
        "Periode 2025",
        "11,42",
        "BAIK",
        "6,29",
        "BAIK",
        "25,37",
        "BAIK",
    ]


def test_dashboard_of_an_open_periode_shows_participation_only(world, client_as):
    buat_periode("2026", Periode.Status.DIBUKA)
    html = client_as("monev").get(reverse("laporan:dasbor", args=["2026"])).content.decode()
    assert "Periode ini belum ditutup" in html
    assert 'data-testid="grafik-partisipasi"' in html
    assert 'data-testid="grafik-sebaran"' not in html and 'data-testid="grafik-lemah"' not in html


def test_a_pdf_past_its_time_limit_is_a_503_not_a_hung_worker(laporan_world, client_as, settings):
    settings.PDF_RENDER_TIMEOUT = 0.001
    response = client_as("sekda").get(reverse("laporan:konsolidasi_unduh", args=["2025", "pdf"]))
    assert response.status_code == 503


def test_participation_denominator_is_frozen_once_the_periode_is_closed(laporan_world, client_as):
    from tests.factories import PegawaiFactory

    client = client_as("sekda")
    url = reverse("laporan:konsolidasi", args=["2025"])
    assert rows_of(client.get(url).content.decode())[1][-1] == "Partisipasi 0 / 2"
    PegawaiFactory(unit_kerja=laporan_world.w.unit_y)  # joins PD Y after the periode closed
    assert rows_of(client.get(url).content.decode())[1][-1] == "Partisipasi 0 / 2"
    open_periode = buat_periode("2026", Periode.Status.DIBUKA)
    html = client.get(reverse("laporan:konsolidasi", args=[open_periode.kode])).content.decode()
    assert rows_of(html)[1][-1] == "Partisipasi 0 / 3"
