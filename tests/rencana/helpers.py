"""Arrange helpers for rencana tests: an active agent of PD X, a plan that passes the SMART checks, a plan placed
in any state through the real workflow."""

import datetime
from decimal import Decimal

from django.utils import timezone

from apps.agen.models import Penetapan
from apps.agen.workflow import Status as StatusNominasi
from apps.nilai.models import Nilai
from apps.rencana import services
from apps.rencana.models import RencanaTindak
from apps.rencana.workflow import Status
from tests.agen import helpers as agen_helpers


def bulan(d: datetime.date, tambah: int = 0) -> datetime.date:
    m = d.month - 1 + tambah
    return datetime.date(d.year + m // 12, m % 12 + 1, 1)


def agen(world, pegawai=None) -> Penetapan:
    """An appointment whose term covers today (SK from today for a year)."""
    pegawai = pegawai or world.asn
    return agen_helpers.nominasi(world, StatusNominasi.DITETAPKAN, pegawai=pegawai).penetapan


BARIS_BAIK = {
    "sasaran": "Pelayanan kepegawaian selesai tepat waktu sesuai standar",
    "indikator": "Persentase layanan selesai dalam tiga hari kerja",
    "target_angka": Decimal("80"),
    "target_satuan": "%",
    "kegiatan": "Menyusun daftar periksa layanan\nMembuat papan pantau harian di ruang layanan",
    "keterangan": "",
    "masuk_skp": False,
    "referensi_skp": "",
}


def rencana(world, penetapan=None, *, baris: int = 1, aktor=None, **overrides) -> RencanaTindak:
    """A DRAF plan over the next three months whose rows pass the SMART checks."""
    penetapan = penetapan or agen(world)
    aktor = aktor or penetapan.pegawai.user
    mulai = bulan(timezone.localdate())
    r = services.rencana_buat(
        aktor=aktor, judul="Layanan kepegawaian tepat waktu", mulai=mulai, selesai=bulan(mulai, 2), penetapan=penetapan
    )
    melayani = list(Nilai.objects.filter(kode__in=["MELAYANI", "BERORIENTASI_PELAYANAN"]))
    for i in range(baris):
        data = dict(BARIS_BAIK, waktu_mulai=mulai, waktu_selesai=bulan(mulai, 2))
        data["sasaran"] = f"{data['sasaran']} tahap {i + 1}"
        data["kegiatan"] = f"{data['kegiatan']} tahap {i + 1}"
        data.update(overrides)
        services.baris_simpan(r, aktor=aktor, data=data, nilai=melayani)
    return r


def ke_status(world, r: RencanaTindak, status: str) -> RencanaTindak:
    """Move a plan to `status` through the workflow (kepala approves or returns)."""
    aktor = r.penetapan.pegawai.user if r.penetapan_id else r.dibuat_oleh
    if status == Status.DRAF:
        return r
    services.rencana_transisi(r, ke=Status.DIAJUKAN, aktor=aktor)
    if status == Status.DIKEMBALIKAN:
        services.rencana_transisi(r, ke=Status.DIKEMBALIKAN, aktor=world.kepala.user, catatan="Perjelas indikator.")
    elif status == Status.DISETUJUI:
        services.rencana_transisi(r, ke=Status.DISETUJUI, aktor=world.kepala.user, logis=True)
    r.refresh_from_db()
    return r


def segarkan(user):
    """Drop the cached Lingkup (roles changed in the test)."""
    if hasattr(user, "_lingkup_cache"):
        del user._lingkup_cache
    return user
