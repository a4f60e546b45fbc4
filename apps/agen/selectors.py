"""Scoped reads of the agen perubahan app (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»): every view starts from these querysets."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from apps.akun.scope import lingkup
from apps.organisasi.models import Pegawai, PerangkatDaerah, SanksiDisiplin

from .models import KelompokAgen, Nominasi, Penetapan, PutaranRekrutmen, SuratKeputusan
from .workflow import ANTREAN_KBK, Status


def nominasi_for_user(user) -> QuerySet[Nominasi]:
    """Nominations the user may open: their PD (KBK, Kepala PD), their units (pimpinan), their own proposals,
    the kabupaten (Tim Monev, admin). The nominee reads theirs only on the commitment page (komitmen)."""
    scope = lingkup(user)
    qs = Nominasi.objects.select_related("putaran__perangkat_daerah", "pegawai", "unit_kerja")
    if scope.monev or scope.admin:
        return qs
    q = Q(putaran__perangkat_daerah_id__in=scope.pd_ids) | scope.unit_q("unit_kerja__")
    if scope.user_id is not None:
        q |= Q(pengusul_id=scope.user_id)
    return qs.filter(q)


def antrean_kbk_for_user(user) -> QuerySet[Nominasi]:
    """The KBK's queue: nominations of the member's PD(s) waiting for review or assessment."""
    return nominasi_for_user(user).filter(
        putaran__perangkat_daerah_id__in=lingkup(user).kbk_pd_ids, status__in=ANTREAN_KBK
    )


def antrean_kepala_for_user(user) -> QuerySet[Nominasi]:
    """The Kepala PD's list: recommended nominations of their PD(s) waiting for appointment."""
    return nominasi_for_user(user).filter(
        putaran__perangkat_daerah_id__in=lingkup(user).kepala_pd_ids, status=Status.DIREKOMENDASIKAN
    )


def pegawai_dapat_diusulkan(user) -> QuerySet[Pegawai]:
    """Pegawai a unit head may nominate: those of their unit subtrees, never themselves."""
    return Pegawai.objects.filter(lingkup(user).unit_q("unit_kerja__")).exclude(user=user)


def nominasi_calon(user) -> QuerySet[Nominasi]:
    """Nominations about the user (the nominee's commitment page)."""
    scope = lingkup(user)
    if scope.pegawai is None:
        return Nominasi.objects.none()
    return Nominasi.objects.select_related("putaran__perangkat_daerah", "pegawai", "unit_kerja").filter(
        pegawai=scope.pegawai
    )


def penetapan_for_user(user) -> QuerySet[Penetapan]:
    """Agents the user may see: kabupaten roles all; Kepala PD and KBK their PD; pimpinan their units; self."""
    scope = lingkup(user)
    qs = Penetapan.objects.select_related(
        "surat_keputusan__perangkat_daerah", "pegawai__unit_kerja", "nominasi__unit_kerja"
    )
    if scope.kabupaten:
        return qs
    q = Q(surat_keputusan__perangkat_daerah_id__in=scope.pd_ids) | scope.unit_q("nominasi__unit_kerja__")
    if scope.pegawai is not None:
        q |= Q(pegawai=scope.pegawai)
    return qs.filter(q)


def dengan_peringatan(qs: QuerySet[Penetapan]) -> QuerySet[Penetapan]:
    """Annotate `sanksi_selama_masa`: a disciplinary sanction that started during the term (docs/keputusan.md, «Alur agen perubahan»)."""
    sanksi = SanksiDisiplin.objects.filter(
        pegawai=OuterRef("pegawai"),
        mulai__gte=OuterRef("surat_keputusan__masa_mulai"),
        mulai__lte=OuterRef("surat_keputusan__masa_selesai"),
    )
    return qs.annotate(sanksi_selama_masa=Exists(sanksi))


def surat_keputusan_for_user(user) -> QuerySet[SuratKeputusan]:
    scope = lingkup(user)
    qs = SuratKeputusan.objects.select_related("perangkat_daerah", "penandatangan__golongan")
    if scope.kabupaten:
        return qs
    q = Q(perangkat_daerah_id__in=scope.pd_ids)
    if scope.pegawai is not None:
        q |= Q(penetapan__pegawai=scope.pegawai)
    return qs.filter(q).distinct()


def calon_layak(user) -> QuerySet:
    """ASN the unit head may nominate now: in their unit subtree, not themselves, meeting criteria (a) and (b)
    of Lampiran BAB III 2.2.1 today (active, no running disciplinary sanction), and not yet nominated in the
    newest round of their PD (one nomination per round)."""
    today = timezone.localdate()
    sanksi = SanksiDisiplin.objects.filter(
        Q(selesai__isnull=True) | Q(selesai__gte=today), pegawai=OuterRef("pk"), mulai__lte=today
    )
    putaran_terbaru = (
        PutaranRekrutmen.objects.filter(perangkat_daerah_id=OuterRef("unit_kerja__perangkat_daerah_id"))
        .order_by("-tahun")
        .values("pk")[:1]
    )
    sudah = Nominasi.objects.filter(pegawai=OuterRef("pk"), putaran_id=Subquery(putaran_terbaru))
    return (
        pegawai_dapat_diusulkan(user)
        .filter(aktif=True)
        .exclude(Exists(sanksi))
        .exclude(Exists(sudah))
        .select_related("unit_kerja")
        .order_by("nama", "pk")
    )


def putaran_for_user(user) -> QuerySet[PutaranRekrutmen]:
    scope = lingkup(user)
    qs = PutaranRekrutmen.objects.select_related("perangkat_daerah")
    if scope.kabupaten:
        return qs
    pd_ids = set(scope.pd_ids)
    if scope.pegawai is not None and scope.is_pimpinan_unit:
        pd_ids.add(scope.pegawai.unit_kerja.perangkat_daerah_id)
    return qs.filter(perangkat_daerah_id__in=pd_ids)


def ikhtisar_per_pd(pada) -> list[dict]:
    """Tim Monev's overview: per active PD, its agents active, ended and revoked (computed from `pada`).

    Two queries: the PDs, and the counts grouped by PD.
    """
    counts = {
        row["surat_keputusan__perangkat_daerah"]: row
        for row in Penetapan.objects.values("surat_keputusan__perangkat_daerah").annotate(
            aktif=Count(
                "pk",
                filter=Q(
                    dicabut_pada__isnull=True,
                    surat_keputusan__masa_mulai__lte=pada,
                    surat_keputusan__masa_selesai__gte=pada,
                ),
            ),
            berakhir=Count("pk", filter=Q(dicabut_pada__isnull=True, surat_keputusan__masa_selesai__lt=pada)),
            dicabut=Count("pk", filter=Q(dicabut_pada__isnull=False)),
        )
    }
    rows = []
    for pd in PerangkatDaerah.objects.filter(aktif=True).order_by("kode"):
        c = counts.get(pd.pk, {})
        rows.append(
            {"pd": pd, "aktif": c.get("aktif", 0), "berakhir": c.get("berakhir", 0), "dicabut": c.get("dicabut", 0)}
        )
    return rows


def kelompok_agen_for_user(user) -> QuerySet[KelompokAgen]:
    """Groups the user may open: kabupaten roles all; Kepala PD and KBK their PD; a unit head the groups with
    an agent of their units; an agent their own groups."""
    scope = lingkup(user)
    qs = KelompokAgen.objects.select_related("perangkat_daerah", "surat_keputusan")
    if scope.kabupaten:
        return qs
    q = Q(perangkat_daerah_id__in=scope.pd_ids)
    if scope.pimpinan_unit_paths:
        q |= Q(anggota__in=Penetapan.objects.filter(scope.unit_q("nominasi__unit_kerja__")))
    if scope.pegawai is not None:
        q |= Q(anggota__pegawai=scope.pegawai)
    return qs.filter(pk__in=KelompokAgen.objects.filter(q).values("pk"))


def agen_untuk_kelompok(pd_ids, kelompok: KelompokAgen | None = None) -> QuerySet[Penetapan]:
    """Agents that may be chosen as members: the active agents of the PDs, plus the group's current members."""
    q = Q(pk__in=Penetapan.objects.aktif().filter(surat_keputusan__perangkat_daerah_id__in=pd_ids).values("pk"))
    if kelompok is not None:
        q |= Q(kelompok=kelompok)
    return (
        Penetapan.objects.filter(q)
        .select_related("pegawai", "nominasi__unit_kerja", "surat_keputusan")
        .distinct()
        .order_by("pegawai__nama", "pk")
    )
