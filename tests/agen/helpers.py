"""Arrange helpers for agen tests: a round of PD X, nominations in any state, an SK."""

import datetime

from django.utils import timezone

from apps.agen import services
from apps.agen.models import Nominasi, Penetapan, PutaranRekrutmen, RiwayatNominasi, RubrikItem, SuratKeputusan
from apps.agen.workflow import Status

ALASAN = {
    "c": "Selalu tuntas",
    "d": "Tidak pernah terlambat",
    "e": "Menggerakkan rekan",
    "f": "Membuat aplikasi antrean",
}


def putaran(world, pd=None) -> PutaranRekrutmen:
    today = timezone.localdate()
    pd = pd or world.pd_x
    obj, _ = PutaranRekrutmen.objects.get_or_create(
        perangkat_daerah=pd,
        tahun=today.year,
        defaults={"dibuka": datetime.date(today.year, 1, 1), "ditutup": datetime.date(today.year, 12, 31)},
    )
    return obj


def sk(world, nomor="800/01/PDX/2026", pd=None, masa_mulai=None, masa_selesai=None) -> SuratKeputusan:
    today = timezone.localdate()
    return SuratKeputusan.objects.create(
        perangkat_daerah=pd or world.pd_x,
        nomor=nomor,
        tanggal=today,
        masa_mulai=masa_mulai or today,
        masa_selesai=masa_selesai or today + datetime.timedelta(days=365),
        penandatangan=world.kepala,
        dibuat_oleh=world.kepala.user,
    )


def nominasi(world, status: str = Status.PENELAAHAN, pegawai=None, pengusul=None, pd=None) -> Nominasi:
    """A nomination placed directly in `status` (arrangement only; the workflow itself is under test elsewhere)."""
    pegawai = pegawai or world.asn
    n = Nominasi.objects.create(
        putaran=putaran(world, pd or pegawai.unit_kerja.perangkat_daerah),
        pegawai=pegawai,
        unit_kerja=pegawai.unit_kerja,
        pengusul=pengusul or world.pimpinan.user,
        mekanisme=Nominasi.Mekanisme.MUSYAWARAH,
        alasan_c=ALASAN["c"],
        alasan_d=ALASAN["d"],
        alasan_e=ALASAN["e"],
        alasan_f=ALASAN["f"],
        status=status,
    )
    RiwayatNominasi.objects.create(nominasi=n, aksi="usulkan", ke_status=status, oleh=n.pengusul)
    if status in (Status.DITETAPKAN, Status.DICABUT):
        penetapan = Penetapan.objects.create(
            nominasi=n,
            surat_keputusan=sk(world, nomor=f"800/{n.pk}/SK"),
            pegawai=pegawai,
            peran=["KATALIS"],
            tugas="Tugas",
            dicabut_pada=timezone.now() if status == Status.DICABUT else None,
        )
        services.peran_agen_selaraskan(penetapan)  # the role fact, as the service writes it
    return n


def skor_penuh(nilai: int = 4) -> dict[int, int]:
    return {item.pk: nilai for item in RubrikItem.objects.filter(aktif=True)}
