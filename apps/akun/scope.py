"""What a user may see: the one place that turns role memberships into querysets (SPEC 2).

Every view that looks up an object of the registry (and, through these helpers, of the other apps)
starts from these functions, so a new view cannot forget a scope. An object outside the scope is a 404.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

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
    agen_aktif: bool = False  # holds an active appointment as agen perubahan (read with the pegawai record)

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

    # --- rencana ---
    # Rights on rencana tindak (Lampiran BAB III 2.2.4-2.2.5). The objects (RencanaTindak, LaporanKemajuan,
    # Permasalahan of apps.rencana) say their own state through properties (`dapat_diubah`, `diajukan`, ...), and
    # appointments are read through the reverse relation `penetapan_agen`, so akun imports nothing above it.

    @cached_property
    def agen_aktif_ids(self) -> frozenset[int]:
        """The user's appointments (Penetapan) whose term covers today and that are not revoked."""
        if self.pegawai is None or not self.agen_aktif:
            return frozenset()
        return frozenset(self.pegawai.penetapan_agen.filter(penetapan_aktif_q("")).values_list("pk", flat=True))

    @cached_property
    def kelompok_agen_ids(self) -> frozenset[int]:
        """Kelompok Agen in which the user holds an active appointment."""
        if not self.agen_aktif_ids:
            return frozenset()
        qs = self.pegawai.penetapan_agen.filter(pk__in=self.agen_aktif_ids, kelompok__isnull=False)
        return frozenset(qs.values_list("kelompok", flat=True).distinct())

    @property
    def boleh_tulis_rencana_apa_pun(self) -> bool:
        """An active agent writes plans (2.2.4 1) b). No query: read with the pegawai record."""
        return self.agen_aktif

    def penyusun_rencana(self, rencana) -> bool:
        """The agent of the plan, or an active member of its Kelompok Agen."""
        if rencana.kelompok_id is not None:
            return rencana.kelompok_id in self.kelompok_agen_ids
        return rencana.penetapan_id in self.agen_aktif_ids

    def boleh_ubah_rencana(self, rencana) -> bool:
        return rencana.dapat_diubah and self.penyusun_rencana(rencana)

    def boleh_ajukan_rencana(self, rencana) -> bool:
        return self.boleh_ubah_rencana(rencana)

    def boleh_setujui_rencana(self, rencana) -> bool:
        """The Kepala PD of the plan's PD decides a submitted plan, never one they wrote themselves."""
        return (
            rencana.diajukan
            and rencana.perangkat_daerah_id in self.kepala_pd_ids
            and not self.penyusun_rencana(rencana)
        )

    @property
    def boleh_setujui_rencana_apa_pun(self) -> bool:
        return bool(self.kepala_pd_ids)

    def boleh_versi_baru_rencana(self, rencana) -> bool:
        return rencana.disetujui and self.penyusun_rencana(rencana)

    def boleh_lapor_kemajuan(self, rencana) -> bool:
        """Progress reports on an approved plan, by its authors (2.2.4 1) c)."""
        return rencana.disetujui and self.penyusun_rencana(rencana)

    def boleh_ketahui_laporan(self, laporan) -> bool:
        return laporan.terkirim and laporan.rencana.perangkat_daerah_id in self.kepala_pd_ids

    def boleh_ajukan_masalah(self, rencana) -> bool:
        return self.boleh_lapor_kemajuan(rencana)

    def boleh_jawab_masalah(self, masalah) -> bool:
        """The Kepala PD answers every problem of the PD; the unit head those addressed to the unit head of the
        agent's unit or a unit above it ("secara langsung dan berjenjang", 2.2.4 1) e-f)."""
        if not masalah.terbuka:
            return False
        rencana = masalah.rencana
        if rencana.perangkat_daerah_id in self.kepala_pd_ids:
            return not self.penyusun_rencana(rencana)
        return masalah.kepada_pimpinan_unit and any(
            rencana.unit_kerja.path.startswith(path) for path in self.pimpinan_unit_paths
        )

    def boleh_tutup_masalah(self, masalah) -> bool:
        return masalah.dijawab and self.penyusun_rencana(masalah.rencana)

    @property
    def boleh_jawab_masalah_apa_pun(self) -> bool:
        return bool(self.kepala_pd_ids or self.pimpinan_unit_ids)

    @property
    def boleh_pantau_rencana_apa_pun(self) -> bool:
        """Unit heads (their subtree), KBK and Kepala PD (the PD), kabupaten roles (2.2.4 1) d, 2) a)."""
        return bool(self.pimpinan_unit_ids or self.pd_ids or self.kabupaten)

    @property
    def boleh_ikhtisar_rencana(self) -> bool:
        """Tim Monev and the Sekda: the overview per PD."""
        return self.kabupaten

    def boleh_ekspor_rencana(self, pd_id: int) -> bool:
        return self.kabupaten or pd_id in self.pd_ids


ANONIM = Lingkup(user_id=None)


def penetapan_aktif_q(prefix: str) -> Q:
    """An appointment as agen perubahan (agen.Penetapan, reached through `prefix`) whose term covers today."""
    today = timezone.localdate()
    return Q(
        **{
            f"{prefix}dicabut_pada__isnull": True,
            f"{prefix}surat_keputusan__masa_mulai__lte": today,
            f"{prefix}surat_keputusan__masa_selesai__gte": today,
        }
    )


def lingkup(user) -> Lingkup:
    """Resolve (and cache on the user object) the user's active roles."""
    if user is None or not user.is_authenticated:
        return ANONIM
    cached = getattr(user, "_lingkup_cache", None)
    if cached is not None:
        return cached
    peran = tuple(Peran.objects.aktif().filter(user=user).select_related("perangkat_daerah", "unit_kerja"))
    pegawai = (
        Pegawai.objects.filter(user=user)
        .select_related("unit_kerja__perangkat_daerah", "golongan")
        .annotate(_agen_aktif=Count("penetapan_agen", filter=penetapan_aktif_q("penetapan_agen__")))
        .first()
    )
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
        agen_aktif=bool(pegawai and pegawai._agen_aktif),
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
