"""SIASN import (docs/keputusan.md, «Impor SIASN»): reading, the dry-run diff, the apply and its history, rights."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from apps.akun.models import Peran
from apps.organisasi import services, siasn
from apps.organisasi.models import ImporSiasn, Pegawai, PemetaanSiasn, RiwayatUnit
from tests.factories import UserFactory

from .siasn_data import HEADER, baris_kepala, csv_bytes, nip_ke, siapkan_unit, siasn_rows, xlsx_bytes

UNOR, INDUK, NIP = HEADER.index("UNOR NAMA"), HEADER.index("UNOR INDUK NAMA"), HEADER.index("NIP BARU")


@pytest.fixture
def admin_impor(db):
    return UserFactory(username="admin-siasn", is_staff=True, is_superuser=True)


def pratinjau(data: bytes, nama: str = "siasn.csv") -> siasn.Selisih:
    bacaan = siasn.baca(nama, data, services.pemetaan_siasn().kolom)
    return siasn.bandingkan(bacaan, hashlib.sha256(data).hexdigest())


def terapkan(data: bytes, aktor, nama: str = "siasn.csv") -> ImporSiasn:
    return services.impor_siasn_terapkan(nama, data, digest=pratinjau(data, nama).digest, aktor=aktor)


@pytest.mark.slow
def test_7000_rows_after_a_mutasi_of_50_and_10_leavers_diff_exactly_that(admin_impor):
    """The "Done when" of the SIASN import: 7,000 rows; then 50 transfers and 10 leavers, and nothing else."""
    units = siapkan_unit(20)
    rows = siasn_rows(7000, units)
    pertama = pratinjau(csv_bytes(rows))
    assert pertama.jumlah() == {
        "baris": 7000, "baru": 7000, "mutasi": 0, "keluar": 0, "kembali": 0, "berubah": 0, "kepala": 100,
        "unit_tidak_dikenal": 0, "galat": 0,
    }  # fmt: skip
    impor = terapkan(csv_bytes(rows), admin_impor)
    assert Pegawai.objects.filter(aktif=True).count() == 7000
    assert impor.jumlah["baru"] == 7000 and impor.oleh == admin_impor

    # One leaver holds a role (a KBK member of their PD): it must end.
    biasa = [r for r in rows if not baris_kepala(r)]
    keluar = biasa[100:110]
    pemegang = Pegawai.objects.get(nip=keluar[0][NIP])
    pemegang.user = UserFactory(username=pemegang.nip)
    pemegang.save()
    peran = Peran.objects.create(
        user=pemegang.user, jenis=Peran.Jenis.ANGGOTA_KBK, perangkat_daerah=pemegang.unit_kerja.perangkat_daerah
    )
    # 50 transfers: the same unit name in another PD (only the parent column tells them apart), or another unit.
    pindah = biasa[200:250]
    by_unit = {(u.nama, u.perangkat_daerah.nama): u for u in units}
    tujuan = {}
    for n, row in enumerate(pindah):
        ke = units[(units.index(by_unit[(row[UNOR], row[INDUK])]) + 5 + n) % len(units)]
        row[UNOR], row[INDUK] = ke.nama, ke.perangkat_daerah.nama
        tujuan[row[NIP]] = ke.pk
    nip_keluar = {r[NIP] for r in keluar}
    sesudah = [r for r in rows if r[NIP] not in nip_keluar]
    data = csv_bytes(sesudah)

    selisih = pratinjau(data)
    assert selisih.jumlah() == {
        "baris": 6990, "baru": 0, "mutasi": 50, "keluar": 10, "kembali": 0, "berubah": 0, "kepala": 0,
        "unit_tidak_dikenal": 0, "galat": 0,
    }  # fmt: skip
    assert {p.nip: unit for p, unit in selisih.mutasi} == tujuan
    assert {p.nip for p in selisih.keluar} == nip_keluar

    impor = services.impor_siasn_terapkan("siasn-2.csv", data, digest=selisih.digest, aktor=admin_impor)
    assert impor.jumlah == selisih.jumlah()
    assert impor.sha256 == hashlib.sha256(data).hexdigest() and impor.nama_berkas == "siasn-2.csv"
    assert Pegawai.objects.count() == 7000  # a leaver is never deleted
    assert set(Pegawai.objects.filter(aktif=False).values_list("nip", flat=True)) == nip_keluar
    assert dict(Pegawai.objects.filter(nip__in=tujuan).values_list("nip", "unit_kerja_id")) == tujuan
    assert RiwayatUnit.objects.filter(mulai=timezone.localdate()).count() == 50
    peran.refresh_from_db()
    assert peran.sampai == timezone.localdate() - timezone.timedelta(days=1)
    assert not Peran.objects.aktif().filter(user=pemegang.user).exists()
    riwayat = Pegawai.history.filter(nip=keluar[0][NIP]).first()
    assert (riwayat.aktif, riwayat.history_user, riwayat.history_change_reason) == (
        False,
        admin_impor,
        "Impor SIASN: siasn-2.csv",
    )
    assert ImporSiasn.objects.count() == 2

    kedua = pratinjau(data)
    assert kedua.kosong and kedua.boleh_diterapkan


def test_a_stale_diff_is_refused_and_nothing_is_written(admin_impor):
    units = siapkan_unit(2)
    rows = siasn_rows(30, units)
    terapkan(csv_bytes(rows), admin_impor)
    rows[3][UNOR] = "Bidang Pelayanan"
    data = csv_bytes(rows)
    digest = pratinjau(data).digest
    # Meanwhile someone moves another pegawai by hand: the diff to apply is no longer the one shown.
    lain = Pegawai.objects.get(nip=rows[7][NIP])
    services.pegawai_mutasi(lain, unit_kerja=units[4], mulai=timezone.localdate())
    with pytest.raises(ValidationError, match="berubah sejak pratinjau"):
        services.impor_siasn_terapkan("x.csv", data, digest=digest, aktor=admin_impor)
    assert ImporSiasn.objects.count() == 1
    assert Pegawai.objects.get(nip=rows[3][NIP]).unit_kerja.nama != "Bidang Pelayanan"


def test_bad_rows_give_row_numbers_and_block_the_apply(admin_impor):
    units = siapkan_unit(1)
    rows = siasn_rows(8, units)
    rows[0][NIP] = 199001012015031001.0  # a NIP typed as a number (Excel keeps 15 digits)
    rows[1][HEADER.index("NAMA")] = "+cmd|' /C calc'!A0"  # DDE; a cell starting with "=" reads as its cached value
    rows[2][HEADER.index("JENIS PEGAWAI NAMA")] = "Honorer"
    rows[3][NIP] = rows[4][NIP]
    rows[5][HEADER.index("GOL AKHIR NAMA")] = "V/z"
    rows[6][UNOR] = "Bidang Tidak Ada"
    data = xlsx_bytes(rows, judul=[["DAFTAR PNS"], []])  # header on spreadsheet row 3, data from row 4
    selisih = pratinjau(data, "siasn.xlsx")
    assert selisih.bacaan.galat == [
        (4, "NIP", str(siasn.NIP_ANGKA)),
        (5, "Nama", "Isi sel diawali tanda rumus (=, +, -, @); ditolak demi keamanan."),
        (6, "Status (PNS/PPPK)", "Status harus PNS atau PPPK (juga dibaca: CPNS, P, C, PNS Daerah)."),
        (8, "NIP", "NIP ganda: sudah ada di baris 7."),
        (9, "Golongan", "Golongan 'V/z' tidak dikenal untuk PNS."),
    ]
    assert selisih.bacaan.unit_tidak_dikenal == {"Bidang Tidak Ada (Dinas Uji SIASN 1)": [10]}
    assert not selisih.boleh_diterapkan
    with pytest.raises(ValidationError, match="baris salah"):
        services.impor_siasn_terapkan("siasn.xlsx", data, digest=selisih.digest, aktor=admin_impor)
    assert not Pegawai.objects.exists()


def test_a_file_in_the_wrong_shape_is_refused(admin_impor):
    with pytest.raises(ValidationError, match="tidak berbentuk ekspor SIASN.*NIP \\(NIP BARU, NIP\\)"):
        pratinjau(b"kode,nama,alamat\n1,x,y\n")
    with pytest.raises(ValidationError, match="Jenis berkas tidak didukung"):
        pratinjau(b"NIP,NAMA\n", "siasn.txt")


def test_the_saved_mapping_reads_other_headers_and_semicolons(admin_impor):
    units = siapkan_unit(1)
    header = ["NIP_PEGAWAI", "NAMA LENGKAP", "UNIT", "INDUK", "STATUS ASN", "GOL"]
    rows = [[nip_ke(n), f"Nama {n}", "Sekretariat", "Dinas Uji SIASN 1", "PNS", "iii/b"] for n in range(3)]
    data = csv_bytes(rows, header, pemisah=";")
    with pytest.raises(ValidationError):
        pratinjau(data)
    services.pemetaan_siasn_simpan(
        {
            "nip": ["nip pegawai"],
            "nama": ["Nama Lengkap"],
            "unit": ["UNIT"],
            "unit_induk": ["INDUK"],
            "status": ["STATUS ASN"],
            "golongan": ["GOL"],
            "jabatan": [],
            "eselon": [],
        },
        aktor=admin_impor,
    )
    selisih = pratinjau(data)
    assert selisih.jumlah()["baru"] == 3 and selisih.boleh_diterapkan
    assert {b.unit_id for b in selisih.baru} == {units[0].pk}
    assert selisih.golongan[selisih.baru[0].golongan_id] == "III/b"
    assert PemetaanSiasn.objects.get().history.first().history_user == admin_impor


@pytest.mark.parametrize("persona", ["anon", "asn", "staff_tanpa_izin"])
def test_only_who_may_import_pegawai_reaches_the_siasn_import(client, db, persona):
    url = reverse("admin:organisasi_pegawai_siasn")
    if persona != "anon":
        client.force_login(UserFactory(username=f"u-{persona}", is_staff=persona == "staff_tanpa_izin"))
    for response in (client.get(url), client.post(url, {"aksi": "terapkan", "token": "0" * 32, "digest": "x"})):
        if persona == "staff_tanpa_izin":
            assert response.status_code == 403
        else:  # the admin site sends whoever is no staff to the login page
            assert response.status_code == 302 and response["Location"].startswith(("/akun/masuk/", "/admin/login/"))
    with pytest.raises(PermissionDenied):
        services.impor_siasn_terapkan("x.csv", b"", digest="", aktor=UserFactory(username=f"v-{persona}"))


def test_the_admin_uploads_sees_the_diff_and_confirms(client, admin_impor):
    units = siapkan_unit(1)
    client.force_login(admin_impor)
    url = reverse("admin:organisasi_pegawai_siasn")
    assert client.get(url).status_code == 200
    data = csv_bytes(siasn_rows(6, units))
    from django.core.files.uploadedfile import SimpleUploadedFile

    form = {f"kolom_{k}": ", ".join(v) for k, v in siasn.KOLOM_BAWAAN.items()}
    response = client.post(url, {**form, "berkas": SimpleUploadedFile("bkn.csv", data)})
    assert response.status_code == 200
    assert response.context["jumlah"]["baru"] == 6
    token, digest = response.context["token"], response.context["selisih"].digest
    response = client.post(url, {"aksi": "terapkan", "token": token, "nama_berkas": "bkn.csv", "digest": digest})
    assert response.status_code == 302
    assert Pegawai.objects.count() == 6
    assert ImporSiasn.objects.get().oleh == admin_impor
    # The preview file is gone: confirming twice does nothing.
    client.post(url, {"aksi": "terapkan", "token": token, "nama_berkas": "bkn.csv", "digest": digest})
    assert ImporSiasn.objects.count() == 1


def test_unticking_aktif_in_the_admin_ends_the_roles(client, admin_impor):
    units = siapkan_unit(1)
    terapkan(csv_bytes(siasn_rows(3, units)), admin_impor)
    pegawai = Pegawai.objects.order_by("nip").first()
    pegawai.user = UserFactory(username="kepala-x")
    pegawai.save()
    peran = Peran.objects.create(user=pegawai.user, jenis=Peran.Jenis.PIMPINAN_UNIT, unit_kerja=pegawai.unit_kerja)
    services.pegawai_keluar([pegawai.pk], aktor=admin_impor, alasan="pensiun")
    peran.refresh_from_db()
    assert not Peran.objects.aktif().filter(pk=peran.pk).exists()
    assert Pegawai.objects.get(pk=pegawai.pk).aktif is False
