"""What a user may see: the one place that turns role memberships into querysets (SPEC 2).

Every view that looks up an object of the registry (and, through these helpers, of the other apps)
starts from these functions, so a new view cannot forget a scope. An object outside the scope is a 404.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from apps.organisasi.models import Pegawai, PerangkatDaerah, UnitKerja

from .models import Peran


@dataclass(frozen=True)
class Lingkup:
    """The active roles of one user, resolved once per request."""

    user_id: int | None
    pegawai: Pegawai | None = None
    kepala_pd_ids: frozenset[int] = frozenset()
    kbk_pd_ids: frozenset[int] = frozenset()
    pimpinan_unit_paths: tuple[str, ...] = ()
    pimpinan_unit_ids: frozenset[int] = frozenset()
    monev: bool = False
    sekda: bool = False
    admin: bool = False
    peran: tuple[Peran, ...] = field(default_factory=tuple)

    @property
    def kabupaten(self) -> bool:
        """Reads every aggregate of the kabupaten (Tim Monev, Sekda, admin)."""
        return self.monev or self.sekda or self.admin

    @property
    def is_asn(self) -> bool:
        return self.pegawai is not None

    @property
    def is_pimpinan_unit(self) -> bool:
        return bool(self.pimpinan_unit_ids)

    @property
    def pd_ids(self) -> frozenset[int]:
        """PDs of which this user sees the whole (Kepala PD, KBK member)."""
        return self.kepala_pd_ids | self.kbk_pd_ids

    # --- notifikasi (reminders to fill Formulir 1) ---
    def boleh_ingatkan_unit(self, unit: UnitKerja) -> bool:
        """Remind a unit (and its sub-units): its head or one above, the Kepala PD of its PD, Tim Monev."""
        return (
            self.monev
            or unit.perangkat_daerah_id in self.kepala_pd_ids
            or any(unit.path.startswith(p) for p in self.pimpinan_unit_paths)
        )

    def boleh_ingatkan_pd(self, pd_id: int) -> bool:
        """Remind a whole PD: its Kepala PD, Tim Monev."""
        return self.monev or pd_id in self.kepala_pd_ids

    @property
    def boleh_ingatkan_apa_pun(self) -> bool:
        return self.monev or bool(self.kepala_pd_ids) or self.is_pimpinan_unit

    def unit_q(self, prefix: str = "") -> Q:
        """A Q on a UnitKerja (reached through `prefix`) for the units in this user's pimpinan subtrees."""
        q = Q(pk__in=[])
        for path in self.pimpinan_unit_paths:
            q |= Q(**{f"{prefix}path__startswith": path})
        return q


ANONIM = Lingkup(user_id=None)


def lingkup(user) -> Lingkup:
    """Resolve (and cache on the user object) the user's active roles."""
    if user is None or not user.is_authenticated:
        return ANONIM
    cached = getattr(user, "_lingkup_cache", None)
    if cached is not None:
        return cached
    peran = tuple(Peran.objects.aktif().filter(user=user).select_related("perangkat_daerah", "unit_kerja"))
    pegawai = Pegawai.objects.filter(user=user).select_related("unit_kerja__perangkat_daerah", "golongan").first()
    result = Lingkup(
        user_id=user.pk,
        pegawai=pegawai,
        kepala_pd_ids=frozenset(p.perangkat_daerah_id for p in peran if p.jenis == Peran.Jenis.KEPALA_PD),
        kbk_pd_ids=frozenset(p.perangkat_daerah_id for p in peran if p.jenis == Peran.Jenis.ANGGOTA_KBK),
        pimpinan_unit_paths=tuple(p.unit_kerja.path for p in peran if p.jenis == Peran.Jenis.PIMPINAN_UNIT),
        pimpinan_unit_ids=frozenset(p.unit_kerja_id for p in peran if p.jenis == Peran.Jenis.PIMPINAN_UNIT),
        monev=any(p.jenis == Peran.Jenis.TIM_MONEV for p in peran),
        sekda=any(p.jenis == Peran.Jenis.SEKDA for p in peran),
        admin=user.is_superuser or any(p.jenis == Peran.Jenis.ADMIN for p in peran),
        peran=peran,
    )
    user._lingkup_cache = result
    return result


def perangkat_daerah_for_user(user) -> QuerySet[PerangkatDaerah]:
    """PDs whose registry data the user may read as a whole or in part."""
    scope = lingkup(user)
    qs = PerangkatDaerah.objects.all()
    if scope.kabupaten:
        return qs
    pd_ids = set(scope.pd_ids)
    if scope.pimpinan_unit_paths:
        pd_ids |= set(UnitKerja.objects.filter(scope.unit_q()).values_list("perangkat_daerah_id", flat=True))
    return qs.filter(pk__in=pd_ids)


def unit_kerja_for_user(user) -> QuerySet[UnitKerja]:
    """Units the user may see: all (kabupaten roles), their PD (Kepala PD, KBK), their subtree (pimpinan)."""
    scope = lingkup(user)
    qs = UnitKerja.objects.select_related("perangkat_daerah")
    if scope.kabupaten:
        return qs
    return qs.filter(Q(perangkat_daerah_id__in=scope.pd_ids) | scope.unit_q())


def pegawai_for_user(user) -> QuerySet[Pegawai]:
    """Pegawai records the user may see: themselves, plus those of the units and PDs they lead."""
    scope = lingkup(user)
    qs = Pegawai.objects.select_related("unit_kerja__perangkat_daerah", "golongan")
    if scope.kabupaten:
        return qs
    q = Q(unit_kerja__perangkat_daerah_id__in=scope.pd_ids) | scope.unit_q("unit_kerja__")
    if scope.pegawai is not None:
        q |= Q(pk=scope.pegawai.pk)
    return qs.filter(q)


def boleh_cetak_kode_aktivasi(user) -> bool:
    """Admin (any unit) and Kepala PD (units of their PD) print activation code sheets (SPEC 3)."""
    scope = lingkup(user)
    return scope.admin or bool(scope.kepala_pd_ids)


def unit_kerja_for_kode_aktivasi(user) -> QuerySet[UnitKerja]:
    """Units whose activation codes the user may print: all for the admin, their own PD for a Kepala PD."""
    scope = lingkup(user)
    qs = UnitKerja.objects.select_related("perangkat_daerah").filter(aktif=True)
    if scope.admin:
        return qs
    return qs.filter(perangkat_daerah_id__in=scope.kepala_pd_ids)
