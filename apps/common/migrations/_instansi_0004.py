"""The kop and words of the one pemda that ran this app before pemda packs (docs/paket.md): migration 0004 writes
them into an existing row, so that an install looks as it did, and `Instansi.tanpa_baris()` shows them while no
row exists. History, like every migration: a pack (`pasang_paket`) or the admin changes the row, never this file."""

import copy

ISI = {
    "nama": "Pemerintah Kabupaten Kupang",
    "alamat": "Jl. Timor Raya, Oelamasi, Kabupaten Kupang, Nusa Tenggara Timur",
    "wilayah": "Kabupaten Kupang",
    "kepala_daerah": "Bupati Kupang",
    "tempat": "Oelamasi",
    "peraturan": "Peraturan Bupati Kupang Nomor 52 Tahun 2022",
    "peraturan_judul": (
        "Pedoman Pelaksanaan Nilai-Nilai Organisasi MEDIASI dan Nilai-Nilai Dasar Aparatur Sipil Negara BerAKHLAK "
        "di Kabupaten Kupang"
    ),
    "nama_aplikasi": "Budaya Kerja Kupang",
    "sekda": "Sekretaris Daerah Kabupaten Kupang",
    "istilah": {
        "kepala_daerah": "Bupati Kupang",
        "kepala_daerah_singkat": "Bupati",
        "sekda": "Sekretaris Daerah Kabupaten Kupang",
        "kepala_pd": "Kepala Perangkat Daerah",
        "perangkat_daerah": "Perangkat Daerah",
        "bkpsdm": "BKPSDM",
        "tim_monev": "Tim Monitoring, Evaluasi dan Pelaporan",
        "kbk": "Kelompok Budaya Kerja",
        "agen": "Agen Perubahan",
        "nilai_organisasi": "MEDIASI",
        "daerah": "kabupaten",  # from 0005: the kind of region in running text ("RATA-RATA kabupaten")
        "peraturan_singkat": "Perbup",  # from 0005
    },
    "teks": {
        "pasal_laporan": "Pasal 9 ayat (3)",
        # The privacy notice's legal basis as templates/pdp/pemberitahuan.html wrote it; from 0005.
        "peraturan_pemberitahuan": "Peraturan Bupati tentang Pedoman Penerapan Budaya Kerja",
        # The report summary's follow-up note as templates/laporan/_ringkasan.html wrote it (page, PDF); from 0005.
        "tindak_lanjut_laporan": (
            "KURANG BAIK \u2014 sosialisasi, pelatihan, dan penerapan secara konsisten; BURUK \u2014 sosialisasi, "
            "pelatihan, dan penanganan intensif atau dengan penegakan aturan"
        ),
        "tindak_lanjut_laporan_pdf": (
            "KURANG BAIK \u2014 sosialisasi, pelatihan, dan penerapan secara konsisten; BURUK \u2014 sosialisasi, "
            "pelatihan, dan penanganan intensif atau dengan \u201claw enforcement\u201d"
        ),
    },
    "paket_kode": "kupang",
    "paket_versi": "",
}

# Fields the row already held before 0004 (the admin may have changed them): 0004 leaves them as they are.
LAMA = ("nama", "alamat", "wilayah", "kepala_daerah", "tempat", "peraturan")


def isi_baris_lama(Instansi) -> None:
    """Give the existing row (if any) the words it had before packs, for the fields 0004 adds. The documents wrote
    "Sekretaris Daerah" + wilayah and the row's kepala daerah: so they still do."""
    for row in Instansi.objects.all():
        for name, value in ISI.items():
            if name not in LAMA:
                setattr(row, name, copy.deepcopy(value))
        row.sekda = f"Sekretaris Daerah {row.wilayah}"
        row.istilah.update(kepala_daerah=row.kepala_daerah, sekda=row.sekda)
        row.save()
