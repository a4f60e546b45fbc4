"""Demo of the Forum Agen Perubahan and a Kelompok Agen in BKPSDM (idempotent, deterministic).

A Kelompok Agen of three active BKPSDM agents (formed by the demo `kepala`, listed in their SK), one meeting of
the BKPSDM forum recorded by the demo `kbk`, and two praktik baik entries. Runs after `apps.agen.demo`; when no
three agents are active on the day the demo is loaded, it adds nothing. `ctx.refs["kelompok_demo"]` is the group.
"""

import datetime

from apps.agen import services as agen_services
from apps.agen.models import KelompokAgen, Penetapan, SuratKeputusan
from apps.common.demo import DemoContext
from apps.nilai.demo import nilai_demo

from . import services
from .models import Pertemuan, PraktikBaik
from .selectors import Forum

NAMA_KELOMPOK = "Kelompok Agen Layanan Kepegawaian"
TOPIK = "Berbagi pengalaman: layanan kepegawaian tanpa antre"
PRAKTIK = [
    {
        "judul": "Konsultasi kenaikan pangkat lewat janji temu daring",
        "nilai": ["LOKAL:1", "BERORIENTASI_PELAYANAN"],
        "yang_dilakukan": "ASN memesan jam konsultasi kenaikan pangkat lewat formulir daring; berkas diperiksa "
        "sehari sebelumnya sehingga saat bertemu tinggal menandatangani.",
        "hasil": "Antrean di loket BKPSDM turun dari rata-rata 35 menjadi 8 orang per hari dalam tiga bulan.",
    },
    {
        "judul": "Apel pagi bergilir dengan satu pesan nilai",
        "nilai": ["LOKAL:2", "AKUNTABEL"],
        "yang_dilakukan": "Setiap Senin seorang agen memimpin apel dan menyampaikan satu contoh penerapan nilai "
        "{nilai_organisasi} dari pekerjaannya minggu sebelumnya.",
        "hasil": "Kehadiran apel naik dari 78 % menjadi 95 %; tiga bidang lain meminta jadwal bergilir yang sama.",
    },
]


def seed(ctx: DemoContext) -> None:
    pd = ctx.refs["pd_demo"]
    kepala, kbk = ctx.refs["user:kepala"], ctx.refs["user:kbk"]
    agen = list(
        Penetapan.objects.aktif()
        .filter(surat_keputusan__perangkat_daerah=pd)
        .select_related("pegawai", "surat_keputusan")
        .order_by("pegawai__nip")[:3]
    )
    if len(agen) < 3:
        return
    kelompok = KelompokAgen.objects.aktif().filter(perangkat_daerah=pd, nama=NAMA_KELOMPOK).first()
    if kelompok is None:
        # Listed in the PD's konsep SK: an issued SK never changes (docs/keputusan.md, «Dokumen terbit»).
        konsep = SuratKeputusan.objects.filter(
            perangkat_daerah=pd, ditetapkan_pada__isnull=True, jenis=SuratKeputusan.Jenis.PERUBAHAN
        ).first()
        kelompok = agen_services.kelompok_agen_bentuk(
            pd, nama=NAMA_KELOMPOK, anggota=agen, surat_keputusan=konsep, aktor=kepala
        )
    ctx.refs["kelompok_demo"] = kelompok
    forum = Forum(pd)
    if not Pertemuan.objects.filter(perangkat_daerah=pd, topik=TOPIK).exists():
        mulai = max(a.surat_keputusan.masa_mulai for a in agen)
        services.pertemuan_catat(
            forum,
            tanggal=max(mulai, datetime.date(2026, 10, 15)),
            topik=TOPIK,
            fasilitator="Anggota KBK BKPSDM",
            peserta=agen,
            catatan="1. Setiap agen menceritakan satu perubahan di unitnya sejak penetapan.\n"
            "2. Masalah: berkas kenaikan pangkat sering kurang lengkap saat diserahkan.\n"
            "3. Kesepakatan: daftar periksa berkas dibagikan lewat grup unit; janji temu daring dicoba di "
            "Bidang Mutasi dan Promosi.\n"
            "4. Tindak lanjut: hasilnya dibahas pada pertemuan berikutnya.",
            aktor=kbk,
        )
    for i, data in enumerate(PRAKTIK):
        if PraktikBaik.objects.filter(perangkat_daerah=pd, judul=data["judul"]).exists():
            continue
        services.praktik_baik_tulis(
            forum,
            judul=data["judul"],
            nilai=nilai_demo(data["nilai"]),
            yang_dilakukan=data["yang_dilakukan"].format(nilai_organisasi=ctx.istilah("nilai_organisasi")),
            hasil=data["hasil"],
            kontak=agen[i % len(agen)],
            aktor=kbk,
        )
