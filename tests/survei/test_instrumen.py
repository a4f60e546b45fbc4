"""The instrument fixture holds the 35 items of the regulation; versions with bad bands or in use are refused."""

import csv
from pathlib import Path

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory

from apps.paket import pasang
from apps.survei.admin import BandFormSet
from apps.survei.models import Bagian, BandKategori, Butir, InstrumenVersi, Jawaban, Respon

from .helpers import buat_periode

pytestmark = pytest.mark.django_db
REGULATION = Path(__file__).resolve().parents[2] / "apps" / "survei" / "data" / "formulir1.csv"


def versi() -> InstrumenVersi:
    return InstrumenVersi.objects.get(kode=pasang.instrumen_aktif_kode())


def test_the_loaded_instrument_has_10_5_20_items():
    counts = {b.kode: b.butir.count() for b in versi().bagian.all()}
    assert counts == {"I": 10, "II": 5, "III": 20}
    assert sorted(Butir.objects.filter(bagian__instrumen=versi()).values_list("nomor", flat=True)) == list(range(1, 36))


def test_item_texts_are_the_regulations():
    butir = {b.nomor: b for b in Butir.objects.filter(bagian__instrumen=versi())}
    assert butir[1].teks == (
        "Nilai-nilai organisasi MEDIASI telah dipahami secara jelas oleh setiap anggota organisasi dan dijabarkan "
        "secara fokus dalam kebijakan dan program kerja sehari-hari."
    )
    assert butir[11].teks == "Telah terjadi perubahan pola pikir dan cara kerja dari dilayani menjadi melayani."
    assert butir[32].teks == "Keberanian dan kearifan dalam mengambil keputusan dan menangani konflik"
    assert butir[35].teks == "Ketekunan dan kesabaran"
    assert butir[16].kelompok == "A Berorientasi Pelayanan"
    with REGULATION.open(encoding="utf-8") as f:
        rows = {int(r["nomor"]): r for r in csv.DictReader(f)}
    assert {n: b.teks for n, b in butir.items()} == {n: r["teks"] for n, r in rows.items()}


def test_items_3_to_10_are_marked_reconstructed():
    marked = Butir.objects.filter(bagian__instrumen=versi(), rekonstruksi=True).values_list("nomor", flat=True)
    assert sorted(marked) == [3, 4, 5, 6, 7, 8, 9, 10]


def test_bands_scales_and_provisional_marks():
    rows = {
        (b.bagian.kode, b.kategori): (b.skor_min, b.skor_max, b.sementara)
        for b in BandKategori.objects.filter(bagian__instrumen=versi()).select_related("bagian")
    }
    assert rows[("I", "BAIK")] == (10, 11, True)
    assert rows[("II", "CUKUP_BAIK")] == (7, 9, False)
    assert rows[("III", "BURUK")] == (61, 80, True)
    labels = {b.kode: b.label_skala for b in versi().bagian.all()}
    assert labels["I"] == ["Ya", "Sering", "Kurang", "Tidak"]
    assert labels["III"] == ["Sangat tinggi", "Tinggi", "Cukup", "Kurang"]
    assert versi().kesalahan_band() == []


def test_ensure_is_idempotent():
    pasang.ensure()
    assert InstrumenVersi.objects.filter(kode=pasang.instrumen_aktif_kode()).count() == 1
    assert InstrumenVersi.objects.count() == 1
    assert Butir.objects.filter(bagian__instrumen=versi()).count() == 35


def test_a_version_with_a_band_gap_is_refused_with_the_numbers():
    v = InstrumenVersi.objects.create(kode="UJI-2", nama="Uji")
    bagian = Bagian.objects.create(instrumen=v, kode="II", judul="Uji", urutan=1, label_skala=["a", "b", "c", "d"])
    for n in range(1, 6):
        Butir.objects.create(bagian=bagian, nomor=n, teks=f"butir {n}")
    for kategori, low, high in (("BAIK", 5, 6), ("CUKUP_BAIK", 8, 9), ("KURANG_BAIK", 10, 13), ("BURUK", 14, 20)):
        BandKategori.objects.create(bagian=bagian, kategori=kategori, skor_min=low, skor_max=high, tindak_lanjut="x")
    assert v.kesalahan_band() == ["Bagian II: Celah: skor 7-7 tidak tercakup kategori mana pun."]


def test_admin_band_formset_refuses_an_overlap():
    bagian = versi().bagian.get(kode="II")
    FormSet = inlineformset_factory(
        Bagian, BandKategori, formset=BandFormSet, fields=["kategori", "skor_min", "skor_max", "tindak_lanjut"], extra=4
    )
    data = {"band-TOTAL_FORMS": "4", "band-INITIAL_FORMS": "0"}
    for i, (kategori, low, high) in enumerate(
        (("BAIK", 5, 7), ("CUKUP_BAIK", 7, 9), ("KURANG_BAIK", 10, 13), ("BURUK", 14, 20))
    ):
        data.update(
            {
                f"band-{i}-kategori": kategori,
                f"band-{i}-skor_min": low,
                f"band-{i}-skor_max": high,
                f"band-{i}-tindak_lanjut": "x",
            }
        )
    unsaved = Bagian(
        instrumen=InstrumenVersi.objects.create(kode="UJI-3", nama="Uji"),
        kode="II",
        judul="x",
        urutan=1,
        label_skala=[],
    )
    formset = FormSet(data, instance=unsaved, prefix="band")
    formset.butir_count = bagian.butir.count()
    assert not formset.is_valid()
    assert formset.non_form_errors() == ["Tumpang tindih: skor 7-7 masuk BAIK dan CUKUP BAIK."]


def test_a_version_used_by_a_periode_cannot_change():
    buat_periode()
    v = versi()
    assert v.terkunci is True
    butir = Butir.objects.get(bagian__instrumen=v, nomor=1)
    butir.teks = "diubah"
    with pytest.raises(ValidationError, match="sudah dipakai periode"):
        butir.save()
    with pytest.raises(ValidationError, match="sudah dipakai periode"):
        v.save()
    band = BandKategori.objects.filter(bagian__instrumen=v).first()
    with pytest.raises(ValidationError, match="sudah dipakai periode"):
        band.delete()
    assert Butir.objects.get(pk=butir.pk).teks.startswith("Nilai-nilai organisasi MEDIASI")


def test_a_frozen_version_is_read_only_in_admin(client, world):
    buat_periode()
    client.force_login(world.admin)
    response = client.get(f"/admin/survei/instrumenversi/{versi().pk}/change/")
    assert response.status_code == 200
    assert b'name="nama"' not in response.content
    assert client.post(f"/admin/survei/instrumenversi/{versi().pk}/delete/", {"post": "yes"}).status_code == 403


def test_responses_and_answers_are_not_in_the_admin():
    assert Respon not in admin.site._registry
    assert Jawaban not in admin.site._registry


def test_instrument_page_shows_items_bands_and_notes(client_as, world):
    response = client_as("asn").get(f"/survei/instrumen/{versi().pk}/")
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count("rekonstruksi · sementara") == 8
    assert "20–25" in text and "61–80" in text
    assert "Nilai tepat ,5 jatuh ke kategori yang lebih buruk." in text
    assert "diskalakan 20/16" in text
    # The item notes are in Indonesian, not the source file's English.
    assert "tidak ada dalam teks yang diterbitkan; butir 2 instrumen KepMenPAN 25/KEP/M.PAN/4/2002" in text
    assert "titik dua di akhir teks cetak dihilangkan" in text
    for english in ("missing from the published text", "trailing colon", "printed under heading"):
        assert english not in text


def test_blank_form_prints_every_item(client_as):
    response = client_as("asn").get(f"/survei/instrumen/{versi().pk}/cetak/")
    text = response.content.decode()
    assert text.count('class="cetak-butir') == 35
    assert "Isilah jawaban Saudara" in text


def test_admin_pages_for_versions_sections_and_periodes_render(client, world):
    client.force_login(world.admin)
    bagian = versi().bagian.get(kode="II")
    assert client.get("/admin/survei/instrumenversi/add/").status_code == 200
    page = client.get(f"/admin/survei/bagian/{bagian.pk}/change/")
    assert page.status_code == 200
    assert b'name="band-0-skor_min"' in page.content
    assert client.get("/admin/survei/periode/").status_code == 200
    assert client.get("/admin/survei/respon/").status_code == 404


def test_admin_refuses_a_band_gap_on_save(client, world):
    client.force_login(world.admin)
    bagian = versi().bagian.get(kode="II")
    data = {
        "instrumen": versi().pk,
        "kode": "II",
        "judul": bagian.judul,
        "urutan": 2,
        "label_skala": '["Ya", "Sering", "Kurang", "Tidak"]',
    }
    butir = list(bagian.butir.all())
    data.update(
        {
            "butir-TOTAL_FORMS": len(butir),
            "butir-INITIAL_FORMS": len(butir),
            "butir-MIN_NUM_FORMS": 0,
            "butir-MAX_NUM_FORMS": 1000,
        }
    )
    for i, b in enumerate(butir):
        data.update({f"butir-{i}-id": b.pk, f"butir-{i}-bagian": bagian.pk, f"butir-{i}-nomor": b.nomor, f"butir-{i}-teks": b.teks,
                     f"butir-{i}-kelompok": "", f"butir-{i}-sumber": b.sumber, f"butir-{i}-catatan": b.catatan})  # fmt: skip
    bands = list(bagian.band.all())
    data.update(
        {
            "band-TOTAL_FORMS": len(bands),
            "band-INITIAL_FORMS": len(bands),
            "band-MIN_NUM_FORMS": 0,
            "band-MAX_NUM_FORMS": 1000,
        }
    )
    for i, b in enumerate(bands):
        skor_max = 8 if b.kategori == "CUKUP_BAIK" else b.skor_max
        data.update({f"band-{i}-id": b.pk, f"band-{i}-bagian": bagian.pk, f"band-{i}-kategori": b.kategori, f"band-{i}-skor_min": b.skor_min,
                     f"band-{i}-skor_max": skor_max, f"band-{i}-tindak_lanjut": b.tindak_lanjut})  # fmt: skip
    response = client.post(f"/admin/survei/bagian/{bagian.pk}/change/", data)
    assert response.status_code == 200
    assert "Celah: skor 9-9 tidak tercakup kategori mana pun." in response.content.decode()
    assert BandKategori.objects.get(bagian=bagian, kategori="CUKUP_BAIK").skor_max == 9
