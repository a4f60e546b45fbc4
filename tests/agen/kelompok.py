"""Arrange helpers for Kelompok Agen: active agents of PD X and a group of two of them."""

from apps.agen import services
from apps.agen.models import KelompokAgen, Penetapan
from apps.agen.workflow import Status

from . import helpers


def agen_aktif(world, pegawai) -> Penetapan:
    """`pegawai` as an active agent of their PD (the same appointment when called again)."""
    ada = Penetapan.objects.filter(pegawai=pegawai).first()
    return ada or helpers.nominasi(world, Status.DITETAPKAN, pegawai=pegawai).penetapan


def kelompok(world, nama="Kelompok Pelayanan Prima") -> KelompokAgen:
    """A group of PD X with asn_a1 and asn_b as members, formed by the Kepala PD."""
    anggota = [agen_aktif(world, world.asn_a1), agen_aktif(world, world.asn_b)]
    return services.kelompok_agen_bentuk(world.pd_x, nama=nama, anggota=anggota, aktor=world.kepala.user)
