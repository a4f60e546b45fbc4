"""Demo agen perubahan in BKPSDM: the 2026 round with nominations in every state, appointed agents, SKs.

Every state change goes through services.nominasi_transisi with the demo logins unit, kbk and kepala (and the
nominees, whose accounts have no usable password). The demo `asn` is never nominated (the browser test does).
"""

import datetime

from django.utils import timezone

from apps.akun.models import Peran, User
from apps.common.demo import DemoContext
from apps.organisasi.models import Pegawai

from . import services
from .models import Pembinaan, Penetapan, Penghargaan, PutaranRekrutmen, RubrikItem
from .workflow import Aksi, Status

A, S = Aksi, Status
TAHUN = 2026
ALASAN = {
    "c": "Menyelesaikan seluruh tugas tepat waktu dan melaporkannya tanpa diminta.",
    "d": "Tidak pernah terlambat apel; menjadi contoh kepatuhan kode etik di bidang.",
    "e": "Mengajak rekan menerapkan nilai {nilai_organisasi} dan BerAKHLAK dalam pelayanan.",
    "f": "Mengusulkan dan menjalankan layanan konsultasi kepegawaian daring.",
}
# (target state, steps after the nomination: (action, actor, note)); actors: unit head "pengusul", "calon",
# "kbk", "kepala".
JALUR = {
    S.MENUNGGU_KOMITMEN: [],
    S.PENELAAHAN: [(A.KONFIRMASI, "calon", "Saya bersedia.")],
    S.KLARIFIKASI_PENGUSUL: [
        (A.KONFIRMASI, "calon", "Saya bersedia."),
        (A.MINTA_KLARIFIKASI_PENGUSUL, "kbk", "Mohon lampirkan notulen musyawarah bidang."),
    ],
    S.KLARIFIKASI_CALON: [
        (A.KONFIRMASI, "calon", ""),
        (A.MINTA_KLARIFIKASI_CALON, "kbk", "Apakah Anda bersedia menyusun rencana tindak setiap semester?"),
    ],
    S.ASSESSMENT: [
        (A.KONFIRMASI, "calon", ""),
        (A.MINTA_KLARIFIKASI_PENGUSUL, "kbk", "Siapa saja peserta musyawarah?"),
        (A.JAWAB_KLARIFIKASI, "pengusul", "Seluruh pejabat fungsional bidang, 12 orang."),
        (A.LANJUTKAN, "kbk", "Kriteria terpenuhi."),
    ],
    S.DIREKOMENDASIKAN: [
        (A.KONFIRMASI, "calon", ""),
        (A.LANJUTKAN, "kbk", ""),
        (A.REKOMENDASIKAN, "kbk", "Komunikatif dan inovatif."),
    ],
    S.TIDAK_DIREKOMENDASIKAN: [
        (A.KONFIRMASI, "calon", ""),
        (A.LANJUTKAN, "kbk", ""),
        (A.TIDAK_REKOMENDASIKAN, "kbk", "Belum menunjukkan inisiatif perubahan."),
    ],
    S.DITOLAK: [(A.KONFIRMASI, "calon", ""), (A.TOLAK, "kbk", "Baru enam bulan di unit ini.")],
    S.MENOLAK: [(A.TOLAK_KOMITMEN, "calon", "Sedang tugas belajar tahun ini.")],
    S.DIBATALKAN: [(A.BATALKAN, "pengusul", "Calon dimutasi ke bidang lain.")],
}
SAMPAI_DITETAPKAN = JALUR[S.DIREKOMENDASIKAN]
# (unit kode suffix, list of targets); "SK1" / "SK_LAMA" appoint under that SK, "CABUT" appoints then revokes.
RENCANA = [
    (
        ".02",
        [
            S.MENUNGGU_KOMITMEN,
            S.PENELAAHAN,
            S.KLARIFIKASI_PENGUSUL,
            S.KLARIFIKASI_CALON,
            S.ASSESSMENT,
        ],
    ),
    (".03", [S.TIDAK_DIREKOMENDASIKAN, S.DITOLAK, S.MENOLAK, S.DIBATALKAN, "CABUT", "SK1"]),
    (".04", [S.DIREKOMENDASIKAN, "SK_LAMA", "SK1", S.DIREKOMENDASIKAN, "SK1", "SK1"]),
]
# Some ASN of the demo unit keep no account, so the activation-code sheet of that unit has rows to print.
PERAN = [["KATALIS", "PENGGERAK"], ["PEMBERI_SOLUSI"], ["MEDIATOR", "PENGHUBUNG"], ["PENGGERAK"], ["KATALIS"]]


def _akun(pegawai: Pegawai) -> User:
    """An account without a usable password for a seeded pegawai who must act in the demo workflow."""
    if pegawai.user_id is None:
        user = User(username=pegawai.nip, first_name=pegawai.nama)
        user.set_unusable_password()
        user.save()
        pegawai.user = user
        pegawai.save(update_fields=["user"])
    return pegawai.user


def _pimpinan(pd, kode: str, ctx: DemoContext, taken: set[int]) -> tuple[User, list[Pegawai]]:
    """The head of unit `kode` (the demo `unit` login for its own unit) and the other ASN of that unit."""
    pegawai = list(Pegawai.objects.filter(unit_kerja__kode=kode, aktif=True).order_by("nip"))
    demo = {ctx.refs[f"pegawai:{u}"].pk for u in ("kepala", "kbk", "unit", "asn")}
    if ctx.refs["pegawai:unit"].unit_kerja.kode == kode:
        head_user = ctx.refs["user:unit"]
        others = [p for p in pegawai if p.pk not in demo]
    else:
        head = next(p for p in pegawai if p.pk not in demo)
        head_user = _akun(head)
        Peran.objects.get_or_create(
            user=head_user,
            jenis=Peran.Jenis.PIMPINAN_UNIT,
            unit_kerja=head.unit_kerja,
            defaults={"mulai": datetime.date(2025, 1, 2)},
        )
        others = [p for p in pegawai if p.pk not in demo and p.pk != head.pk]
    return head_user, [p for p in others if p.pk not in taken and p.sanksi_aktif() is None]


def seed(ctx: DemoContext) -> None:
    pd = ctx.refs["pd_demo"]
    today = timezone.localdate()
    putaran, _ = PutaranRekrutmen.objects.get_or_create(
        perangkat_daerah=pd,
        tahun=TAHUN,
        defaults={
            "dibuka": datetime.date(TAHUN, 1, 5),
            # Stays open on the day the demo is first loaded, so the demo can always nominate.
            "ditutup": max(datetime.date(TAHUN, 12, 31), today),
            "dibuat_oleh": ctx.refs["user:kepala"],
        },
    )
    if putaran.nominasi.exists():
        return
    kepala, kbk = ctx.refs["user:kepala"], ctx.refs["user:kbk"]
    sk1 = services.surat_keputusan_buat(
        pd,
        nomor="800.1.2/012/BKPSDM/2026",
        tanggal=datetime.date(2026, 3, 2),
        masa_mulai=datetime.date(2026, 3, 2),
        masa_selesai=datetime.date(2027, 3, 1),
        aktor=kepala,
    )
    sk_lama = services.surat_keputusan_buat(
        pd,
        nomor="800.1.2/045/BKPSDM/2025",
        tanggal=datetime.date(2025, 11, 20),
        masa_mulai=datetime.date(2025, 12, 1),
        masa_selesai=datetime.date(2026, 10, 31),
        aktor=kepala,
    )
    sk = {"SK1": sk1, "SK_LAMA": sk_lama, "CABUT": sk1}
    taken: set[int] = set()
    dicabut = []
    n_agen = 0
    for suffix, targets in RENCANA:
        pengusul, calon_list = _pimpinan(pd, f"{pd.kode}{suffix}", ctx, taken)
        for target, pegawai in zip(targets, calon_list, strict=False):
            taken.add(pegawai.pk)
            mekanisme = "MUSYAWARAH" if ctx.rng.random() < 0.5 else "PENILAIAN_PIMPINAN"
            nominasi = services.nominasi_usulkan(
                putaran,
                pegawai=pegawai,
                aktor=pengusul,
                mekanisme=mekanisme,
                alasan={k: v.format(nilai_organisasi=ctx.istilah("nilai_organisasi")) for k, v in ALASAN.items()},
            )
            steps = JALUR[target] if target in JALUR else SAMPAI_DITETAPKAN
            # The nominee gets an account (no usable password) only when they must act in the demo.
            calon = _akun(pegawai) if any(who == "calon" for _a, who, _n in steps) else None
            actors = {"pengusul": pengusul, "calon": calon, "kbk": kbk, "kepala": kepala}
            for aksi, who, note in steps:
                data = {}
                if aksi in (A.REKOMENDASIKAN, A.TIDAK_REKOMENDASIKAN):
                    data["skor"] = {i.pk: ctx.rng.randint(3, 5) for i in RubrikItem.objects.filter(aktif=True)}
                services.nominasi_transisi(nominasi, aksi=aksi, aktor=actors[who], catatan=note, **data)
            if target in sk:
                services.nominasi_transisi(
                    nominasi,
                    aksi=A.TETAPKAN,
                    aktor=kepala,
                    catatan="",
                    # An SK whose term has ended cannot carry a new appointment today: the demo appoints under the
                    # current SK and then files the agent under the old one, as if appointed while it ran.
                    surat_keputusan=sk1,
                    peran=PERAN[n_agen % len(PERAN)],
                    tugas="Menyusun dan melaksanakan rencana tindak perubahan di unit kerjanya; "
                    "melaporkan pelaksanaannya setiap triwulan kepada Kepala BKPSDM.",
                )
                n_agen += 1
                if sk[target] != sk1:
                    Penetapan.objects.filter(nominasi=nominasi).update(surat_keputusan=sk[target])
                    services.peran_agen_selaraskan(Penetapan.objects.get(nominasi=nominasi))
                penetapan = nominasi.penetapan
                if target == "SK1" and n_agen % 2 == 1:
                    Pembinaan.objects.create(
                        penetapan=penetapan,
                        topik=Pembinaan.Topik.MANAJEMEN_PERUBAHAN,
                        bentuk=Pembinaan.Bentuk.WORKSHOP,
                        judul="Workshop manajemen perubahan bagi agen perubahan",
                        tanggal=datetime.date(2026, 5, 12),
                        penyelenggara=f"BKPSDM {ctx.paket['instansi']['wilayah']}",
                        dicatat_oleh=kbk,
                    )
                    Penghargaan.objects.create(
                        penetapan=penetapan,
                        jenis=Penghargaan.Jenis.STUDI_BANDING,
                        uraian=ctx.paket["demo"]["teks"]["studi_banding"],
                        tanggal=datetime.date(2026, 8, 20),
                        dicatat_oleh=kepala,
                    )
            if target == "CABUT":
                dicabut.append(nominasi)
    # The SKs are issued once their agents are listed; a revocation is its own decree citing SK 012
    # (docs/keputusan.md, «Dokumen terbit»).
    services.surat_keputusan_tetapkan(sk_lama, aktor=kepala)
    sk1 = services.surat_keputusan_tetapkan(sk1, aktor=kepala)  # the issued copy: the amending SK cites it
    # A konsep SK, not yet issued: the next appointments (and a group listed in an SK) go into it.
    services.surat_keputusan_buat(
        pd,
        nomor="800.1.2/130/BKPSDM/2026",
        tanggal=datetime.date(2026, 12, 1),
        masa_mulai=sk1.masa_mulai,
        masa_selesai=sk1.masa_selesai,
        aktor=kepala,
        merujuk=sk1,
    )
    for i, nominasi in enumerate(dicabut, start=1):
        services.nominasi_transisi(
            nominasi,
            aksi=A.CABUT,
            aktor=kepala,
            catatan="Dijatuhi hukuman disiplin ringan.",
            nomor_sk=f"800.1.2/{100 + i:03d}/BKPSDM/2026",
            tanggal_sk=datetime.date(2026, 9, 1),
        )
