"""Agen perubahan tasks for the home page (apps/akun/tugas.py): who must act next on a nomination
(apps/agen/workflow.py), counted over the same scoped querysets as the queues."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.akun.scope import Lingkup
from apps.akun.tugas import MENUNGGU_ANDA, Tugas

from . import selectors
from .workflow import ANTREAN_KBK, Status


def tugas_untuk(user, scope: Lingkup) -> list[Tugas]:
    """Queries: 1 (the nominee's nominations) + 1 (every count of the user's roles, one aggregate)."""
    tasks = []
    if scope.pegawai is not None:
        for n in selectors.nominasi_calon(user).filter(status__in=[Status.MENUNGGU_KOMITMEN, Status.KLARIFIKASI_CALON]):
            if n.status == Status.MENUNGGU_KOMITMEN:
                teks = _("Anda diusulkan sebagai agen perubahan: konfirmasi komitmen")
            else:
                teks = _("KBK meminta klarifikasi atas pencalonan Anda sebagai agen perubahan")
            tasks.append(
                Tugas(
                    teks=teks,
                    url=reverse("agen:komitmen", args=[n.pk]),
                    peran=_("Calon agen perubahan"),
                    urgensi=MENUNGGU_ANDA + 8,
                    tombol=_("Buka"),
                    kunci="calon",
                )
            )
    if not (
        scope.boleh_usulkan_agen_apa_pun or scope.boleh_telaah_nominasi_apa_pun or scope.boleh_tetapkan_agen_apa_pun
    ):
        return tasks
    counts = selectors.nominasi_for_user(user).aggregate(
        klarifikasi=Count("pk", filter=Q(pengusul_id=scope.user_id, status=Status.KLARIFIKASI_PENGUSUL)),
        telaah=Count("pk", filter=Q(putaran__perangkat_daerah_id__in=scope.kbk_pd_ids, status__in=ANTREAN_KBK)),
        penetapan=Count(
            "pk", filter=Q(putaran__perangkat_daerah_id__in=scope.kepala_pd_ids, status=Status.DIREKOMENDASIKAN)
        ),
    )
    if scope.boleh_usulkan_agen_apa_pun and counts["klarifikasi"]:
        n = counts["klarifikasi"]
        tasks.append(
            Tugas(
                teks=ngettext(
                    "%(n)s usulan menunggu jawaban klarifikasi Anda",
                    "%(n)s usulan menunggu jawaban klarifikasi Anda",
                    n,
                )
                % {"n": n},
                url=reverse("agen:usulan_saya"),
                peran=_("Pimpinan Unit Kerja"),
                urgensi=MENUNGGU_ANDA + 6,
                jumlah=n,
                tombol=_("Jawab klarifikasi"),
                kunci="klarifikasi",
            )
        )
    if scope.boleh_telaah_nominasi_apa_pun and counts["telaah"]:
        n = counts["telaah"]
        tasks.append(
            Tugas(
                teks=ngettext("%(n)s usulan menunggu telaah", "%(n)s usulan menunggu telaah", n) % {"n": n},
                url=reverse("agen:antrean_kbk"),
                peran=_("Anggota KBK"),
                urgensi=MENUNGGU_ANDA + 4,
                jumlah=n,
                tombol=_("Buka antrean KBK"),
                kunci="telaah",
            )
        )
    if scope.boleh_tetapkan_agen_apa_pun and counts["penetapan"]:
        n = counts["penetapan"]
        tasks.append(
            Tugas(
                teks=ngettext("%(n)s rekomendasi menunggu penetapan", "%(n)s rekomendasi menunggu penetapan", n)
                % {"n": n},
                url=reverse("agen:antrean_kepala"),
                peran=_("Kepala Perangkat Daerah"),
                urgensi=MENUNGGU_ANDA + 4,
                jumlah=n,
                tombol=_("Tetapkan agen"),
                kunci="penetapan",
            )
        )
    return tasks
