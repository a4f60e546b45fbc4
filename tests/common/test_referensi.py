"""Reference data is put back by `ensure_reference_data()` after a flush or a partial loss (apps.common.reference):
golongan, the KBK roles, the assessment rubric and the Formulir 1 instrument, each exactly as the migrations load
it."""

import pytest

from apps.agen.models import RubrikItem
from apps.agen.reference import RUBRIK
from apps.common.reference import ensure_reference_data
from apps.kbk.models import PeranKBK
from apps.kbk.reference import PERAN_KBK
from apps.organisasi.golongan import PNS_GOLONGAN, PPPK_GOLONGAN
from apps.organisasi.models import Golongan
from apps.paket.pasang import instrumen_aktif_kode
from apps.survei.models import BandKategori, Butir, InstrumenVersi

pytestmark = pytest.mark.django_db


def test_lost_golongan_rows_are_put_back_with_their_rank_names():
    Golongan.objects.filter(jenis_asn="PNS", kode="IV/e").delete()
    Golongan.objects.filter(jenis_asn="PPPK", kode="XVII").delete()
    Golongan.objects.filter(jenis_asn="PNS", kode="I/a").update(pangkat="salah")
    ensure_reference_data()
    assert Golongan.objects.count() == len(PNS_GOLONGAN) + len(PPPK_GOLONGAN) == 34
    assert Golongan.objects.get(jenis_asn="PNS", kode="IV/e").pangkat == "Pembina Utama"
    assert Golongan.objects.get(jenis_asn="PNS", kode="I/a").pangkat == "Juru Muda"
    assert Golongan.objects.get(jenis_asn="PPPK", kode="XVII").urutan == 17


def test_the_rubric_and_the_kbk_roles_come_back_in_order():
    RubrikItem.objects.all().delete()
    PeranKBK.objects.filter(kode="SPONSOR").delete()
    ensure_reference_data()
    assert list(RubrikItem.objects.order_by("urutan").values_list("kode", "aspek")) == [(k, a) for k, a, _u in RUBRIK]
    assert PeranKBK.objects.count() == len(PERAN_KBK)
    sponsor = PeranKBK.objects.get(kode="SPONSOR")
    assert (sponsor.nama, sponsor.penanggung_jawab, sponsor.tingkat, sponsor.urutan, sponsor.memberi_hak_penelaah) == (
        "Program Sponsorship",
        "Kepala Perangkat Daerah",
        1,
        1,
        False,
    )


def _isi(versi: InstrumenVersi) -> tuple:
    butir = Butir.objects.filter(bagian__instrumen=versi).order_by("nomor")
    band = BandKategori.objects.filter(bagian__instrumen=versi).order_by("bagian__urutan", "skor_min")
    return (
        [(b.kode, b.judul, b.label_skala, b.urutan) for b in versi.bagian.order_by("urutan")],
        [(b.bagian.kode, b.nomor, b.teks, b.kelompok, b.rekonstruksi, b.sumber, b.catatan) for b in butir],
        [(b.bagian.kode, b.kategori, b.skor_min, b.skor_max, b.tindak_lanjut, b.sementara) for b in band],
        (versi.nama, versi.petunjuk, versi.catatan, versi.sementara),
    )


def test_the_instrument_loaded_from_the_kupang_pack_equals_the_migrations_frozen_copy():
    versi = InstrumenVersi.objects.get(kode=instrumen_aktif_kode())
    dari_migrasi = _isi(versi)
    versi.delete()
    ensure_reference_data()
    dimuat_ulang = InstrumenVersi.objects.get(kode=instrumen_aktif_kode())
    assert dimuat_ulang.pk != versi.pk
    assert _isi(dimuat_ulang) == dari_migrasi
    assert len(dari_migrasi[1]) == 35
