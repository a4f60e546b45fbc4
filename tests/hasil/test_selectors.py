"""The numbers of the Laporan Evaluasi (docs/keputusan.md, «Laporan Evaluasi: angka per baris»), worked out by hand on the data of conftest.isi_2025."""

import datetime
from decimal import Decimal

from apps.hasil.selectors import (
    DISEMBUNYIKAN,
    KOSONG,
    KURANG,
    Laporan,
    baris_unit,
    butir_terlemah,
    distribusi_kategori,
    laporan_konsolidasi,
    laporan_perangkat_daerah,
    tren,
)
from apps.survei.models import Periode
from apps.survei.scoring import Kategori

from .data import buat_periode, isi_jawaban, isi_respon

D = Decimal
B, C, K, X = Kategori.BAIK, Kategori.CUKUP_BAIK, Kategori.KURANG_BAIK, Kategori.BURUK


def cells(row):
    return None if row.nilai is None else [(n.ts, n.ka) for n in row.nilai]


def test_unit_with_mean_6_495_prints_6_50_and_cukup_baik(laporan_world):
    w = laporan_world.w
    laporan = laporan_perangkat_daerah(laporan_world.periode, w.pd_x)
    bidang_a = laporan.baris[0]
    assert bidang_a.nama == "Bidang A"
    assert bidang_a.n_responden == 200
    assert cells(bidang_a) == [(D("12.00"), C), (D("6.50"), C), (D("25.00"), B)]


def test_per_pd_report_rows_rata_rata_and_seluruh_pd(laporan_world):
    w = laporan_world.w
    laporan = laporan_perangkat_daerah(laporan_world.periode, w.pd_x)
    assert [(b.nama, b.n_responden, b.n_asn, b.tanda) for b in laporan.baris] == [
        ("Bidang A", 200, 203, ""),  # 200 respondents + asn, pimpinan (unit A) + asn_a1 (sub-unit A1)
        ("Sekretariat X", 2, 5, KURANG),
        ("Subbagian C", 1, 1, KURANG),
    ]
    # Only Bidang A has numbers, so RATA-RATA is its printed row.
    assert cells(laporan.rata_rata) == [(D("12.00"), C), (D("6.50"), C), (D("25.00"), B)]
    # Seluruh PD counts the 3 respondents of Sekretariat X and Subbagian C: 2470/203, 1334/203, 5156/203.
    assert (laporan.seluruh.nama, laporan.seluruh.n_responden, laporan.seluruh.n_asn) == ("Seluruh PD", 203, 209)
    assert cells(laporan.seluruh) == [(D("12.17"), C), (D("6.57"), C), (D("25.40"), B)]
    assert laporan.instansi == "Dinas Uji X"
    assert laporan.penandatangan.nip == w.kepala.nip


def test_consolidated_report_rows_and_rata_rata_from_printed_values(laporan_world):
    w = laporan_world.w
    laporan = laporan_konsolidasi(laporan_world.periode)
    assert [(b.nama, b.n_responden, b.n_asn, b.tanda) for b in laporan.baris] == [
        ("Dinas Uji X", 203, 209, ""),
        ("Dinas Uji Y", 0, 2, KOSONG),
        ("Sekretariat Daerah", 3, 5, ""),
    ]
    x, y, setda = laporan.baris
    assert cells(x) == [(D("12.17"), C), (D("6.57"), C), (D("25.40"), B)]
    assert cells(y) is None
    assert cells(setda) == [(D("10.67"), B), (D("6.00"), B), (D("25.33"), B)]
    # RATA-RATA from the printed values: (12.17+10.67)/2 = 11.42; (6.57+6.00)/2 = 6.285 -> 6.29; 25.365 -> 25.37.
    # PD Y ("—") stays out: with it counted as 0 the means would be a third lower.
    assert cells(laporan.rata_rata) == [(D("11.42"), B), (D("6.29"), B), (D("25.37"), B)]
    assert laporan.rata_rata.n_responden == 206
    assert laporan.instansi == "Pemerintah Kabupaten Kupang"
    assert laporan.penandatangan.nip == w.sekda.nip
    assert laporan.penandatangan.pangkat_golongan == "Penata Muda, III/a"


def test_pd_row_of_consolidated_report_equals_seluruh_pd(laporan_world):
    w = laporan_world.w
    konsolidasi = laporan_konsolidasi(laporan_world.periode)
    per_pd = laporan_perangkat_daerah(laporan_world.periode, w.pd_x)
    assert cells(konsolidasi.baris[0]) == cells(per_pd.seluruh)


def test_pd_with_fewer_than_three_respondents_reads_kurang_and_stays_out_of_rata_rata(laporan_world):
    w = laporan_world.w
    isi_respon(laporan_world.periode, w.unit_y, [(40, 20, 80), (40, 20, 80)])
    laporan = laporan_konsolidasi(laporan_world.periode)
    # PD Y's 2 would be Sekretariat Daerah's total minus nothing: the smallest other PD is hidden with it.
    assert [(b.nama, b.tanda) for b in laporan.baris] == [
        ("Dinas Uji X", ""),
        ("Dinas Uji Y", KURANG),
        ("Sekretariat Daerah", DISEMBUNYIKAN),
    ]
    assert cells(laporan.rata_rata) == [(D("12.17"), C), (D("6.57"), C), (D("25.40"), B)]


def test_drafts_and_other_periodes_do_not_count(laporan_world):
    w = laporan_world.w
    isi_respon(laporan_world.periode, w.unit_y, [(40, 20, 80)] * 3, status="DRAF")
    other = buat_periode("2024", Periode.Status.DITUTUP)
    isi_respon(other, w.unit_y, [(40, 20, 80)] * 3)
    laporan = laporan_konsolidasi(laporan_world.periode)
    assert (laporan.baris[1].n_responden, laporan.baris[1].tanda) == (0, KOSONG)


def test_open_periode_shows_participation_only(world):
    periode = buat_periode("2026", Periode.Status.DIBUKA)
    isi_respon(periode, world.unit_a, [(12, 6, 25)] * 4)
    laporan = laporan_konsolidasi(periode)
    assert laporan.agregat is False
    assert [(b.nama, b.n_responden, b.nilai, b.tanda) for b in laporan.baris] == [
        ("Dinas Uji X", 4, None, ""),
        ("Dinas Uji Y", 0, None, ""),
        ("Sekretariat Daerah", 0, None, ""),
    ]
    assert laporan.rata_rata is None
    row, _ = baris_unit(periode, world.unit_a)
    assert (row.n_responden, row.nilai) == (4, None)


def test_sub_units_fold_into_their_top_level_unit_and_open_for_tim_monev(laporan_world):
    w = laporan_world.w
    isi_respon(laporan_world.periode, w.unit_a1, [(20, 10, 50)] * 3)
    laporan = laporan_perangkat_daerah(laporan_world.periode, w.pd_x)
    assert (laporan.baris[0].n_responden, laporan.baris[0].ada_sub_unit) == (203, True)
    # 2460/203 = 12.118 -> 12.12; 1329/203 = 6.547 -> 6.55; 5150/203 = 25.369 -> 25.37
    assert cells(laporan.baris[0]) == [(D("12.12"), C), (D("6.55"), C), (D("25.37"), B)]
    rincian = laporan_perangkat_daerah(laporan_world.periode, w.pd_x, induk=w.unit_a)
    assert [(b.nama, b.n_responden, b.n_asn) for b in rincian.baris] == [
        ("Bidang A (pegawai langsung)", 200, 202),
        ("Seksi A1", 3, 4),
    ]
    assert cells(rincian.baris[1]) == [(D("20.00"), K), (D("10.00"), K), (D("50.00"), K)]
    assert (rincian.seluruh.nama, rincian.seluruh.n_responden) == ("Seluruh Bidang A", 203)
    assert cells(rincian.seluruh) == cells(laporan.baris[0])


def test_unit_row_for_its_head(laporan_world):
    w = laporan_world.w
    row, _ = baris_unit(laporan_world.periode, w.unit_a)
    assert (row.nama, row.n_responden, row.n_asn) == ("Bidang A", 200, 203)
    assert cells(row) == [(D("12.00"), C), (D("6.50"), C), (D("25.00"), B)]
    row_b, _ = baris_unit(laporan_world.periode, w.unit_b)
    assert (row_b.nilai, row_b.tanda) == (None, KURANG)


def test_notes_appear_in_keterangan(laporan_world):
    w = laporan_world.w
    laporan = laporan_konsolidasi(laporan_world.periode, catatan={f"pd:{w.pd_y.pk}": "Belum sosialisasi"})
    assert laporan.baris[1].keterangan == "Partisipasi 0 / 2. Belum sosialisasi"
    assert laporan.baris[0].keterangan == "Partisipasi 203 / 209"


def test_snapshot_json_round_trip_keeps_every_number(laporan_world):
    laporan = laporan_perangkat_daerah(laporan_world.periode, laporan_world.w.pd_x)
    assert Laporan.from_json(laporan.to_json()) == laporan


def test_category_distribution_per_section(laporan_world):
    laporan = laporan_konsolidasi(laporan_world.periode)
    distribusi = distribusi_kategori(laporan_world.periode, laporan.bands)
    # Section I: 201 x 12 (CUKUP), 30 and 28 (BURUK), 10, 11, 11 (BAIK).
    assert [(d.bagian, d.jumlah) for d in distribusi] == [
        ("I", {"BAIK": 3, "CUKUP_BAIK": 201, "KURANG_BAIK": 0, "BURUK": 2}),
        ("II", {"BAIK": 104, "CUKUP_BAIK": 100, "KURANG_BAIK": 0, "BURUK": 2}),
        ("III", {"BAIK": 202, "CUKUP_BAIK": 2, "KURANG_BAIK": 0, "BURUK": 2}),
    ]
    # BURUK (2) alone would be the total minus the rest: the next smallest category is hidden with it.
    assert [sorted(d.tersembunyi) for d in distribusi] == [
        ["BAIK", "BURUK"],
        ["BURUK", "CUKUP_BAIK"],
        ["BURUK", "CUKUP_BAIK"],
    ]


def test_five_weakest_items_by_mean_answer(world):
    periode = buat_periode("2025", Periode.Status.DITUTUP)
    first, second, third = isi_respon(periode, world.unit_a, [(10, 5, 20)] * 3)
    base = dict.fromkeys(range(1, 36), 1)
    isi_jawaban(first, base | {3: 4, 12: 4, 20: 3, 30: 2, 31: 2, 35: 2})
    isi_jawaban(second, base | {3: 3, 12: 4, 20: 3, 30: 3, 31: 2, 35: 1})
    isi_jawaban(third, base | {3: 4, 12: 4, 20: 3, 30: 1, 31: 2, 35: 1})
    assert [(b.nomor, b.rata_rata) for b in butir_terlemah(periode)] == [
        (12, D("4.00")),
        (3, D("3.67")),
        (20, D("3.00")),
        (30, D("2.00")),
        (31, D("2.00")),
    ]


def test_weakest_items_need_three_respondents(world):
    periode = buat_periode("2025", Periode.Status.DITUTUP)
    first, second = isi_respon(periode, world.unit_a, [(10, 5, 20)] * 2)
    isi_jawaban(first, dict.fromkeys(range(1, 36), 4))
    isi_jawaban(second, dict.fromkeys(range(1, 36), 4))
    assert butir_terlemah(periode) == []


def test_trend_is_the_rata_rata_of_each_closed_periode(laporan_world):
    w = laporan_world.w
    older = buat_periode("2024", Periode.Status.FINAL)
    isi_respon(older, w.unit_b, [(20, 10, 40)] * 3)
    open_one = buat_periode("2026", Periode.Status.DIBUKA)
    points = tren([laporan_world.periode, older, open_one])
    assert [(p.periode_kode, cells(p.rata_rata)) for p in points] == [
        ("2024", [(D("20.00"), K), (D("10.00"), K), (D("40.00"), C)]),
        ("2025", [(D("11.42"), B), (D("6.29"), B), (D("25.37"), B)]),
    ]


def test_signer_carries_the_plt_prefix_and_golongan(laporan_world):
    from apps.akun.models import Peran
    from apps.organisasi.models import Golongan

    w = laporan_world.w
    Peran.objects.filter(user=w.sekda.user, jenis=Peran.Jenis.SEKDA).update(sebutan="Plt.")
    w.sekda.golongan = Golongan.objects.get(jenis_asn="PNS", kode="IV/d")
    w.sekda.jabatan = "Asisten Administrasi Umum"
    w.sekda.save()
    signer = laporan_konsolidasi(laporan_world.periode).penandatangan
    assert (signer.nama_tampil, signer.jabatan, signer.pangkat_golongan, signer.nip) == (
        "Plt. Sekretaris Daerah",
        "Asisten Administrasi Umum",
        "Pembina Utama Madya, IV/d",
        w.sekda.nip,
    )


def test_closing_a_periode_freezes_the_number_of_active_asn(world):
    """docs/keputusan.md, «Laporan Evaluasi: angka per baris»: participation of a closed periode divides by the ASN active when it closed, not today."""
    from apps.hasil.models import AsnPeriode
    from apps.hasil.services import jumlah_asn
    from apps.survei.services import periode_ubah_status
    from tests.factories import PegawaiFactory

    periode = buat_periode("2026", Periode.Status.DIBUKA, tahun=2026)
    periode_ubah_status(periode, ke=Periode.Status.DITUTUP, aktor=world.monev.user)
    frozen = AsnPeriode.objects.get(periode=periode, unit_kerja=world.unit_a).jumlah
    assert frozen == 2  # asn and pimpinan

    PegawaiFactory(unit_kerja=world.unit_a)  # joins after the close
    assert AsnPeriode.objects.get(periode=periode, unit_kerja=world.unit_a).jumlah == 2
    assert jumlah_asn(periode).per_unit[world.unit_a.pk] == (world.pd_x.pk, 2)

    Periode.objects.filter(pk=periode.pk).update(tanggal_tutup=datetime.date(2099, 12, 31))
    periode.refresh_from_db()
    periode_ubah_status(periode, ke=Periode.Status.DIBUKA, aktor=world.admin, catatan="perpanjangan")
    assert AsnPeriode.objects.filter(periode=periode).count() == 0
