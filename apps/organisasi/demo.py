"""Demo registry: PD names in use in Indonesian regional governments, and the kecamatan of the installed pemda pack
(paket/<kode>/demo.json; docs/paket.md)."""

import datetime

from apps.common.demo import DemoContext

from .models import Golongan, Pegawai, PerangkatDaerah, UnitKerja, jabatan_kepala_bawaan

J = PerangkatDaerah.Jenis
# (kode, nama, singkatan, jenis, [top-level units, each (nama, [sub-units])])
PERANGKAT_DAERAH = [
    (
        "SETDA",
        "Sekretariat Daerah",
        "Setda",
        J.SEKRETARIAT,
        [
            ("Bagian Organisasi", ["Sub Bagian Kelembagaan dan Analisis Jabatan", "Sub Bagian Reformasi Birokrasi"]),
            ("Bagian Hukum", []),
            ("Bagian Umum", ["Sub Bagian Tata Usaha Pimpinan"]),
            ("Bagian Pemerintahan", []),
        ],
    ),
    (
        "INSP",
        "Inspektorat Daerah",
        "Inspektorat",
        J.INSPEKTORAT,
        [
            ("Sekretariat Inspektorat", []),
            ("Inspektur Pembantu Wilayah I", []),
            ("Inspektur Pembantu Wilayah II", []),
        ],
    ),
    (
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "BKPSDM",
        J.BADAN,
        [
            ("Sekretariat BKPSDM", ["Sub Bagian Umum dan Kepegawaian"]),
            ("Bidang Pengembangan Sumber Daya Manusia", []),
            ("Bidang Mutasi dan Promosi", []),
            ("Bidang Pengadaan, Pemberhentian dan Informasi", []),
        ],
    ),
    (
        "BAPENDA",
        "Badan Pendapatan Daerah",
        "Bapenda",
        J.BADAN,
        [
            ("Sekretariat Bapenda", []),
            ("Bidang Pendataan dan Penetapan", []),
            ("Bidang Penagihan", []),
        ],
    ),
    (
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "BPKAD",
        J.BADAN,
        [
            ("Sekretariat BPKAD", []),
            ("Bidang Anggaran", []),
            ("Bidang Perbendaharaan", []),
            ("Bidang Aset", []),
        ],
    ),
    (
        "DUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Dukcapil",
        J.DINAS,
        [
            ("Sekretariat Dukcapil", []),
            ("Bidang Pelayanan Pendaftaran Penduduk", []),
            ("Bidang Pelayanan Pencatatan Sipil", []),
        ],
    ),
    (
        "DIKBUD",
        "Dinas Pendidikan dan Kebudayaan",
        "Dikbud",
        J.DINAS,
        [
            ("Sekretariat Dinas Pendidikan dan Kebudayaan", ["Sub Bagian Umum dan Kepegawaian"]),
            ("Bidang Pembinaan Sekolah Dasar", []),
            ("Bidang Pembinaan Sekolah Menengah Pertama", []),
            ("Bidang Kebudayaan", []),
        ],
    ),
    (
        "PUPR",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "PUPR",
        J.DINAS,
        [
            ("Sekretariat Dinas PUPR", []),
            ("Bidang Bina Marga", []),
            ("Bidang Sumber Daya Air", []),
        ],
    ),
    (
        "NAK",
        "Dinas Peternakan",
        "Disnak",
        J.DINAS,
        [
            ("Sekretariat Dinas Peternakan", []),
            ("Bidang Kesehatan Hewan", []),
            ("Bidang Produksi Ternak", []),
        ],
    ),
    (
        "TANI",
        "Dinas Pertanian dan Ketahanan Pangan",
        "Distan",
        J.DINAS,
        [
            ("Sekretariat Dinas Pertanian", []),
            ("Bidang Tanaman Pangan", []),
            ("Bidang Ketahanan Pangan", []),
        ],
    ),
    (
        "DINKES",
        "Dinas Kesehatan",
        "Dinkes",
        J.DINAS,
        [
            ("Sekretariat Dinas Kesehatan", []),
            ("Bidang Pelayanan Kesehatan", []),
            ("Bidang Kesehatan Masyarakat", []),
        ],
    ),
    (
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "Bappeda",
        J.BADAN,
        [
            ("Sekretariat Bappeda", []),
            ("Bidang Perencanaan Ekonomi", []),
            ("Bidang Perencanaan Infrastruktur", []),
        ],
    ),
]
KECAMATAN_UNITS = [
    ("Sekretariat Kecamatan", []),
    ("Seksi Pemerintahan", []),
    ("Seksi Pemberdayaan Masyarakat Desa", []),
]

NAMA_DEPAN = [
    "Yohanes",
    "Maria",
    "Agustinus",
    "Yuliana",
    "Fransiskus",
    "Margaretha",
    "Dominikus",
    "Elisabeth",
    "Stefanus",
    "Adriana",
    "Yakobus",
    "Selfina",
    "Markus",
    "Naomi",
    "Petrus",
    "Ruth",
    "Daniel",
    "Yosefina",
    "Matheus",
    "Debora",
    "Simon",
    "Yanti",
    "Godlief",
    "Imelda",
    "Herman",
    "Christina",
    "Yusuf",
    "Siti",
    "Abraham",
    "Ester",
    "Lukas",
    "Martha",
    "Arnold",
    "Ince",
    "Benyamin",
    "Lidia",
    "Melkianus",
    "Orpa",
    "Wilhelmus",
    "Sarlince",
]
NAMA_BELAKANG = [
    "Tefa",
    "Nomleni",
    "Bani",
    "Kase",
    "Lake",
    "Manafe",
    "Ndun",
    "Pah",
    "Tanesib",
    "Toto",
    "Ataupah",
    "Benu",
    "Boimau",
    "Fanggidae",
    "Lay",
    "Nenobais",
    "Oematan",
    "Saekoh",
    "Selan",
    "Taneo",
    "Tuan",
    "Ully",
    "Messakh",
    "Bessie",
    "Kolo",
    "Nubatonis",
    "Sjioen",
    "Amalo",
    "Foeh",
    "Takesan",
]
JABATAN_STAF = [
    "Analis Kebijakan Ahli Pertama",
    "Pengadministrasi Umum",
    "Pranata Komputer Ahli Pertama",
    "Analis SDM Aparatur",
    "Pengelola Keuangan",
    "Penata Laporan Keuangan",
    "Arsiparis Terampil",
    "Pengolah Data",
    "Bendahara",
    "Perencana Ahli Muda",
    "Pengelola Kepegawaian",
]
DEMO_PD = "BKPSDM"
ASN_PER_UNIT = 8


def make_nip(rng, jenis: str, used: set[str]) -> str:
    """A valid 18-digit NIP of the given kind (see apps.organisasi.nip)."""
    while True:
        born = datetime.date(1966, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 32))
        if jenis == "PNS":
            year = rng.randint(born.year + 20, min(born.year + 34, 2024))
            middle = f"{year}{rng.randint(1, 12):02d}"
        else:
            year = rng.randint(max(born.year + 20, 2019), 2025)
            middle = f"{year}2{rng.randint(1, 3)}"
        nip = f"{born:%Y%m%d}{middle}{rng.randint(1, 2)}{rng.randint(1, 999):03d}"
        if nip not in used:
            used.add(nip)
            return nip


def seed(ctx: DemoContext) -> None:
    rng = ctx.rng
    golongan = {(g.jenis_asn, g.kode): g for g in Golongan.objects.all()}
    pns_gol = [golongan[("PNS", k)] for k in ["II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a"]]
    pppk_gol = [golongan[("PPPK", k)] for k in ["V", "VII", "IX", "X"]]

    all_pd = list(PERANGKAT_DAERAH) + [
        (kode, f"Kecamatan {nama}", f"Kec. {nama}", J.KECAMATAN, KECAMATAN_UNITS) for kode, nama in ctx.kecamatan()
    ]
    units_by_pd: dict[str, list[UnitKerja]] = {}
    for kode, nama, singkatan, jenis, units in all_pd:
        pd, _ = PerangkatDaerah.objects.get_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "singkatan": singkatan,
                "jenis": jenis,
                "jabatan_kepala": jabatan_kepala_bawaan(jenis, nama),
            },
        )
        made = []
        for i, (unit_nama, subs) in enumerate(units, start=1):
            unit, _ = UnitKerja.objects.get_or_create(
                kode=f"{kode}.{i:02d}", defaults={"nama": unit_nama, "perangkat_daerah": pd}
            )
            made.append(unit)
            for j, sub_nama in enumerate(subs, start=1):
                sub, _ = UnitKerja.objects.get_or_create(
                    kode=f"{kode}.{i:02d}.{j:02d}", defaults={"nama": sub_nama, "perangkat_daerah": pd, "induk": unit}
                )
                made.append(sub)
        units_by_pd[kode] = made
        ctx.refs[f"pd:{kode}"] = pd

    existing = set(Pegawai.objects.values_list("nip", flat=True))
    used: set[str] = set()
    new = []
    for units in units_by_pd.values():
        for unit in units:
            n = ASN_PER_UNIT if unit.induk_id is None else ASN_PER_UNIT // 2
            for _ in range(n):
                jenis = "PPPK" if rng.random() < 0.2 else "PNS"
                nip = make_nip(rng, jenis, used)
                nama = f"{rng.choice(NAMA_DEPAN)} {rng.choice(NAMA_BELAKANG)}"
                gol = rng.choice(pppk_gol if jenis == "PPPK" else pns_gol)
                jabatan = rng.choice(JABATAN_STAF)
                gelar = rng.choice(["", "", "S.E.", "S.Sos.", "S.Kom."])
                # Every random draw happens before this test, so a second run draws the same sequence.
                if nip not in existing:
                    new.append(
                        Pegawai(
                            nip=nip,
                            nama=nama,
                            jenis_asn=jenis,
                            golongan=gol,
                            jabatan=jabatan,
                            unit_kerja=unit,
                            gelar_belakang=gelar,
                        )
                    )
    Pegawai.objects.bulk_create(new, batch_size=500)
    ctx.refs["units_by_pd"] = units_by_pd
    ctx.refs["nip_used"] = used
