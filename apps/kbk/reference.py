"""Tabel 3.1 (Lampiran BAB III 2.1) as data: the roles of a KBK / PMO."""

from .models import PeranKBK

# kode, tingkatan, penanggung jawab, uraian, tingkat on the chart, gives reviewer rights
PERAN_KBK = [
    ("SPONSOR", "Program Sponsorship", "Kepala Perangkat Daerah", "", 1, False),
    ("ADVISOR", "Advisor", "Sekretaris Dinas/Badan", "", 2, True),
    (
        "PROGRAM",
        "Program Management",
        "Kepala Bagian/Bidang, Jabatan Fungsional Ahli Madya/ Koordinator Substansi",
        "",
        3,
        True,
    ),
    (
        "PROJECT",
        "Project Management",
        "Kepala Bagian/Bidang Jabatan Fungsional Ahli Madya/ Koordinator Substansi",
        "",
        4,
        True,
    ),
    (
        "DESIGN",
        "Design Management",
        "Pengawas, Jabatan Fungsional Ahli Muda/ Sub Koordinator Substansi",
        "Menyusun desain teknis program manajemen perubahan dan komunikasi, termasuk pengembangan budaya kerja.",
        5,
        True,
    ),
    (
        "CHANGE",
        "Change Management",
        "Pengawas, Jabatan Fungsional Ahli Muda/ Sub Koordinator Substansi",
        "Persiapan teknis program manajemen perubahan dan komunikasi, termasuk pengembangan budaya kerja.",
        5,
        True,
    ),
    (
        "QA",
        "Quality Assurance Management",
        "Pengawas, Jabatan Fungsional Ahli Muda/ Sub Koordinator Substansi",
        "Memastikan kualitas perencanaan dan pelaksanaan program manajemen perubahan termasuk pengembangan budaya kerja.",
        5,
        True,
    ),
]


def load_peran_kbk() -> None:
    for urutan, (kode, nama, pj, uraian, tingkat, penelaah) in enumerate(PERAN_KBK, start=1):
        PeranKBK.objects.update_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "penanggung_jawab": pj,
                "uraian": uraian,
                "tingkat": tingkat,
                "urutan": urutan,
                "memberi_hak_penelaah": penelaah,
            },
        )


def ensure() -> None:
    if PeranKBK.objects.count() != len(PERAN_KBK):
        load_peran_kbk()
