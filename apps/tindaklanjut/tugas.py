"""Follow-up tasks for the home page (apps/akun/tugas.py): the Kepala PD's open follow-ups with the nearest due
date, and Tim Monev's reports to check and late follow-ups (Lampiran BAB IV.2)."""

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.akun.scope import Lingkup
from apps.akun.tugas import PANTAU, TENGGAT, TanpaPenanggungJawab, Tugas

from .models import TindakLanjut
from .workflow import Status


def tugas_untuk(user, scope: Lingkup) -> list[Tugas]:
    """Queries: 1 for a Kepala PD, 1 for Tim Monev, none otherwise."""
    tasks = []
    url = reverse("tindaklanjut:daftar")
    if scope.boleh_laporkan_tindak_lanjut_apa_pun:
        row = TindakLanjut.objects.filter(perangkat_daerah_id__in=scope.kepala_pd_ids, status=Status.TERBUKA).aggregate(
            n=Count("pk"), tenggat=Min("batas_waktu")
        )
        if row["n"]:
            tasks.append(
                Tugas(
                    teks=_("%(n)s tindak lanjut hasil evaluasi menunggu laporan Anda") % {"n": row["n"]},
                    url=url + "?status=TERBUKA",
                    peran=_("Kepala Perangkat Daerah"),
                    urgensi=TENGGAT,
                    jumlah=row["n"],
                    tenggat=row["tenggat"],
                    tombol=_("Buka tindak lanjut"),
                    kunci="tindak-lanjut-kepala",
                )
            )
    if scope.boleh_periksa_tindak_lanjut:
        hari_ini = timezone.localdate()
        row = TindakLanjut.objects.aggregate(
            dilaporkan=Count("pk", filter=Q(status=Status.DILAPORKAN)),
            terlambat=Count("pk", filter=Q(status=Status.TERBUKA, batas_waktu__lt=hari_ini)),
        )
        if row["dilaporkan"] or row["terlambat"]:
            tasks.append(
                Tugas(
                    teks=_("%(a)s laporan tindak lanjut menunggu pemeriksaan; %(b)s terlambat")
                    % {"a": row["dilaporkan"], "b": row["terlambat"]},
                    url=url,
                    peran=_("Tim Monev"),
                    # Background work for Tim Monev: the periode's close and participation come first.
                    urgensi=PANTAU,
                    jumlah=row["dilaporkan"],
                    tombol=_("Periksa"),
                    kunci="tindak-lanjut-monev",
                )
            )
    return tasks


def tanpa_penanggung_jawab(hari) -> list[TanpaPenanggungJawab]:
    """Follow-ups to be reported whose PD has neither a Kepala nor an acting one. One query."""
    qs = TindakLanjut.objects.filter(status=Status.TERBUKA, penanggung_jawab__isnull=True).select_related(
        "periode", "perangkat_daerah", "unit_kerja"
    )
    return [
        TanpaPenanggungJawab(
            jenis=_("Tindak lanjut"),
            teks=_("%(sasaran)s, bagian %(bagian)s (%(kategori)s), periode %(periode)s")
            % {"sasaran": tl.sasaran, "bagian": tl.bagian, "kategori": tl.kategori_label, "periode": tl.periode.nama},
            perangkat_daerah=tl.perangkat_daerah.nama,
            menunggu=_("Kepala PD"),
            url=reverse("tindaklanjut:detail", args=[tl.pk]),
            sejak=timezone.localtime(tl.dibuat_pada).date(),
        )
        for tl in qs
    ]
