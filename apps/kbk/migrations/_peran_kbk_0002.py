"""Frozen copy for migration 0002_peran_kbk_data: the data as it was when the migration was written.

Migrations never import live application code (docs/arsitektur.md); change the live module, not this one.
"""

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


def load_peran_kbk(PeranKBK) -> None:  # noqa: N803 (a historical model class in migrations)
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

