"""Scoped reads of the forum (Lampiran BAB III 2.2.4 2b, 3a-d).

Who reads: the kabupaten forum and every praktik baik entry, every logged-in user; a PD's forum meetings (and
their files), the PD's ASN, unit heads, KBK, Kepala PD and agents, and the kabupaten roles. Outside that scope
a meeting or a file is a 404.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from apps.agen.models import Penetapan
from apps.akun.scope import lingkup, perangkat_daerah_for_user
from apps.common.instansi import instansi_halaman
from apps.organisasi.models import PerangkatDaerah

from .models import LampiranPertemuan, Pertemuan, PraktikBaik

KABUPATEN = "kabupaten"


@dataclass(frozen=True)
class Forum:
    """One forum: a PD's, or the kabupaten's when `perangkat_daerah` is None."""

    perangkat_daerah: PerangkatDaerah | None = None

    @property
    def pd_id(self) -> int | None:
        return self.perangkat_daerah.pk if self.perangkat_daerah else None

    @property
    def kode(self) -> str:
        return self.perangkat_daerah.kode if self.perangkat_daerah else KABUPATEN

    @property
    def nama(self) -> str:
        if self.perangkat_daerah is None:
            return _("Forum Agen Perubahan %(wilayah)s") % {"wilayah": instansi_halaman().wilayah}
        return _("Forum Agen Perubahan %(pd)s") % {"pd": self.perangkat_daerah.singkatan or self.perangkat_daerah.nama}


def forum_pd_ids_for_user(user) -> frozenset[int] | None:
    """The PDs whose forum the user reads; None means every PD (kabupaten roles). Cached on the user object
    for the request, like `lingkup`."""
    if hasattr(user, "_forum_pd_ids"):
        return user._forum_pd_ids
    scope = lingkup(user)
    if scope.kabupaten:
        ids = None
    else:
        ids = set(perangkat_daerah_for_user(user).values_list("pk", flat=True)) | set(scope.agen_aktif_pd_ids)
        if scope.pegawai is not None and scope.pegawai.unit_kerja_id is not None:
            ids.add(scope.pegawai.unit_kerja.perangkat_daerah_id)
        ids = frozenset(ids)
    if user.is_authenticated:
        user._forum_pd_ids = ids
    return ids


def _forum_q(user, prefix: str = "") -> Q:
    pd_ids = forum_pd_ids_for_user(user)
    if pd_ids is None:
        return Q()
    return Q(**{f"{prefix}perangkat_daerah__isnull": True}) | Q(**{f"{prefix}perangkat_daerah_id__in": pd_ids})


def forum_list_for_user(user) -> list[Forum]:
    """The kabupaten forum first, then the active PDs whose forum the user reads, by code."""
    pd_ids = forum_pd_ids_for_user(user)
    qs = PerangkatDaerah.objects.filter(aktif=True).order_by("kode")
    if pd_ids is not None:
        qs = qs.filter(pk__in=pd_ids)
    return [Forum()] + [Forum(pd) for pd in qs]


def forum_for_user(user, kode: str) -> Forum:
    """The forum of PD `kode` (or "kabupaten") if the user reads it, else 404."""
    if kode == KABUPATEN:
        return Forum()
    pd = PerangkatDaerah.objects.filter(kode=kode).first()
    pd_ids = forum_pd_ids_for_user(user)
    if pd is None or (pd_ids is not None and pd.pk not in pd_ids):
        raise Http404
    return Forum(pd)


def pertemuan_for_user(user) -> QuerySet[Pertemuan]:
    return Pertemuan.objects.select_related("perangkat_daerah").filter(_forum_q(user))


def lampiran_for_user(user) -> QuerySet[LampiranPertemuan]:
    return LampiranPertemuan.objects.select_related("pertemuan").filter(_forum_q(user, "pertemuan__"))


def praktik_baik_for_user(user) -> QuerySet[PraktikBaik]:
    """Every entry: praktik baik is read by every logged-in user (2.2.4 3d, so it can be replicated)."""
    return PraktikBaik.objects.select_related("perangkat_daerah", "kontak__pegawai", "kontak__nominasi__unit_kerja")


def agen_forum(pd_id: int | None, termasuk=()) -> QuerySet[Penetapan]:
    """Agents that may be chosen in a forum: the active agents of the PD (all PDs for the kabupaten forum),
    plus those already chosen (`termasuk`, pks), so an edit keeps them."""
    aktif = Penetapan.objects.aktif()
    if pd_id is not None:
        aktif = aktif.filter(surat_keputusan__perangkat_daerah_id=pd_id)
    return (
        Penetapan.objects.filter(Q(pk__in=aktif.values("pk")) | Q(pk__in=list(termasuk)))
        .select_related("pegawai", "nominasi__unit_kerja", "surat_keputusan__perangkat_daerah")
        .order_by("surat_keputusan__perangkat_daerah__kode", "pegawai__nama", "pk")
    )
