"""Tabel 3.1 (Lampiran BAB III 2.1) as data: the roles of a KBK / PMO."""

import re

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


def ensure() -> None:
    from .models import PeranKBK

    if PeranKBK.objects.count() != len(PERAN_KBK):
        load_peran_kbk(PeranKBK)


# Tabel 3.1 names the official for each role; a jabatan "fits" when it names that kind of post. Patterns are
# matched case-insensitively against the start of the jabatan or a functional rank in it (docs/keputusan.md, KBK).
_PENGAWAS = r"^(kepala (sub ?bagian|sub ?bidang|seksi|upt|unit pelaksana)|kasubbag|kasubbid|kasi\b)|ahli muda|sub ?koordinator|pengawas"
_ADMINISTRATOR = r"^(kepala (bagian|bidang)|kabag\b|kabid\b)|ahli madya|koordinator"
POLA_JABATAN = {
    "SPONSOR": r"^(kepala (dinas|badan|satuan|kantor|pelaksana)|camat\b|inspektur\b|sekretaris daerah|direktur)",
    "ADVISOR": r"^sekretaris\b(?! daerah)",
    "PROGRAM": _ADMINISTRATOR,
    "PROJECT": _ADMINISTRATOR,
    "DESIGN": _PENGAWAS,
    "CHANGE": _PENGAWAS,
    "QA": _PENGAWAS,
}


def jabatan_sesuai(peran_kode: str, jabatan: str) -> bool:
    """Whether `jabatan` is the kind of post Tabel 3.1 names for the role (an unknown role: no check)."""
    pola = POLA_JABATAN.get(peran_kode)
    return pola is None or re.search(pola, (jabatan or "").strip(), re.IGNORECASE) is not None
