"""States of a rencana tindak and the one table of allowed transitions (docs/arsitektur.md).

Lampiran BAB III 2.2.4 1) b and 2.2.5 b: the agent (or a member of the Kelompok Agen) writes the plan and
submits it to the Kepala PD, with copies (tembusan) to the PD's KBK and the agent's unit head; the Kepala PD
approves it or returns it with a note; a returned plan is revised and submitted again. A change to an approved
plan is a new version; when the new version is approved, the old one becomes DIGANTI.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAF = "DRAF", _("Draf")
    DIAJUKAN = "DIAJUKAN", _("Diajukan ke Kepala PD")
    DIKEMBALIKAN = "DIKEMBALIKAN", _("Dikembalikan untuk diperbaiki")
    DISETUJUI = "DISETUJUI", _("Disetujui")
    DIGANTI = "DIGANTI", _("Diganti versi baru")


class Pelaku(models.TextChoices):
    """The part an actor plays on one plan (computed per plan by Lingkup.pelaku_rencana)."""

    PENYUSUN = "PENYUSUN", _("Agen penyusun")
    KEPALA_PD = "KEPALA_PD", _("Kepala PD")
    SISTEM = "SISTEM", _("Sistem")


S, P = Status, Pelaku


class Aturan(models.TextChoices):
    """Names of the transitions, shown in the history."""

    AJUKAN = "ajukan", _("Diajukan")
    SETUJUI = "setujui", _("Disetujui")
    KEMBALIKAN = "kembalikan", _("Dikembalikan")
    GANTI = "ganti", _("Diganti versi baru")


# (from, to) -> (action name, who may take it, note required)
TRANSITIONS: dict[tuple[str, str], tuple[str, frozenset[str], bool]] = {
    (S.DRAF, S.DIAJUKAN): (Aturan.AJUKAN, frozenset({P.PENYUSUN}), False),
    (S.DIKEMBALIKAN, S.DIAJUKAN): (Aturan.AJUKAN, frozenset({P.PENYUSUN}), False),
    (S.DIAJUKAN, S.DISETUJUI): (Aturan.SETUJUI, frozenset({P.KEPALA_PD}), False),
    (S.DIAJUKAN, S.DIKEMBALIKAN): (Aturan.KEMBALIKAN, frozenset({P.KEPALA_PD}), True),
    # Side effect of approving a newer version, never taken by hand.
    (S.DISETUJUI, S.DIGANTI): (Aturan.GANTI, frozenset({P.SISTEM}), False),
}
# States in which the authors may still edit the plan.
DAPAT_DIUBAH = (S.DRAF, S.DIKEMBALIKAN)
BARU = "buat"  # the action that creates a plan or a new version (first history row, from "")

AKSI_LABEL = {BARU: _("Dibuat"), "versi": _("Versi baru dibuat"), **{a.value: a.label for a in Aturan}}


class StatusLaporan(models.TextChoices):
    """A progress report: sent to the Kepala PD, then acknowledged (2.2.4 1) c)."""

    TERKIRIM = "TERKIRIM", _("Terkirim")
    DIKETAHUI = "DIKETAHUI", _("Diketahui Kepala PD")
    DIBUKA_KEMBALI = "DIBUKA", _("Dibuka kembali untuk diperbaiki")


class StatusPeriode(models.TextChoices):
    """Computed per reporting period from the date and the reports, never stored."""

    MENUNGGU_PERSETUJUAN = "MENUNGGU_PERSETUJUAN", _("Wajib lapor setelah rencana disetujui")
    SEBELUM_DISETUJUI = "SEBELUM_DISETUJUI", _("Berakhir sebelum rencana disetujui")
    AKAN_DATANG = "AKAN_DATANG", _("Belum dimulai")
    BERJALAN = "BERJALAN", _("Sedang berjalan: laporan dapat dikirim")
    TERLAMBAT = "TERLAMBAT", _("Terlambat")
    TERKIRIM = "TERKIRIM", _("Terkirim")
    DIKETAHUI = "DIKETAHUI", _("Diketahui Kepala PD")
    DIBUKA_KEMBALI = "DIBUKA", _("Dibuka kembali: perbaiki dan kirim lagi")


class StatusMasalah(models.TextChoices):
    TERBUKA = "TERBUKA", _("Terbuka")
    DIJAWAB = "DIJAWAB", _("Dijawab")
    DITUTUP = "DITUTUP", _("Ditutup")
