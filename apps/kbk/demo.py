"""Demo KBK of BKPSDM, fitting Tabel 3.1 (kepala as Program Sponsorship, kbk, the Sekretaris, as Advisor), and the
Tim Monev (monev as Ketua; sekda as Pengarah)."""

import datetime

from apps.common.demo import DemoContext
from apps.organisasi.models import Pegawai

from . import services
from .models import AnggotaKBK, AnggotaTimMonev, KelompokBudayaKerja, PeranKBK, TimMonev

MULAI = datetime.date(2025, 1, 2)
# Tabel 3.1 role -> unit (kode suffix) whose first pegawai (by NIP) takes it, and the post they hold (the official
# Tabel 3.1 names for the role); the demo logins are set apart.
ANGGOTA_LAIN = [
    ("PROGRAM", ".03", "Kepala Bidang Mutasi dan Promosi"),
    ("PROJECT", ".04", "Kepala Bidang Pengadaan, Pemberhentian dan Informasi"),
    ("DESIGN", ".01.01", "Kepala Sub Bagian Umum dan Kepegawaian"),
    ("CHANGE", ".03", "Analis SDM Aparatur Ahli Muda"),
    ("QA", ".01", "Perencana Ahli Muda"),
]


def seed(ctx: DemoContext) -> None:
    pd = ctx.refs["pd_demo"]
    kepala = ctx.refs["pegawai:kepala"]
    kbk, _ = KelompokBudayaKerja.objects.get_or_create(
        perangkat_daerah=pd, defaults={"nomor_sk": "800.1.2/003/BKPSDM/2025", "tanggal_sk": MULAI}
    )
    if not AnggotaKBK.objects.filter(kbk=kbk).exists():
        peran = {p.kode: p for p in PeranKBK.objects.all()}
        aktor = ctx.refs["user:kepala"]
        services.anggota_kbk_tambah(pd, pegawai=kepala, peran=peran["SPONSOR"], aktor=aktor, mulai=MULAI)
        services.anggota_kbk_tambah(
            pd, pegawai=ctx.refs["pegawai:kbk"], peran=peran["ADVISOR"], aktor=aktor, mulai=MULAI
        )
        demo_ids = [ctx.refs[f"pegawai:{u}"].pk for u in ("kepala", "kbk", "unit", "asn")]
        taken = set(demo_ids)
        for kode, suffix, jabatan in ANGGOTA_LAIN:
            pegawai = (
                Pegawai.objects.filter(unit_kerja__kode=f"{pd.kode}{suffix}", aktif=True)
                .exclude(pk__in=taken)
                .order_by("nip")
                .first()
            )
            if pegawai is not None:
                taken.add(pegawai.pk)
                Pegawai.objects.filter(pk=pegawai.pk).update(jabatan=jabatan)
                pegawai.jabatan = jabatan
                services.anggota_kbk_tambah(pd, pegawai=pegawai, peran=peran[kode], aktor=aktor, mulai=MULAI)
    tim, _ = TimMonev.objects.get_or_create(
        nomor_keputusan="100.3.3.2/KEP/045/2025",
        defaults={"tanggal_keputusan": datetime.date(2025, 1, 15)},
    )
    J = AnggotaTimMonev.Jabatan
    for urutan, (username, jabatan) in enumerate([("sekda", J.PENGARAH), ("monev", J.KETUA)], start=1):
        AnggotaTimMonev.objects.get_or_create(
            tim=tim, pegawai=ctx.refs[f"pegawai:{username}"], defaults={"jabatan": jabatan, "urutan": urutan}
        )
    services.tim_monev_sinkronkan_peran(tim)
