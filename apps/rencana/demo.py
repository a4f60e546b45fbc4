"""Demo rencana tindak in BKPSDM (README "Login demo"): the login `agen` (an appointed agent with an
approved plan, one report sent and acknowledged, one report due, one problem answered and one open), plans in
every state, a group plan of the Kelompok Agen that apps.forum.demo forms. Every state change goes through
apps.rencana.services.

Deterministic: the agents are taken in NIP order; idempotent: nothing is added once `agen` has a plan.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from apps.agen.models import Penetapan
from apps.akun.models import User
from apps.common.demo import DemoContext
from apps.nilai.demo import nilai_demo
from apps.nilai.models import Nilai

from . import fokus, services
from .models import LaporanKemajuan, Permasalahan, RencanaTindak
from .workflow import Status

M = datetime.date
# (nilai codes, sasaran, indikator, target, satuan, kegiatan, waktu (from, to month numbers of 2026), keterangan)
BARIS = [
    (
        ["LOKAL:1", "BERORIENTASI_PELAYANAN"],
        "Layanan kenaikan pangkat diselesaikan tepat waktu tanpa berkas kembali",
        "Persentase usulan kenaikan pangkat selesai dalam 5 hari kerja",
        "80",
        "%",
        "Menyusun daftar periksa berkas kenaikan pangkat\nMembuat papan pantau layanan harian",
        (7, 12),
        "Fokus hasil Formulir 1 2025",
    ),
    (
        ["LOKAL:2", "AKUNTABEL"],
        "Apel pagi dan laporan harian bidang menjadi kebiasaan seluruh pegawai",
        "Jumlah pegawai bidang yang mengisi laporan harian setiap hari",
        "12",
        "pegawai",
        "Mengingatkan laporan harian pada apel pagi\nMerekap laporan harian setiap Jumat",
        (7, 12),
        "",
    ),
    (
        ["LOKAL:3", "ADAPTIF"],
        "Konsultasi kepegawaian daring tersedia bagi ASN kecamatan",
        "Jumlah sesi konsultasi daring terlaksana",
        "6",
        "kegiatan",
        "Menyiapkan jadwal konsultasi daring\nMengumumkan jadwal ke seluruh kecamatan",
        (9, 12),
        "",
    ),
]


def _data(row, tahun: int = 2026) -> tuple[dict, list[Nilai]]:
    kode, sasaran, indikator, target, satuan, kegiatan, (dari, sampai), ket = row
    nilai = nilai_demo(kode)
    return (
        {
            "sasaran": sasaran,
            "indikator": indikator,
            "target_angka": Decimal(target),
            "target_satuan": satuan,
            "kegiatan": kegiatan,
            "waktu_mulai": M(tahun, dari, 1),
            "waktu_selesai": M(tahun, sampai, 1),
            "keterangan": ket,
            "masuk_skp": ket == "",
            "referensi_skp": "" if ket else "SKP 2026 rencana hasil kerja 3",
        },
        nilai,
    )


def _rencana(penetapan: Penetapan, user, judul: str, baris: list, fokus_list=None, kelompok=None) -> RencanaTindak:
    r = services.rencana_buat(
        aktor=user,
        judul=judul,
        mulai=M(2026, 7, 1),
        selesai=M(2026, 12, 1),
        penetapan=None if kelompok else penetapan,
        kelompok=kelompok,
        fokus=fokus_list or [],
    )
    for row in baris:
        data, nilai = _data(row)
        services.baris_simpan(r, aktor=user, data=data, nilai=nilai)
    return r


def _akun(penetapan: Penetapan) -> User:
    pegawai = penetapan.pegawai
    if pegawai.user_id is None:
        user = User(username=pegawai.nip, first_name=pegawai.nama)
        user.set_unusable_password()
        user.save()
        pegawai.user = user
        pegawai.save(update_fields=["user"])
    return pegawai.user


def seed(ctx: DemoContext) -> None:
    pd = ctx.refs["pd_demo"]
    kepala = ctx.refs["user:kepala"]
    aktif = list(
        Penetapan.objects.aktif(M(2026, 11, 1))
        .filter(surat_keputusan__perangkat_daerah=pd)
        .select_related("pegawai__user", "surat_keputusan", "nominasi__unit_kerja")
        .order_by("pegawai__nip")
    )
    if len(aktif) < 4:
        return
    utama, kedua, ketiga, keempat = aktif[:4]
    user = _akun(utama)
    if user.username != "agen":
        if User.objects.filter(username="agen").exclude(pk=user.pk).exists():
            return
        user.username = "agen"
    user.set_password(ctx.password)
    user.save()
    ctx.logins.append(
        ("agen", "Agen perubahan (rencana tindak)", f"{pd.singkatan or pd.nama} — {utama.nominasi.unit_kerja}")
    )
    if RencanaTindak.objects.filter(penetapan=utama).exists():
        return
    if timezone.localdate() < M(2026, 10, 1):
        return  # the demo's reporting periods need the calendar to have reached Q4 2026

    # agen: an approved plan with focus from Formulir 1 2025, the Q3 report sent and acknowledged, Q4 due.
    periode, titik = fokus.titik_lemah(pd, utama.nominasi.unit_kerja)
    fokus_list = [t.as_fokus(periode.kode) for t in titik[:1] + [t for t in titik if t.jenis == "Butir"][:1]]
    r = _rencana(utama, user, "Layanan kepegawaian tepat waktu dan tertib", BARIS, fokus_list)
    services.rencana_transisi(r, ke=Status.DIAJUKAN, aktor=user)
    services.rencana_transisi(r, ke=Status.DISETUJUI, aktor=kepala, logis=True, frekuensi_laporan="TRIWULAN")
    baris = list(r.baris.all())
    lap = services.laporan_kemajuan_kirim(
        r,
        aktor=user,
        periode_mulai=M(2026, 7, 1),
        isian={
            baris[0].pk: (Decimal("64"), "Daftar periksa dipakai sejak Agustus; 64% usulan selesai 5 hari kerja."),
            baris[1].pk: (Decimal("9"), "Sembilan dari dua belas pegawai rutin mengisi laporan harian."),
            baris[2].pk: (
                Decimal("1"),
                f"Satu sesi konsultasi daring percobaan dengan Kecamatan {ctx.kecamatan()[2][1]}.",
            ),
        },
    )
    # The Q3 report was sent on time (arrangement of the demo's calendar, not a workflow state).
    LaporanKemajuan.objects.filter(pk=lap.pk).update(
        dikirim_pada=timezone.make_aware(datetime.datetime(2026, 9, 29, 10, 0))
    )
    services.laporan_kemajuan_ketahui(lap, aktor=kepala, tanggapan="Baik. Pertahankan papan pantau layanan.")
    dijawab = services.masalah_ajukan(
        r,
        aktor=user,
        kepada=Permasalahan.Kepada.KEPALA_PD,
        uraian="Aplikasi layanan kenaikan pangkat sering tidak dapat diakses pada jam sibuk.",
        usulan_solusi="Mengajukan penambahan kapasitas jaringan kantor melalui Dinas Kominfo.",
    )
    services.masalah_jawab(dijawab, aktor=kepala, arahan="Sekretaris menyurati Dinas Kominfo minggu ini.")
    services.masalah_ajukan(
        r,
        aktor=user,
        kepada=Permasalahan.Kepada.PIMPINAN_UNIT,
        uraian="Sebagian pegawai belum mengisi laporan harian karena bertugas di luar kantor.",
        usulan_solusi="Laporan harian boleh dikirim lewat pesan singkat kepada agen.",
    )

    # kedua: version 1 approved then replaced by an approved version 2 (DIGANTI and DISETUJUI).
    u2 = _akun(kedua)
    r2 = _rencana(kedua, u2, "Apel dan laporan harian yang tertib", BARIS[1:2])
    services.rencana_transisi(r2, ke=Status.DIAJUKAN, aktor=u2)
    services.rencana_transisi(r2, ke=Status.DISETUJUI, aktor=kepala, logis=True)
    v2 = services.rencana_versi_baru(r2, aktor=u2)
    data, nilai = _data(BARIS[2])
    services.baris_simpan(v2, aktor=u2, data=data, nilai=nilai)
    services.rencana_transisi(v2, ke=Status.DIAJUKAN, aktor=u2)
    services.rencana_transisi(v2, ke=Status.DISETUJUI, aktor=kepala, logis=True, frekuensi_laporan="BULANAN")

    # ketiga: submitted, waiting for the Kepala PD.
    u3 = _akun(ketiga)
    r3 = _rencana(ketiga, u3, "Konsultasi kepegawaian daring untuk kecamatan", BARIS[2:3])
    services.rencana_transisi(r3, ke=Status.DIAJUKAN, aktor=u3)

    # keempat: returned with a note, and a second plan still in draft.
    u4 = _akun(keempat)
    r4 = _rencana(keempat, u4, "Arsip kepegawaian tertata", BARIS[:1])
    services.rencana_transisi(r4, ke=Status.DIAJUKAN, aktor=u4)
    services.rencana_transisi(
        r4, ke=Status.DIKEMBALIKAN, aktor=kepala, catatan="Target 80% terlalu tinggi untuk enam bulan; sesuaikan."
    )
    _rencana(keempat, u4, "Budaya senyum, sapa, salam di ruang layanan", [])

    # The Kelompok Agen formed by the forum demo (the first three agents): a group plan, each member wrote a row.
    kelompok = ctx.refs.get("kelompok_demo")
    if kelompok is None or not {utama.pk, kedua.pk} <= set(kelompok.anggota.values_list("pk", flat=True)):
        return
    for u in (user, u2):
        if hasattr(u, "_lingkup_cache"):
            del u._lingkup_cache
    rk = _rencana(utama, user, "Pelayanan prima di ruang layanan terpadu", BARIS[:1], kelompok=kelompok)
    data, nilai = _data(BARIS[1])
    services.baris_simpan(rk, aktor=u2, data=data, nilai=nilai)
    services.rencana_transisi(rk, ke=Status.DIAJUKAN, aktor=u2)
