"""Pemda packs (docs/paket.md): a broken pack is refused naming the field, the dry run writes nothing, an install is
atomic and kept in history, an instrument version in use gets a new version, pack kupang is exactly the data of the
migrations, and pack kota-lestari scores with its own bands."""

import io
import json
import shutil
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from apps.common.models import Instansi
from apps.nilai import katalog
from apps.nilai.models import Nilai
from apps.paket import pasang
from apps.paket.models import RiwayatPaket
from apps.paket.muat import PAKET_DIR, PaketTidakSahError, baca, daftar_paket
from apps.survei import instrumen as instrumen_data
from apps.survei.models import Bagian, BandKategori, Butir, InstrumenVersi, Periode
from apps.survei.scoring import PERBUP_BANDS, Kategori, band_for_mean, mean, section_result
from apps.survei.services import respon_kirim
from tests.factories import PegawaiFactory
from tests.survei.helpers import buat_periode

KUPANG = "PERBUP-52-2022"
KOTA = "PERWALI-17-2024"


def _jalankan(*args) -> str:
    out = io.StringIO()
    call_command("pasang_paket", *args, stdout=out)
    return out.getvalue()


def _salin(tmp_path, kode: str, ubah) -> str:
    """A copy of pack `kode` in tmp_path/<kode>, with `ubah(files)` applied to its parsed JSON files."""
    folder = tmp_path / kode
    shutil.copytree(PAKET_DIR / kode, folder)
    files = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    ubah(files)
    for nama, isi in files.items():
        (folder / nama).write_text(json.dumps(isi, ensure_ascii=False), encoding="utf-8")
    return str(folder)


def _keadaan() -> tuple:
    """Everything a pack writes, as plain data."""
    instansi = Instansi.objects.order_by("pk").values().first()
    versi = [(v.kode, instrumen_data.isi_versi(v)) for v in InstrumenVersi.objects.order_by("kode")]
    return instansi, versi, katalog.isi_katalog(), RiwayatPaket.objects.count()


# ---- both packs are valid -------------------------------------------------------------------------------------


def test_the_repository_holds_both_packs_and_they_are_valid():
    assert {"kupang", "kota-lestari"} <= set(daftar_paket())
    kota = baca("kota-lestari")
    assert sum(len(b["butir"]) for b in kota.data["instrumen"]["bagian"]) == 30
    assert kota.data["peraturan"]["kutipan"] == "Peraturan Wali Kota Lestari Nomor 17 Tahun 2024"
    assert baca("kupang").bands() == PERBUP_BANDS


# ---- validation: a broken pack is refused, naming the file and the field --------------------------------------


def _band_celah(f):
    f["instrumen.json"]["bagian"][1]["band"][1]["skor_max"] = 8  # CUKUP BAIK 7-8, KURANG BAIK from 10


@pytest.mark.parametrize(
    "ubah,pesan",
    [
        (lambda f: f["paket.json"]["instansi"].pop("tempat"), "paket.json: instansi: kolom wajib tidak ada: tempat"),
        (
            lambda f: f["instrumen.json"]["bagian"][2]["band"][0].update(skor_min="20"),
            "instrumen.json: bagian[2].band[0].skor_min: harus bilangan bulat",
        ),
        (lambda f: f["paket.json"]["peraturan"].update(tahun=22), "paket.json: peraturan.tahun: paling kecil 1945"),
        (
            lambda f: f["nilai.json"]["berakhlak"].pop(),
            "nilai.json: berakhlak: paling sedikit 7 isian",
        ),
        (
            lambda f: f["paket.json"]["instansi"].update(nama=" "),
            "paket.json: instansi.nama: bentuknya tidak sah",
        ),
        (
            lambda f: f["paket.json"]["istilah"].update(sekda=""),
            "paket.json: istilah.sekda: tidak boleh kosong",
        ),
        (
            lambda f: f["instrumen.json"]["bagian"][0]["band"][0].update(kategori="SANGAT_BAIK"),
            "instrumen.json: bagian[0].band[0].kategori: harus salah satu dari BAIK, CUKUP_BAIK, KURANG_BAIK, BURUK",
        ),
        (
            lambda f: f["paket.json"].update(warna="biru"),
            "paket.json: (dokumen): kolom tidak dikenal: warna",
        ),
        (
            _band_celah,
            "instrumen.json: bagian[1].band: bagian II (5 butir): Celah: skor 9-9 tidak tercakup kategori mana pun.",
        ),
        (
            lambda f: f["instrumen.json"]["bagian"][0]["butir"][3].update(nomor=30),
            "instrumen.json: bagian[].butir[].nomor: nomor butir harus 1 sampai 35 berurutan tanpa celah atau ganda",
        ),
        (
            lambda f: f["paket.json"]["peraturan"].update(kutipan="Peraturan Bupati Nomor 5"),
            "paket.json: peraturan.kutipan: harus menyebut nomor dan tahun peraturan",
        ),
        (
            lambda f: f["paket.json"]["instansi"].update(logo="logo.png"),
            "paket.json: instansi.logo: berkas logo.png tidak ada di folder paket",
        ),
    ],
)
def test_a_broken_pack_is_refused_naming_the_field(tmp_path, ubah, pesan):
    folder = _salin(tmp_path, "kupang", ubah)
    with pytest.raises(PaketTidakSahError) as err:
        baca(folder)
    assert any(k.startswith(pesan) for k in err.value.kesalahan), err.value.kesalahan


def test_bad_json_a_missing_file_and_an_unknown_pack_are_named(tmp_path):
    folder = tmp_path / "kupang"
    shutil.copytree(PAKET_DIR / "kupang", folder)
    (folder / "nilai.json").write_text('{"lokal": [}', encoding="utf-8")
    (folder / "instrumen.json").unlink()
    with pytest.raises(PaketTidakSahError) as err:
        baca(str(folder))
    assert err.value.kesalahan == [f"instrumen.json: berkas wajib tidak ada di {folder}"]
    shutil.copy(PAKET_DIR / "kupang" / "instrumen.json", folder / "instrumen.json")
    with pytest.raises(PaketTidakSahError) as err:
        baca(str(folder))
    assert err.value.kesalahan == ["nilai.json: bukan JSON yang sah (baris 1, kolom 12): Expecting value"]
    with pytest.raises(PaketTidakSahError, match="Paket «kota-hilang» tidak ditemukan"):
        baca("kota-hilang")


def test_a_logo_that_is_not_an_image_is_refused_and_a_png_is_taken(tmp_path):
    folder = _salin(tmp_path, "kota-lestari", lambda f: f["paket.json"]["instansi"].update(logo="logo.png"))
    (tmp_path / "kota-lestari" / "logo.png").write_bytes(b"<svg></svg>")
    with pytest.raises(PaketTidakSahError, match="instansi.logo: logo.png bukan PNG atau JPEG"):
        baca(folder)
    (tmp_path / "kota-lestari" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    assert baca(folder).logo_jenis == "image/png"


@pytest.mark.django_db
def test_the_command_refuses_a_broken_pack_with_every_reason_and_writes_nothing(tmp_path):
    def rusak(f):
        f["paket.json"]["instansi"].pop("tempat")
        f["instrumen.json"]["bagian"][0]["band"][0]["skor_min"] = "10"

    folder = _salin(tmp_path, "kupang", rusak)
    sebelum = _keadaan()
    with pytest.raises(CommandError) as err:
        _jalankan(folder, "--terapkan")
    assert str(err.value) == (
        "Paket tidak dapat dipasang:\n"
        "- paket.json: instansi: kolom wajib tidak ada: tempat\n"
        "- instrumen.json: bagian[0].band[0].skor_min: harus bilangan bulat"
    )
    assert _keadaan() == sebelum


# ---- pack kupang is today's data ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_kupang_on_the_migrated_database_changes_nothing_but_the_kop_row():
    out = _jalankan("kupang")
    assert f"Instrumen {KUPANG}: tidak berubah" in out
    assert not [baris for baris in out.splitlines() if baris.startswith("Nilai ")]
    assert "Uji kering: tidak ada yang ditulis." in out


@pytest.mark.django_db
def test_installing_kupang_on_a_fresh_database_gives_exactly_the_migrations_data():
    """Field by field: the instrument (sections, items, scales, bands, follow-up texts), the values catalogue, and
    the kop a database shows before any pack (migration 0004 of apps/common)."""
    versi = InstrumenVersi.objects.get(kode=KUPANG)
    instrumen_migrasi, katalog_migrasi = instrumen_data.isi_versi(versi), katalog.isi_katalog()
    assert len(katalog_migrasi) == 12
    assert sum(len(b["butir"]) for b in instrumen_migrasi["bagian"]) == 35
    Nilai.objects.all().delete()
    InstrumenVersi.objects.all().delete()
    Instansi.objects.all().delete()

    _jalankan("kupang", "--terapkan")

    baru = InstrumenVersi.objects.get(kode=KUPANG)
    assert baru.pk != versi.pk
    isi = instrumen_data.isi_versi(baru)
    for k in instrumen_data.KOLOM_VERSI:
        assert isi[k] == instrumen_migrasi[k], k
    for bg, bg_migrasi in zip(isi["bagian"], instrumen_migrasi["bagian"], strict=True):
        for k in ("kode", "judul", "urutan", "label_skala", "band"):
            assert bg[k] == bg_migrasi[k], (bg["kode"], k)
        for b, b_migrasi in zip(bg["butir"], bg_migrasi["butir"], strict=True):
            assert b == b_migrasi, b["nomor"]
    assert isi == instrumen_migrasi
    assert katalog.isi_katalog() == katalog_migrasi
    instansi, tanpa_baris = Instansi.objects.get(), Instansi.tanpa_baris()
    for field in ("nama", "alamat", "wilayah", "kepala_daerah", "tempat", "peraturan", "peraturan_judul"):
        assert getattr(instansi, field) == getattr(tanpa_baris, field), field
    for field in ("nama_aplikasi", "sekda"):
        assert getattr(instansi, field) == getattr(tanpa_baris, field), field
    for kunci, nilai in tanpa_baris.istilah.items():
        assert instansi.istilah_dari(kunci) == nilai, kunci
    for kunci, nilai in tanpa_baris.teks.items():
        assert instansi.teks_dari(kunci) == nilai, kunci
    assert (instansi.paket_kode, instansi.paket_versi) == ("kupang", "1.0.0")
    assert Bagian.objects.get(instrumen=baru, kode="III").bands() == PERBUP_BANDS["III"]


# ---- dry run, atomic install, history -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_dry_run_prints_the_changes_and_writes_nothing():
    sebelum = _keadaan()
    out = _jalankan("kota-lestari")
    assert _keadaan() == sebelum
    assert "Paket kota-lestari versi 1.0.0" in out
    assert "Instansi.nama: " in out and "'Pemerintah Kota Lestari'" in out
    assert "Instansi.kepala_daerah: 'Bupati Kupang' → 'Wali Kota Lestari'" in out
    assert (
        "Instansi.istilah: kunci berubah: daerah, kepala_daerah, kepala_daerah_singkat, nilai_organisasi, "
        "peraturan_singkat, sekda" in out
    )
    assert "Nilai dihapus: AKUNTABEL_MEDIASI, DISIPLIN, INOVATIF, MELAYANI, PROFESIONALISME" in out
    assert "Nilai baru: PROFESIONAL, RAMAH, INOVATIF_PRIMA, MELAYANI_PRIMA, AMANAH" in out
    assert f"Instrumen {KOTA}: dibuat" in out


@pytest.mark.django_db
def test_an_install_is_atomic(monkeypatch):
    sebelum = _keadaan()

    def gagal(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(instrumen_data, "tulis_versi", gagal)
    with pytest.raises(RuntimeError):
        _jalankan("kota-lestari", "--terapkan")
    assert _keadaan() == sebelum


@pytest.mark.django_db
def test_an_install_is_kept_in_history_and_a_second_install_changes_nothing():
    _jalankan("kota-lestari", "--terapkan", "--oleh", "admin BKPSDM")
    riwayat = RiwayatPaket.objects.get()
    assert (riwayat.kode, riwayat.versi, riwayat.instrumen_kode, riwayat.oleh) == (
        "kota-lestari",
        "1.0.0",
        KOTA,
        "admin BKPSDM",
    )
    assert riwayat.checksum == baca("kota-lestari").checksum and len(riwayat.checksum) == 64
    assert f"Instrumen {KOTA}: dibuat" in riwayat.ringkasan
    assert riwayat.dipasang_pada is not None
    instansi = Instansi.objects.get()
    assert (instansi.nama, instansi.kepala_daerah, instansi.tempat, instansi.paket_kode) == (
        "Pemerintah Kota Lestari",
        "Wali Kota Lestari",
        "Lestari",
        "kota-lestari",
    )
    assert instansi.istilah_dari("nilai_organisasi") == "PRIMA"
    assert list(Nilai.objects.filter(sistem="MEDIASI").values_list("kode", flat=True)) == [
        "PROFESIONAL",
        "RAMAH",
        "INOVATIF_PRIMA",
        "MELAYANI_PRIMA",
        "AMANAH",
    ]
    assert pasang.instrumen_aktif_kode() == KOTA
    assert InstrumenVersi.objects.filter(kode=KUPANG).exists()  # an older version stays
    out = _jalankan("kota-lestari")
    assert "Tidak ada perubahan." in out


@pytest.mark.django_db
def test_a_value_in_use_is_never_removed(world):
    from apps.internalisasi.models import KegiatanInternalisasi

    kegiatan = KegiatanInternalisasi.objects.create(
        perangkat_daerah=world.pd_x,
        tanggal="2026-01-05",
        jenis="SOSIALISASI",
        bentuk="Apel",
        jumlah_peserta=10,
        dicatat_oleh=world.user("kepala"),
    )
    kegiatan.nilai.set(Nilai.objects.filter(kode="MELAYANI"))
    sebelum = _keadaan()
    with pytest.raises(CommandError, match="nilai «MELAYANI» tidak ada di paket tetapi dipakai 1 catatan"):
        _jalankan("kota-lestari", "--terapkan")
    assert _keadaan() == sebelum


# ---- an instrument version in use is never changed ------------------------------------------------------------


def _teks_baru(f):
    f["paket.json"]["versi"] = "1.1.0"
    f["instrumen.json"]["bagian"][1]["butir"][0]["teks"] = "Pegawai menyelesaikan pekerjaan tepat waktu."


@pytest.mark.django_db
def test_a_version_in_use_gets_a_new_version_and_an_unused_one_is_updated(tmp_path):
    _jalankan("kota-lestari", "--terapkan")
    folder = _salin(tmp_path, "kota-lestari", _teks_baru)

    # Not used by any periode: updated in place.
    out = _jalankan(folder, "--terapkan")
    assert f"Instrumen {KOTA}: diperbarui (belum dipakai periode mana pun)" in out
    assert "bagian II: butir 11" in out
    assert InstrumenVersi.objects.filter(kode__startswith=KOTA).count() == 1
    assert Butir.objects.get(bagian__instrumen__kode=KOTA, nomor=11).teks.endswith("tepat waktu.")

    # Used by a periode: frozen; the next change makes -V2, which becomes current.
    periode = buat_periode("KOTA")
    isi_lama = instrumen_data.isi_versi(periode.instrumen)
    out = _jalankan("kota-lestari", "--terapkan")
    assert f"Instrumen {KOTA}-V2: versi baru dibuat (versi lama dipakai periode dan tidak diubah)" in out
    assert instrumen_data.isi_versi(InstrumenVersi.objects.get(kode=KOTA)) == isi_lama
    v2 = InstrumenVersi.objects.get(kode=f"{KOTA}-V2")
    assert str(v2) == "Formulir 1 Perwali Lestari 17/2024 (PERWALI-17-2024-V2)"
    assert Butir.objects.get(bagian__instrumen=v2, nomor=11).teks.startswith("Pegawai menyelesaikan pekerjaan sesuai")
    assert pasang.instrumen_aktif_kode() == f"{KOTA}-V2"
    assert Periode.objects.get(pk=periode.pk).instrumen.kode == KOTA
    # The pack as it is now equals -V2: nothing to do; back to the edited text finds the frozen original.
    assert f"Instrumen {KOTA}-V2: tidak berubah" in _jalankan("kota-lestari")
    assert f"Instrumen {KOTA}: tidak berubah" in _jalankan(folder)


# ---- pack kota-lestari scores with its own bands ---------------------------------------------------------------


@pytest.mark.django_db
def test_kota_lestari_scores_with_its_own_bands_and_follow_up_texts():
    """Hand-computed. Bands (Lampiran II of the fictitious Perwali): I 10-17/18-25/26-33/34-40,
    II 6-10/11-15/16-20/21-24, III 14-24/25-35/36-46/47-56."""
    _jalankan("kota-lestari", "--terapkan")
    versi = InstrumenVersi.objects.get(kode=KOTA)
    bands = {bg.kode: bg.bands() for bg in versi.bagian.prefetch_related("band")}
    assert {k: len(v) for k, v in bands.items()} == {"I": 4, "II": 4, "III": 4}
    assert versi.kesalahan_band() == []
    counts = {bg.kode: bg.butir.count() for bg in versi.bagian.all()}
    assert counts == {"I": 10, "II": 6, "III": 14}

    # I: 1+2+2+3+1+2+4+1+2+2 = 20 -> CUKUP BAIK (18-25); in Kupang's bands 20 is KURANG BAIK (18-27).
    total, band = section_result([1, 2, 2, 3, 1, 2, 4, 1, 2, 2], bands["I"])
    assert (total, band.kategori) == (20, Kategori.CUKUP_BAIK)
    assert band.tindak_lanjut == "Tingkatkan melalui sosialisasi dan pendampingan berkala"
    # II: 1+1+2+1+1+2 = 8 -> BAIK (6-10).
    assert section_result([1, 1, 2, 1, 1, 2], bands["II"])[1].kategori == Kategori.BAIK
    # III: 14 x 3 = 42 -> KURANG BAIK (36-46); 14 x 4 = 56 -> BURUK; 14 x 1 = 14 -> BAIK.
    assert section_result([3] * 14, bands["III"])[1].kategori == Kategori.KURANG_BAIK
    total, band = section_result([4] * 14, bands["III"])
    assert (total, band.kategori) == (56, Kategori.BURUK)
    assert band.tindak_lanjut == "Perlu pembinaan intensif, pengawasan langsung pimpinan, dan penegakan disiplin"
    assert section_result([1] * 14, bands["III"])[1].kategori == Kategori.BAIK
    # A row's TS: (35 + 36) / 2 = 35.50 -> 36 -> KURANG BAIK; (35 + 35 + 36) / 3 = 35.33 -> 35 -> CUKUP BAIK.
    assert mean(71, 2) == Decimal("35.50")
    assert band_for_mean(mean(71, 2), bands["III"]).kategori == Kategori.KURANG_BAIK
    assert mean(106, 3) == Decimal("35.33")
    assert band_for_mean(mean(106, 3), bands["III"]).kategori == Kategori.CUKUP_BAIK


@pytest.mark.django_db
def test_a_kota_lestari_response_is_stored_with_its_30_items():
    _jalankan("kota-lestari", "--terapkan")
    periode = buat_periode("KOTA")
    assert periode.instrumen.kode == KOTA
    answers = {n: 1 for n in range(1, 11)} | {n: 2 for n in range(11, 17)} | {n: 4 for n in range(17, 31)}
    respon = respon_kirim(periode, pegawai=PegawaiFactory(), answers=answers)
    assert (respon.total_1, respon.total_2, respon.total_3) == (10, 12, 56)
    assert (
        BandKategori.objects.get(bagian__instrumen=periode.instrumen, bagian__kode="II", kategori="CUKUP_BAIK").skor_min
        == 11
    )
