"""What a user may see: the one place that turns role memberships into querysets (SPEC 2).

Every view that looks up an object of the registry (and, through these helpers, of the other apps)
starts from these functions, so a new view cannot forget a scope. An object outside the scope is a 404.
"""

from dataclasses import dataclass, field
from functools import cached_property

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

    def unit_q(self, prefix: str = "") -> Q:
        """A Q on a UnitKerja (reached through `prefix`) for the units in this user's pimpinan subtrees."""
        q = Q(pk__in=[])
        for path in self.pimpinan_unit_paths:
            q |= Q(**{f"{prefix}path__startswith": path})
        return q

    # --- agen: kelompok ---
    def boleh_kelola_kelompok_agen(self, pd_id: int) -> bool:
        """The Kepala PD or the PD's KBK forms, edits and disbands the PD's Kelompok Agen
        (Lampiran BAB III 2.2.4-2.2.5: agents work as individuals or groups)."""
        return pd_id in self.kepala_pd_ids or pd_id in self.kbk_pd_ids

    @property
    def boleh_kelola_kelompok_agen_apa_pun(self) -> bool:
        return bool(self.kepala_pd_ids or self.kbk_pd_ids)

    def boleh_cantumkan_kelompok_dalam_sk(self, pd_id: int) -> bool:
        """Only the Kepala PD, who signs the SK (Lampiran BAB III 2.2.2 3)), lists a group in it."""
        return pd_id in self.kepala_pd_ids

    # --- forum ---
    @cached_property
    def agen_aktif_pd_ids(self) -> frozenset[int]:
        """PDs of which this user is an active agent today (a Penetapan whose term covers today)."""
        if self.pegawai is None:
            return frozenset()
        from apps.agen.models import Penetapan

        return frozenset(
            Penetapan.objects.aktif()
            .filter(pegawai=self.pegawai)
            .values_list("surat_keputusan__perangkat_daerah_id", flat=True)
        )

    def _penulis_forum(self, pd_id: int | None) -> bool:
        """Lampiran BAB III 2.2.4 2b, 3: the PD forum is its agents', KBK's and Kepala PD's; the kabupaten
        forum is kept by the Tim Monev."""
        if pd_id is None:
            return self.monev
        return pd_id in self.pd_ids or pd_id in self.agen_aktif_pd_ids

    def boleh_catat_pertemuan_forum(self, pd_id: int | None) -> bool:
        """Record or edit a meeting (and its files) of the forum of PD `pd_id` (None: the kabupaten forum)."""
        return self._penulis_forum(pd_id)

    def boleh_tulis_praktik_baik(self, pd_id: int | None) -> bool:
        """Post or edit a praktik baik entry of the forum of PD `pd_id` (None: the kabupaten forum)."""
        return self._penulis_forum(pd_id)

    @property
    def boleh_tulis_forum_apa_pun(self) -> bool:
        return self.monev or bool(self.pd_ids) or bool(self.agen_aktif_pd_ids)


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
