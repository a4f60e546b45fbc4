"""factory_boy factories for the registry and accounts."""

import datetime
import itertools

import factory

from apps.akun.models import Peran, User
from apps.organisasi.models import Golongan, Pegawai, PemberitahuanDiterima, PerangkatDaerah, UnitKerja

_seq = itertools.count(1)


def valid_nip(jenis: str = "PNS", n: int | None = None, tahun: int = 2005) -> str:
    """A valid NIP, distinct for every n below 10,950 (the birth date is 1960-01-01 + n days).

    `tahun` is the appointment year: each source of test pegawai uses its own, so their NIPs never meet.
    """
    n = n or next(_seq)
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=n % 10950)
    middle = f"{tahun}{(n % 12) + 1:02d}" if jenis == "PNS" else f"{max(tahun, 2019)}2{(n % 9) + 1}"
    return f"{born:%Y%m%d}{middle}{(n % 2) + 1}{(n % 999) + 1:03d}"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("rahasia-uji-123")

    @factory.post_generation
    def pdp(self, create, extracted, **kwargs) -> None:
        """The privacy notice already acknowledged (it comes before the first Formulir 1), unless pdp=False."""
        if create and extracted is not False:
            PemberitahuanDiterima.objects.get_or_create(user=self, versi=PemberitahuanDiterima.VERSI)


class PerangkatDaerahFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerangkatDaerah

    kode = factory.Sequence(lambda n: f"PD{n:03d}")
    nama = factory.Sequence(lambda n: f"Dinas Uji {n}")
    jenis = PerangkatDaerah.Jenis.DINAS


class UnitKerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitKerja

    kode = factory.Sequence(lambda n: f"UK{n:04d}")
    nama = factory.Sequence(lambda n: f"Bidang Uji {n}")
    perangkat_daerah = factory.SubFactory(PerangkatDaerahFactory)
    induk = None


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai

    nip = factory.Sequence(lambda n: valid_nip("PNS", n + 1, tahun=2006))
    nama = factory.Sequence(lambda n: f"Pegawai Uji {n}")
    jenis_asn = "PNS"
    golongan = factory.LazyFunction(lambda: Golongan.objects.get(jenis_asn="PNS", kode="III/a"))
    jabatan = "Analis"
    unit_kerja = factory.SubFactory(UnitKerjaFactory)
    user = factory.SubFactory(UserFactory, username=factory.SelfAttribute("..nip"))


class PeranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Peran

    user = factory.SubFactory(UserFactory)
    jenis = Peran.Jenis.TIM_MONEV
    mulai = datetime.date(2024, 1, 1)
