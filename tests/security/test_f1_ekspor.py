"""F1: the raw export (CSV `ekspor_jawaban` and Tim Monev's XLSX) kept the PD's name on the rows of its small
units: with one small unit in a PD, "<PD>,(digabung)" was that unit's people, named by the participation list."""

import csv
import io
from collections import Counter

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from apps.survei import services
from apps.survei.scoring import MIN_RESPONDEN
from tests.factories import PegawaiFactory
from tests.survei.helpers import buat_periode, jawaban

pytestmark = pytest.mark.django_db


def _periode_dengan_satu_unit_kecil(world, client_as):
    """PD X: unit A with 3 respondents, unit B with exactly one (asn_b). PD Y: 3 respondents. Closed by Tim Monev."""
    periode = buat_periode()
    for p in [world.asn, world.pimpinan, PegawaiFactory(unit_kerja=world.unit_a)]:
        services.respon_kirim(periode, pegawai=p, answers=jawaban(1, 2, 3))
    services.respon_kirim(periode, pegawai=world.asn_b, answers=jawaban(4, 4, 4))
    for p in [world.asn_y, world.outsider, PegawaiFactory(unit_kerja=world.unit_y)]:
        services.respon_kirim(periode, pegawai=p, answers=jawaban(2, 2, 2))
    client_as("monev").post(f"/survei/periode/{periode.kode}/status/DITUTUP/", {"catatan": ""})
    return periode


def test_f1_every_label_of_the_export_covers_at_least_three_responses(world, client_as, tmp_path):
    periode = _periode_dengan_satu_unit_kecil(world, client_as)
    # The attacker: Tim Monev downloads both exports and counts the rows per label.
    path = tmp_path / "jawaban.csv"
    call_command("ekspor_jawaban", periode=periode.kode, output=str(path), stdout=io.StringIO())
    csv_rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[1:]
    response = client_as("monev").get(f"/laporan/{periode.kode}/jawaban.xlsx")
    xlsx_rows = [[c.value for c in r] for r in load_workbook(io.BytesIO(response.content)).active.iter_rows()][1:]
    for rows in (csv_rows, xlsx_rows):
        per_label = Counter((r[0], r[1]) for r in rows)
        assert min(per_label.values()) >= MIN_RESPONDEN, per_label
        # asn_b's answers (all 4) share their label with unit A's three responses.
        label_b = next((r[0], r[1]) for r in rows if str(r[2]) == "4")
        assert per_label[label_b] == 4


def test_f1_rows_are_ordered_by_labels_and_answers(world, client_as, tmp_path):
    periode = _periode_dengan_satu_unit_kecil(world, client_as)
    path = tmp_path / "jawaban.csv"
    call_command("ekspor_jawaban", periode=periode.kode, output=str(path), stdout=io.StringIO())
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[1:]
    assert rows == sorted(rows)
