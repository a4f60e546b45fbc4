"""Who may do what: the one place that turns role memberships into rights and querysets (docs/keamanan.md).

`Lingkup` holds the user's active roles (the facts) and names every right once, as a `boleh_<aksi>` predicate:
views, services, templates and the home page ask these, never the role facts. Object-level rights take the
object or a PD/unit id; a no-argument property answers "anywhere" for menus and home cards. The queryset
helpers below are the list-side counterpart, built on the same facts. An object outside the scope is a 404.

Predicates that need an app's own objects beyond the facts (appointment or group ids of agents) live in that
app's `hak.py` as functions of (lingkup, object), on the facts and `ingat` of this class. Where the facts come
from (the session, kept valid by a version): apps/akun/fakta.py.

Adding a role: a value in `Peran.Jenis`, one fact in `lingkup()`, and the predicates that grant it
(docs/arsitektur.md, «Menambah peran»).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from apps.organisasi.models import Pegawai, PerangkatDaerah, UnitKerja

from .fakta import FaktaPeran, fakta_peran, pegawai_untuk
from .models import Peran


@dataclass(frozen=True)
class Lingkup:
    """The active roles of one user, resolved once per request, and the rights they give."""

    user_id: int | None
    pegawai: Pegawai | None = None
    kepala_pd_ids: frozenset[int] = frozenset()
    kbk_pd_ids: frozenset[int] = frozenset()
    pimpinan_unit_paths: tuple[str, ...] = ()
    pimpinan_unit_ids: frozenset[int] = frozenset()
    monev: bool = False
    sekda: bool = False
    admin: bool = False
    staff: bool = False
    peran: tuple[FaktaPeran, ...] = field(default_factory=tuple)
    # PDs of which the user is an active agen perubahan, and those roles' ids (Peran AGEN_PERUBAHAN).
    agen_aktif_pd_ids: frozenset[int] = frozenset()
    agen_peran_ids: frozenset[int] = frozenset()
    # Answers an app's hak.py computed once for this request (`ingat`).
    _ingatan: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def ingat(self, kunci: str, hitung: Callable[[], Any]) -> Any:
        """`hitung()` once per Lingkup (that is, per request) under `kunci`: for the predicates of an app's hak.py
        that read the app's own objects (e.g. apps/rencana/hak.py: the user's appointments)."""
        if kunci not in self._ingatan:
            self._ingatan[kunci] = hitung()
        return self._ingatan[kunci]

    # --- role facts (read by the predicates and the queryset helpers only) ------------------------------------

    @property
    def kabupaten(self) -> bool:
        """Reads every aggregate of the kabupaten (Tim Monev, Sekda, admin)."""
        return self.monev or self.sekda or self.admin

    @property
    def agen_aktif(self) -> bool:
        """Holds an active appointment as agen perubahan (a Peran AGEN_PERUBAHAN)."""
        return bool(self.agen_aktif_pd_ids)

    @property
    def is_pimpinan_unit(self) -> bool:
        return bool(self.pimpinan_unit_ids)

    @property
    def pd_ids(self) -> frozenset[int]:
        """PDs of which this user sees the whole (Kepala PD, KBK member)."""
        return self.kepala_pd_ids | self.kbk_pd_ids

    # --- laporan: hasil untuk ASN ---
    @property
    def boleh_lihat_hasil_sendiri(self) -> bool:
        """Every ASN sees their own results beside the printed rows of their unit, PD and the kabupaten."""
        return self.pegawai is not None

    # --- internalisasi ---
    def boleh_lihat_internalisasi(self, pd_id: int) -> bool:
        """A PD's declarations and activities: the kabupaten roles, the PD's Kepala and KBK."""
        return self.kabupaten or pd_id in self.pd_ids

    @property
    def boleh_lihat_internalisasi_apa_pun(self) -> bool:
        return self.kabupaten or bool(self.pd_ids)

    def boleh_catat_internalisasi(self, pd_id: int) -> bool:
        """Pasal 7: the Kepala PD answers for internalisation; the PD's KBK records it with them."""
        return pd_id in self.pd_ids

    # --- tindaklanjut ---
    @property
    def boleh_lihat_tindak_lanjut_semua(self) -> bool:
        """Every PD's follow-ups (Tim Monev, Sekda, admin)."""
        return self.kabupaten

    @property
    def pd_tindak_lanjut_ids(self) -> frozenset[int]:
        """PDs whose follow-ups the user reads: their own (Kepala PD, KBK)."""
        return self.pd_ids

    @property
    def boleh_lihat_tindak_lanjut_apa_pun(self) -> bool:
        return self.boleh_lihat_tindak_lanjut_semua or bool(self.pd_tindak_lanjut_ids)

    def boleh_lihat_tindak_lanjut(self, tl) -> bool:
        return self.boleh_lihat_tindak_lanjut_semua or tl.perangkat_daerah_id in self.pd_tindak_lanjut_ids

    def boleh_laporkan_tindak_lanjut(self, tl) -> bool:
        """The Kepala PD is responsible for the PD's follow-ups (Lampiran BAB IV.2)."""
        return tl.perangkat_daerah_id in self.kepala_pd_ids

    @property
    def boleh_laporkan_tindak_lanjut_apa_pun(self) -> bool:
        return bool(self.kepala_pd_ids)

    @property
    def boleh_periksa_tindak_lanjut(self) -> bool:
        """Tim Monev sets due dates and accepts or returns reports (Pasal 9)."""
        return self.monev

    @property
    def pd_kepala_tunggal(self) -> int | None:
        """The PD this user heads when they head exactly one (the PD a Kepala PD's new round or SK is for)."""
        return next(iter(self.kepala_pd_ids)) if len(self.kepala_pd_ids) == 1 else None

    @property
    def pd_tunggal(self) -> int | None:
        """The one PD this user sees whole, when they see exactly one and no kabupaten (a page may go straight there)."""
        return next(iter(self.pd_ids)) if len(self.pd_ids) == 1 and not self.kabupaten else None

    @property
    def banyak_pd(self) -> bool:
        """Sees more than one PD, so a list may offer a choice of PD."""
        return self.kabupaten or len(self.pd_ids) > 1

    @property
    def jangkauan(self) -> str:
        """The widest reach of this user's roles, for wording: "kabupaten", "pd", "unit" or ""."""
        if self.kabupaten:
            return "kabupaten"
        if self.pd_ids:
            return "pd"
        return "unit" if self.is_pimpinan_unit else ""

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
    def boleh_ingatkan_pd_apa_pun(self) -> bool:
        """Reminds the whole of a PD they head (a Kepala PD; the home card's wording)."""
        return bool(self.kepala_pd_ids)

    @property
    def boleh_ingatkan_semua_pd(self) -> bool:
        """Tim Monev reminds every PD below a chosen participation percentage at once, and runs the periode."""
        return self.monev

    @property
    def boleh_ingatkan_apa_pun(self) -> bool:
        return self.monev or bool(self.kepala_pd_ids) or self.is_pimpinan_unit

    def unit_q(self, prefix: str = "") -> Q:
        """A Q on a UnitKerja (reached through `prefix`) for the units in this user's pimpinan subtrees."""
        q = Q(pk__in=[])
        for path in self.pimpinan_unit_paths:
            q |= Q(**{f"{prefix}path__startswith": path})
        return q

    def _memimpin_unit(self, unit: UnitKerja) -> bool:
        """`unit` lies in one of this user's pimpinan subtrees (the Python twin of `unit_q`)."""
        return any(unit.path.startswith(path) for path in self.pimpinan_unit_paths)

    # --- akun ----------------------------------------------------------------------------------------------------

    @property
    def boleh_cetak_kode_aktivasi_apa_pun(self) -> bool:
        """Admin (any unit) and Kepala PD (units of their PD) print activation code sheets."""
        return self.admin or bool(self.kepala_pd_ids)

    def boleh_cetak_kode_aktivasi(self, unit: UnitKerja) -> bool:
        return self.admin or unit.perangkat_daerah_id in self.kepala_pd_ids

    @property
    def boleh_cetak_kode_pegawai_apa_pun(self) -> bool:
        """Print a code for one person somewhere: the admin, a Kepala PD, a unit head (their subtree)."""
        return self.admin or bool(self.kepala_pd_ids) or self.is_pimpinan_unit

    def boleh_cetak_kode_pegawai(self, pegawai: Pegawai) -> bool:
        """One code for one never-activated account: the admin, the Kepala PD of its PD, a unit head above it.

        An account that already has a password is not theirs to reset (boleh_atur_ulang_sandi): otherwise the
        printer could set the password and act as that person (docs/keamanan.md, «Kendali»).
        """
        if not pegawai.aktif or (pegawai.user_id is not None and pegawai.user.has_usable_password()):
            return False
        if self.admin:
            return True
        unit = pegawai.unit_kerja
        return unit.perangkat_daerah_id in self.kepala_pd_ids or self._memimpin_unit(unit)

    def boleh_atur_ulang_sandi(self, pegawai: Pegawai) -> bool:
        """Reset the password of an activated account (with a written reason): the admin only."""
        return self.admin and pegawai.aktif

    @property
    def boleh_terbitkan_kode_akun_kabupaten(self) -> bool:
        """Only the admin's codes may (re)set the password of a kabupaten-level account."""
        return self.admin

    @property
    def akun_kabupaten(self) -> bool:
        """An account with kabupaten-level rights (staff, superuser, Tim Monev, Sekda, admin): its password is
        reset only with an admin's code."""
        return self.staff or self.kabupaten

    @property
    def boleh_buka_admin(self) -> bool:
        return self.admin

    # --- organisasi ----------------------------------------------------------------------------------------------

    @property
    def boleh_lihat_pegawai_apa_pun(self) -> bool:
        """Unit heads (their subtree), Kepala PD and KBK (their PD), kabupaten roles (all) list pegawai."""
        return self.kabupaten or bool(self.pd_ids) or self.is_pimpinan_unit

    @property
    def boleh_ajukan_perbaikan_data(self) -> bool:
        """An ASN asks the admin to correct their own registry record."""
        return self.pegawai is not None

    @property
    def boleh_putuskan_perbaikan_data(self) -> bool:
        """The admin (Bagian Organisasi) decides correction requests."""
        return self.admin

    # --- kbk -----------------------------------------------------------------------------------------------------

    @property
    def boleh_lihat_kbk_apa_pun(self) -> bool:
        return self.kabupaten or bool(self.pd_ids)

    def boleh_ubah_kbk(self, perangkat_daerah_id: int) -> bool:
        """The Kepala PD keeps the PD's KBK (Lampiran BAB III); the admin may too."""
        return self.admin or perangkat_daerah_id in self.kepala_pd_ids

    @property
    def boleh_ubah_kbk_pd_sendiri(self) -> bool:
        """A Kepala PD, who keeps the KBK of their own PD (the home card's wording)."""
        return bool(self.kepala_pd_ids)

    # --- agen ----------------------------------------------------------------------------------------------------

    def boleh_usulkan_agen(self, pegawai: Pegawai) -> bool:
        """Penjaringan awal (Lampiran BAB III 2.2.2): the head of the nominee's unit (or a unit above it)."""
        return self._memimpin_unit(pegawai.unit_kerja)

    @property
    def boleh_usulkan_agen_apa_pun(self) -> bool:
        return self.is_pimpinan_unit

    def boleh_telaah_nominasi_di(self, perangkat_daerah_id: int) -> bool:
        """A KBK member of the round's PD reviews its nominations (not every one: see `boleh_telaah_nominasi`)."""
        return perangkat_daerah_id in self.kbk_pd_ids

    def boleh_telaah_nominasi(self, nominasi) -> bool:
        """A KBK member of the PD reviews a nomination, never one they made, one about themselves, or one from
        their own unit or a unit above or below it (docs/keamanan.md)."""
        if not self.boleh_telaah_nominasi_di(nominasi.putaran.perangkat_daerah_id) or self._terlibat(nominasi):
            return False
        if self.pegawai is None:
            return True
        mine, theirs = self.pegawai.unit_kerja.path, nominasi.unit_kerja.path
        return not (mine.startswith(theirs) or theirs.startswith(mine))

    @property
    def boleh_telaah_nominasi_apa_pun(self) -> bool:
        return bool(self.kbk_pd_ids)

    def boleh_tetapkan_agen_di(self, perangkat_daerah_id: int) -> bool:
        """Penetapan formal by Keputusan Kepala PD (Lampiran BAB III 2.2.2 3))."""
        return perangkat_daerah_id in self.kepala_pd_ids

    def boleh_tetapkan_nominasi(self, nominasi) -> bool:
        """The Kepala PD appoints (and revokes), never on a nomination they made or one about themselves."""
        return self.boleh_tetapkan_agen_di(nominasi.putaran.perangkat_daerah_id) and not self._terlibat(nominasi)

    @property
    def boleh_tetapkan_agen_apa_pun(self) -> bool:
        return bool(self.kepala_pd_ids)

    def _terlibat(self, nominasi) -> bool:
        """The user made the nomination or is its nominee."""
        return self.user_id is not None and self.user_id in (nominasi.pengusul_id, nominasi.pegawai.user_id)

    def boleh_buka_putaran(self, perangkat_daerah_id: int) -> bool:
        """The annual recruitment round (Lampiran BAB III 3.3): Kepala PD of that PD or admin."""
        return self.admin or perangkat_daerah_id in self.kepala_pd_ids

    def boleh_buat_sk(self, perangkat_daerah_id: int) -> bool:
        """The acting Kepala PD signs the SK, so they need a registry record."""
        return perangkat_daerah_id in self.kepala_pd_ids and self.pegawai is not None

    def sebutan_kepala_pd(self, perangkat_daerah_id: int) -> str:
        """The title under which this user heads the PD ("Plt.", "Pj." or "" when definitive), for signatures."""
        return next(
            (
                p.sebutan
                for p in self.peran
                if p.jenis == Peran.Jenis.KEPALA_PD and p.perangkat_daerah_id == perangkat_daerah_id
            ),
            "",
        )

    def boleh_catat_pembinaan_agen(self, perangkat_daerah_id: int) -> bool:
        """Kepala PD and KBK of the agent's PD record coaching and awards."""
        return perangkat_daerah_id in self.pd_ids

    @property
    def boleh_lihat_agen_apa_pun(self) -> bool:
        """Agents, rounds: unit heads, the PD's Kepala and KBK, kabupaten roles."""
        return self.kabupaten or bool(self.pd_ids) or self.is_pimpinan_unit

    @property
    def boleh_lihat_sk_apa_pun(self) -> bool:
        return self.kabupaten or bool(self.pd_ids)

    @property
    def boleh_lihat_ikhtisar_agen(self) -> bool:
        return self.kabupaten

    # --- survei --------------------------------------------------------------------------------------------------

    @property
    def boleh_isi_formulir(self) -> bool:
        """Every ASN with a registry record fills in Formulir 1."""
        return self.pegawai is not None

    @property
    def boleh_kelola_periode(self) -> bool:
        """Tim Monev (and the admin) create, open, close and reopen periodes."""
        return self.monev or self.admin

    @property
    def boleh_buka_kembali_periode_ditutup(self) -> bool:
        """Reopen a periode that has been closed, with a written reason: the admin's alone, so that comparing
        reports over time reveals nobody (docs/keputusan.md, "Kerahasiaan Formulir 1")."""
        return self.admin

    @property
    def boleh_ekspor_jawaban(self) -> bool:
        return self.monev or self.admin

    @property
    def boleh_buka_kembali_respon(self) -> bool:
        """Tim Monev (and the admin) reopen a submitted response with a reason."""
        return self.monev or self.admin

    @property
    def boleh_lihat_partisipasi(self) -> bool:
        """Who has submitted, in the viewer's scope (never what they answered)."""
        return self.kabupaten or bool(self.pd_ids) or self.is_pimpinan_unit

    @property
    def boleh_lihat_partisipasi_kabupaten(self) -> bool:
        """The participation of the whole kabupaten (as a percentage on the home card)."""
        return self.kabupaten

    # --- laporan -------------------------------------------------------------------------------------------------

    @property
    def boleh_lihat_laporan_apa_pun(self) -> bool:
        return self.kabupaten or bool(self.pd_ids) or self.is_pimpinan_unit

    @property
    def boleh_lihat_laporan_kabupaten(self) -> bool:
        """The consolidated report, the dashboard and sub-unit detail: Sekda, Tim Monev, admin."""
        return self.kabupaten

    @property
    def boleh_lihat_laporan_pd_apa_pun(self) -> bool:
        return self.kabupaten or bool(self.pd_ids)

    def boleh_lihat_laporan_pd(self, perangkat_daerah_id: int) -> bool:
        return self.kabupaten or perangkat_daerah_id in self.pd_ids

    @property
    def boleh_catat_laporan(self) -> bool:
        """Tim Monev writes the notes of the Laporan Evaluasi."""
        return self.monev

    @property
    def boleh_finalkan_periode(self) -> bool:
        """Finalise a closed periode and so freeze its reports (Tim Monev, and the admin, who may also change a
        periode's status: one path to FINAL, apps.laporan.services.laporan_finalkan)."""
        return self.monev or self.admin

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

    # --- rencana ---
    # Rights on rencana tindak (Lampiran BAB III 2.2.4-2.2.5) that need only the facts. Those that need the user's
    # appointments or groups (writing, submitting, reporting, answering problems) are apps/rencana/hak.py.

    @property
    def boleh_tulis_rencana_apa_pun(self) -> bool:
        """An active agent writes plans (2.2.4 1) b). No query: a role fact."""
        return self.agen_aktif

    def boleh_ketahui_laporan(self, laporan) -> bool:
        return laporan.terkirim and laporan.rencana.perangkat_daerah_id in self.kepala_pd_ids

    def boleh_buka_kembali_laporan(self, laporan) -> bool:
        """The Kepala PD reopens a sent or acknowledged progress report, with a reason (docs/keputusan.md, «Angka»)."""
        return laporan.status in ("TERKIRIM", "DIKETAHUI") and laporan.rencana.perangkat_daerah_id in self.kepala_pd_ids

    @property
    def boleh_setujui_rencana_apa_pun(self) -> bool:
        return bool(self.kepala_pd_ids)

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

    @property
    def boleh_ekspor_rencana_apa_pun(self) -> bool:
        return self.kabupaten or bool(self.pd_ids)


ANONIM = Lingkup(user_id=None)


def lingkup(user) -> Lingkup:
    """Resolve (and cache on the user object) the user's active roles: from the session when it holds them
    (apps/akun/fakta.py), and the pegawai record."""
    if user is None or not user.is_authenticated:
        return ANONIM
    cached = getattr(user, "_lingkup_cache", None)
    if cached is not None:
        return cached
    peran = fakta_peran(user)
    jenis = Peran.Jenis

    def pd_dari(j: str) -> frozenset[int]:
        return frozenset(p.perangkat_daerah_id for p in peran if p.jenis == j)

    result = Lingkup(
        user_id=user.pk,
        pegawai=pegawai_untuk(user.pk),
        kepala_pd_ids=pd_dari(jenis.KEPALA_PD),
        kbk_pd_ids=pd_dari(jenis.ANGGOTA_KBK),
        pimpinan_unit_paths=tuple(p.unit_path for p in peran if p.jenis == jenis.PIMPINAN_UNIT),
        pimpinan_unit_ids=frozenset(p.unit_kerja_id for p in peran if p.jenis == jenis.PIMPINAN_UNIT),
        monev=any(p.jenis == jenis.TIM_MONEV for p in peran),
        sekda=any(p.jenis == jenis.SEKDA for p in peran),
        admin=user.is_superuser or any(p.jenis == jenis.ADMIN for p in peran),
        staff=user.is_staff,
        peran=peran,
        agen_aktif_pd_ids=pd_dari(jenis.AGEN_PERUBAHAN),
        agen_peran_ids=frozenset(p.pk for p in peran if p.jenis == jenis.AGEN_PERUBAHAN),
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


def perangkat_daerah_utuh_for_user(user) -> QuerySet[PerangkatDaerah]:
    """PDs the user sees as a whole: all (kabupaten roles), their own (Kepala PD, KBK member)."""
    scope = lingkup(user)
    qs = PerangkatDaerah.objects.all()
    return qs if scope.kabupaten else qs.filter(pk__in=scope.pd_ids)


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


def pegawai_for_kode_aktivasi(user) -> QuerySet[Pegawai]:
    """Active pegawai whose code page the user may open: all (admin), their PD (Kepala PD), their subtree
    (unit head). Whether a code may be printed for one of them is Lingkup.boleh_cetak_kode_pegawai."""
    scope = lingkup(user)
    qs = Pegawai.objects.select_related("unit_kerja__perangkat_daerah", "user").filter(aktif=True)
    if scope.admin:
        return qs
    return qs.filter(Q(unit_kerja__perangkat_daerah_id__in=scope.kepala_pd_ids) | scope.unit_q("unit_kerja__"))


def unit_kerja_for_kode_aktivasi(user) -> QuerySet[UnitKerja]:
    """Units whose activation codes the user may print: all for the admin, their own PD for a Kepala PD."""
    scope = lingkup(user)
    qs = UnitKerja.objects.select_related("perangkat_daerah").filter(aktif=True)
    if scope.admin:
        return qs
    return qs.filter(perangkat_daerah_id__in=scope.kepala_pd_ids)
