"""Frozen copy for migration 0002_katalog_data: the data as it was when the migration was written.

Migrations never import live application code (docs/arsitektur.md); change the live module, not this one.
"""

MEDIASI = [
    {
        "kode": "MELAYANI",
        "nama": "Melayani",
        "definisi": "Sikap dan komitmen organisasi dalam memberikan pelayanan terbaik kepada yang dilayani antara "
        "lain meliputi masyarakat, komunitas dan pasar, unit kerja terkait/ dan/atau instansi lain.",
        "indikator": [
            "Memahami dan memberikan pelayanan yang baik sesuai standar",
            "Memberikan pelayanan sesuai standard dan menunjukkan komitmen dalam pelayanan",
            "Memberikan pelayanan diatas standar untuk memastikan keputusan pihak-pihak yang dilayani sesuai "
            "arahan atasan",
            "Memberikan pelayanan diatas standard dan membangun nilai tambah dalam pelayanan",
            "Berusaha memenuhi kebutuhan mendasar dalam pelayanan dan percepatan penanganan masalah",
            "Mengevaluasi dan mengantisipasi kebutuhan pihak-pihak yang dilayani",
            "Mengembangkan sistem pelayanan baru bersifat jangka panjang untuk memastikan kebutuhan dan kepuasan "
            "pihak-pihak yang dilayani",
        ],
        "situasi": [
            "ketika memberikan pelayanan kepada pihak-pihak yang dilayani",
            "ketika membangun hubungan dengan pihak-pihak yang dilayani",
            "ketika diharapkan memberikan nilai-nilai tumbuh atas layanan yang diberikan kepada pihak-pihak yang "
            "dilayani",
        ],
    },
    {
        "kode": "DISIPLIN",
        "nama": "Disiplin",
        "definisi": "Sikap dan komitmen organisasi dalam mentaati ketentuan peraturan perundang-undangan yang berlaku.",
        "indikator": [
            "Melaksanakan tugas dengan tepat waktu",
            "Menaati peraturan perundang-undangan",
            "Melaksanakan tugas dengan penuh tanggungjawab",
        ],
        "situasi": [
            "ketika melaksanakan tugas dalam pekerjaannya",
            "ketika bekerja didalam kelompok",
            "ketika diharapkan dengan benturan kepentingan",
        ],
    },
    {
        "kode": "INOVATIF",
        "nama": "Inovatif",
        "definisi": "Sikap dan komitmen organisasi selalu melakukan pembaharuan yang bersifat positif kearah "
        "kemajuan individu dan kelompok.",
        "indikator": [
            "Memiliki kemauan dan motivasi yang tinggi untuk mencari dan menciptakan sesuatu yang baru secara "
            "positif menuju kemajuan",
            "Berpikir jauh kedepan dengan melihat peluang inovasi",
            "Mengembangkan kemampuan diri baik secara individual maupun kelompok serta tidak bersikap egois dan "
            "tetap menjunjung tinggi etika yang ada dalam memperoleh materi pembaharuan",
            "Memiliki jiwa kreativitas dalam bekerja",
            "Mengambil tindakan konstruktif dan mengembangkan ide baru untuk memperbaiki situasi kerja yang "
            "menantang dan kurang kondusif",
        ],
        "situasi": [
            "ketika melaksanakan tugas dalam pekerjaannya",
            "ketika bekerja di dalam kelompok",
            "ketika beradaptasi dengan menggunakan teknologi digital",
        ],
    },
    {
        "kode": "AKUNTABEL_MEDIASI",
        "nama": "Akuntabel",
        "definisi": "Sikap dan komitmen organisasi dalam memenuhi target-target kinerja yang telah ditetapkan dan "
        "dapat mempertanggungjawabkan seluruh sumber daya yang dipergunakan.",
        "indikator": [
            "Memenuhi target kinerja yang telah ditetapkan",
            "Mempertanggungjawabkan hasil kerja dan seluruh sumber daya yang telah dipergunakan secara andal dan "
            "terbuka",
            "Siap memberikan pertanggungjawaban secara terbuka kepada para pihak yang berkepentingan",
        ],
        "situasi": [
            "ketika melaksanakan tugas dalam pekerjaannya",
            "ketika bekerja di dalam kelompok",
            "ketika dituntut untuk melaksanakan tugas dengan kualitas terbaik",
        ],
    },
    {
        "kode": "PROFESIONALISME",
        "nama": "Profesionalisme",
        "definisi": "Sikap dan perilaku organisasi dalam memenuhi tuntutan kompetensi, komitmen dan prestasi pada "
        "pekerjaannya.",
        "indikator": [
            "Memiliki tanggungjawab terhadap pekerjaannya",
            "Mempunyai komitmen yang tinggi dalam melakukan pekerjaan",
            "Melakukan kerjasama dengan berbagai pihak untuk kesempurnaan hasil pelaksanaan tugas",
            "Bekerja secara cermat, tepat dan cepat",
            "Bertindak secara efektif dan efisien",
        ],
        "situasi": [
            "ketika melaksanakan tugas dalam pekerjaannya",
            "ketika bekerja didalam kelompok",
            "ketika dituntut untuk mengembangkan jaringan kerjasama",
        ],
    },
]

BERAKHLAK = [
    {
        "kode": "BERORIENTASI_PELAYANAN",
        "nama": "Berorientasi Pelayanan",
        "perilaku": [
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ],
    },
    {
        "kode": "AKUNTABEL",
        "nama": "Akuntabel",
        "perilaku": [
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik Negara secara bertanggung jawab, efektif dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ],
    },
    {
        "kode": "KOMPETEN",
        "nama": "Kompeten",
        "perilaku": [
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ],
    },
    {
        "kode": "HARMONIS",
        "nama": "Harmonis",
        "perilaku": [
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ],
    },
    {
        "kode": "LOYAL",
        "nama": "Loyal",
        "perilaku": [
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, NKRI "
            "serta Pemerintah yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan Negara",
        ],
    },
    {
        "kode": "ADAPTIF",
        "nama": "Adaptif",
        "perilaku": [
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Berpikir proaktif",
        ],
    },
    {
        "kode": "KOLABORATIF",
        "nama": "Kolaboratif",
        "perilaku": [
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan Bersama",
        ],
    },
]


def load_katalog(Nilai) -> None:  # noqa: N803 (a historical model class in migrations)
    for sistem, rows in (("MEDIASI", MEDIASI), ("BERAKHLAK", BERAKHLAK)):
        for urutan, row in enumerate(rows, start=1):
            defaults = {
                "sistem": sistem,
                "nama": row["nama"],
                "urutan": urutan,
                "definisi": row.get("definisi", ""),
                "indikator": row.get("indikator", []),
                "situasi": row.get("situasi", []),
                "perilaku": row.get("perilaku", []),
            }
            Nilai.objects.update_or_create(kode=row["kode"], defaults=defaults)

