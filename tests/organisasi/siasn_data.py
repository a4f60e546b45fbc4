"""SIASN-shaped exports built in the test and the bench: units of many PDs that share unit names (as real
Perangkat Daerah do), and rows with the columns and values of a BKN export."""

import datetime

from apps.organisasi.models import PerangkatDaerah, UnitKerja

from . import spreadsheets

HEADER = [
    "PNS ID",
    "NIP BARU",
    "NIP LAMA",
    "NAMA",
    "GELAR DEPAN",
    "GELAR BELAKANG",
    "TANGGAL LAHIR",
    "JENIS KELAMIN",
    "JENIS PEGAWAI NAMA",
    "GOL AKHIR NAMA",
    "JABATAN NAMA",
    "ESELON",
    "UNOR NAMA",
    "UNOR INDUK NAMA",
    "INSTANSI KERJA NAMA",
]
NAMA_UNIT = ["Sekretariat", "Bidang Perencanaan", "Bidang Pelayanan", "Bidang Pengembangan", "Sub Bagian Umum"]
GOLONGAN = ["II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]
JABATAN = ["Analis Kebijakan Ahli Pertama", "Pengadministrasi Umum", "Penata Laksana Barang", "Pranata Komputer"]


def siapkan_unit(jumlah_pd: int = 20, awalan: str = "SIASN") -> list[UnitKerja]:
    """`jumlah_pd` PDs with the five units of NAMA_UNIT each: a unit name alone is ambiguous, the PD's name
    (UNOR INDUK NAMA) tells them apart."""
    units = []
    for n in range(1, jumlah_pd + 1):
        pd = PerangkatDaerah.objects.create(kode=f"{awalan}{n:02d}", nama=f"Dinas Uji {awalan} {n}", jenis="DINAS")
        for m, nama in enumerate(NAMA_UNIT, start=1):
            units.append(UnitKerja.objects.create(kode=f"{awalan}{n:02d}.{m}", nama=nama, perangkat_daerah=pd))
    return units


def nip_ke(n: int, jenis: str = "PNS") -> str:
    """A valid NIP (nip.py), distinct for every n below 12,000 x 999."""
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=n % 12_000)
    urut = n // 12_000 + 1
    tengah = f"2015{n % 12 + 1:02d}" if jenis == "PNS" else "202221"
    return f"{born:%Y%m%d}{tengah}{n % 2 + 1}{urut:03d}"


def siasn_rows(jumlah: int, units: list[UnitKerja], start: int = 0) -> list[list]:
    """`jumlah` rows spread over `units`; the first pegawai of each unit heads it (eselon IV.a, "Kepala ..."),
    every seventh is PPPK (golongan IX), the rest PNS."""
    pd_nama = {u.pk: u.perangkat_daerah.nama for u in units}
    rows = []
    kepala = set()
    for n in range(start, start + jumlah):
        unit = units[n % len(units)]
        pppk = n % 7 == 6
        jenis = "PPPK" if pppk else "PNS"
        nip = nip_ke(n, jenis)
        if unit.pk not in kepala and not pppk:
            kepala.add(unit.pk)
            jabatan, eselon, gol = f"Kepala {unit.nama}", "IV.a", "III/d"
        else:
            jabatan, eselon, gol = JABATAN[n % len(JABATAN)], "", "IX" if pppk else GOLONGAN[n % len(GOLONGAN)]
        rows.append(
            [
                f"A8ACA7{n:010d}",
                nip,
                "",
                f"Pegawai Siasn {n}",
                "",
                "S.E." if n % 3 == 0 else "",
                f"{nip[6:8]}-{nip[4:6]}-{nip[0:4]}",
                "Pria" if nip[14] == "1" else "Wanita",
                "PPPK" if pppk else "PNS Daerah",
                gol,
                jabatan,
                eselon,
                unit.nama,
                pd_nama[unit.pk],
                "Pemerintah Kabupaten Uji",
            ]
        )
    return rows


def baris_kepala(row: list) -> bool:
    return bool(row[HEADER.index("ESELON")])


def csv_bytes(rows: list[list], header: list[str] = HEADER, pemisah: str = ",") -> bytes:
    return spreadsheets.csv_bytes(rows, header, pemisah)


def xlsx_bytes(rows: list[list], header: list[str] = HEADER, judul: list[list] | None = None) -> bytes:
    return spreadsheets.xlsx_bytes(rows, header, judul)
