"""Rencana tindak tasks for the home page (apps/akun/tugas.py): the Kepala PD's plans to approve (Lampiran BAB III
2.2.5), and the agent's plans returned for revision."""

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.akun.scope import Lingkup
from apps.akun.tugas import MENUNGGU_ANDA, Tugas

from .models import RencanaTindak
from .workflow import Status


def tugas_untuk(user, scope: Lingkup) -> list[Tugas]:
    """Queries: 1 for a Kepala PD, 1 for an active agent, none otherwise."""
    tasks = []
    if scope.boleh_setujui_rencana_apa_pun:
        n = RencanaTindak.objects.filter(perangkat_daerah_id__in=scope.kepala_pd_ids, status=Status.DIAJUKAN).count()
        if n:
            tasks.append(
                Tugas(
                    teks=_("%(n)s rencana tindak menunggu persetujuan Anda") % {"n": n},
                    url=reverse("rencana:daftar") + "?status=DIAJUKAN",
                    peran=_("Kepala Perangkat Daerah"),
                    urgensi=MENUNGGU_ANDA,
                    jumlah=n,
                    tombol=_("Periksa rencana"),
                    kunci="rencana-setujui",
                )
            )
    if scope.boleh_tulis_rencana_apa_pun:
        n = RencanaTindak.objects.filter(dibuat_oleh_id=user.pk, status=Status.DIKEMBALIKAN).count()
        if n:
            tasks.append(
                Tugas(
                    teks=_("%(n)s rencana tindak Anda dikembalikan Kepala PD: perbaiki dan ajukan lagi") % {"n": n},
                    url=reverse("rencana:saya"),
                    peran=_("Agen perubahan"),
                    urgensi=MENUNGGU_ANDA,
                    jumlah=n,
                    tombol=_("Perbaiki rencana"),
                    kunci="rencana-dikembalikan",
                )
            )
    return tasks
