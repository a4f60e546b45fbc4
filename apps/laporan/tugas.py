"""Laporan Evaluasi tasks for the home page (apps/akun/tugas.py): the newest final report to read."""

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.akun.scope import Lingkup
from apps.akun.tugas import BACA, TENGGAT, Tugas
from apps.survei.models import Periode


def tugas_untuk(user, scope: Lingkup) -> list[Tugas]:
    """Queries: 1 (the newest closed or final periode), only for the roles that read the consolidated report."""
    if not scope.boleh_lihat_laporan_kabupaten:
        return []
    S = Periode.Status
    periode = Periode.objects.filter(status__in=[S.DITUTUP, S.FINAL]).order_by("-tanggal_tutup").first()
    if periode is None:
        return []
    return [
        Tugas(
            teks=_("Laporan Evaluasi %(periode)s %(keadaan)s — unduh PDF")
            % {"periode": periode.nama, "keadaan": _("final") if periode.status == S.FINAL else _("(periode ditutup)")},
            url=reverse("laporan:konsolidasi_unduh", args=[periode.kode, "pdf"]),
            peran=_("Sekretaris Daerah") if scope.sekda else _("Kabupaten"),
            # The Sekda's own task is reading the report (Lampiran BAB IV); for Tim Monev it is background.
            urgensi=TENGGAT + 5 if scope.sekda else BACA,
            tombol=_("Unduh PDF"),
            kunci="laporan",
        )
    ]
