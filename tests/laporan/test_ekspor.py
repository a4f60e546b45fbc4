"""Raw export (docs/keputusan.md, «Antarmuka yang tetap»): perangkat_daerah,unit_kerja,p1..p35, "(digabung)" below 3 respondents, no person."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from apps.laporan import ekspor
from apps.survei import services
from apps.survei.models import Periode
from tests.factories import PegawaiFactory
from tests.survei.helpers import buat_periode, jawaban

pytestmark = pytest.mark.django_db


def _isi(world, periode):
    # Unit A: 3 respondents; unit B: 1 (PD X: 4). PD Y: 2 respondents. The consolidated report hides PD Y (< 3)
    # and so PD X too (the hidden pool would hold 2), so every row reads "(digabung)" twice.
    for p in [world.asn, world.pimpinan, PegawaiFactory(unit_kerja=world.unit_a)]:
        services.respon_kirim(periode, pegawai=p, answers=jawaban(1, 2, 3))
    services.respon_kirim(periode, pegawai=world.asn_b, answers=jawaban(4, 4, 4))
    services.respon_kirim(periode, pegawai=world.asn_y, answers=jawaban(2, 2, 2))
    services.respon_kirim(periode, pegawai=world.outsider, answers=jawaban(2, 2, 2))
    services.respon_simpan_draf(periode, pegawai=world.kbk, answers={1: 1})
    services.periode_ubah_status(periode, ke=Periode.Status.DITUTUP, aktor=world.monev.user)


def test_rows_merge_small_units_and_pds(world):
    periode = buat_periode()
    _isi(world, periode)
    assert ekspor.header(periode) == ["perangkat_daerah", "unit_kerja", *[f"p{n}" for n in range(1, 36)]]
    rows = ekspor.rows(periode)
    assert [r[:2] for r in rows] == [["(digabung)", "(digabung)"]] * 6
    assert [r[2:] for r in rows] == [[1] * 10 + [2] * 5 + [3] * 20] * 3 + [[2] * 35] * 2 + [[4] * 35]


def test_command_writes_utf8_csv_with_the_same_rows(world, tmp_path):
    periode = buat_periode()
    _isi(world, periode)
    path = tmp_path / "jawaban.csv"
    call_command("ekspor_jawaban", periode=periode.kode, output=str(path), stdout=io.StringIO())
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0][:4] == ["perangkat_daerah", "unit_kerja", "p1", "p2"]
    assert len(rows[0]) == 37
    assert rows[1:] == [[str(v) for v in r] for r in ekspor.rows(periode)]
    assert "Asn Unit A" not in path.read_text(encoding="utf-8")


def test_xlsx_for_monev_neutralises_formula_looking_names(client_as, world):
    periode = buat_periode()
    for p in [world.asn, world.pimpinan, PegawaiFactory(unit_kerja=world.unit_a)]:  # PD X and unit A: 3 each
        services.respon_kirim(periode, pegawai=p, answers=jawaban(1, 2, 3))
    services.periode_ubah_status(periode, ke=Periode.Status.DITUTUP, aktor=world.monev.user)
    world.pd_x.nama = "=HYPERLINK(1)"
    world.pd_x.save()
    response = client_as("monev").get(f"/laporan/{periode.kode}/jawaban.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["perangkat_daerah", "unit_kerja", "p1"]
    assert values[1][:3] == ["'=HYPERLINK(1)", "Bidang A", 1]
    assert len(values) == 4


def test_answers_of_an_open_periode_are_not_exported(client_as, world, tmp_path):
    """docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»: two downloads of an open periode, before and after one person submits, would show their answers."""
    periode = buat_periode()
    services.respon_kirim(periode, pegawai=world.asn, answers=jawaban(1, 2, 3))
    response = client_as("monev").get(f"/laporan/{periode.kode}/jawaban.xlsx")
    assert response.status_code == 302
    assert response["Location"] == "/survei/periode/"
    with pytest.raises(CommandError, match="belum ditutup"):
        call_command("ekspor_jawaban", periode=periode.kode, output=str(tmp_path / "x.csv"), stdout=io.StringIO())
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("kode", ["2026/I", "2026:I", "2026 I", "<b>"])
def test_a_periode_code_must_be_usable_in_urls_and_sheet_names(kode):
    from apps.survei.forms import PeriodeForm
    from apps.survei.models import InstrumenVersi

    form = PeriodeForm(
        data={
            "kode": kode,
            "nama": "Periode uji",
            "instrumen": InstrumenVersi.objects.first().pk,
            "tanggal_buka": "2026-12-01",
            "tanggal_tutup": "2026-12-31",
        }
    )
    assert form.is_valid() is False
    assert form.errors["kode"] == [
        "Kode hanya boleh huruf, angka dan tanda minus, diawali huruf atau angka (misalnya 2026-II)."
    ]
