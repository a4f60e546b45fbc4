"""Formulir 1 tasks for the home page (apps/akun/tugas.py): the ASN's own form, participation in scope."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.akun.scope import Lingkup
from apps.akun.tugas import MENUNGGU_ANDA, PANTAU, TENGGAT, Tugas
from apps.common.instansi import instansi_halaman

from .models import Periode, Respon
from .partisipasi import pegawai_dalam_lingkup


def _sisa(periode: Periode) -> str:
    days = (periode.tanggal_tutup - timezone.localdate()).days
    if days <= 0:
        return _("ditutup hari ini")
    return ngettext("%(n)s hari lagi", "%(n)s hari lagi", days) % {"n": days}


def tugas_untuk(user, scope: Lingkup) -> list[Tugas]:
    """Queries: 1 (open periodes) + 1 (the ASN's responses) + 1 per participation count (unit head, PD,
    kabupaten), whatever the number of pegawai."""
    terbuka = [p for p in Periode.objects.filter(status=Periode.Status.DIBUKA).order_by("tanggal_tutup")]
    terbuka = [p for p in terbuka if p.menerima_kiriman()]
    if not terbuka:
        return []
    tasks = []
    if scope.pegawai is not None:
        status = dict(
            Respon.objects.filter(pegawai=scope.pegawai, periode__in=terbuka).values_list("periode_id", "status")
        )
        for p in terbuka:
            if status.get(p.pk) == Respon.Status.TERKIRIM:
                continue
            keadaan = _("draf belum dikirim") if status.get(p.pk) else _("belum dikirim")
            days = (p.tanggal_tutup - timezone.localdate()).days
            tasks.append(
                Tugas(
                    teks=_("Formulir 1 %(periode)s %(keadaan)s — %(sisa)s")
                    % {"periode": p.nama, "keadaan": keadaan, "sisa": _sisa(p)},
                    url=reverse("survei:formulir", args=[p.kode]),
                    peran="ASN",
                    urgensi=MENUNGGU_ANDA + 5 if days <= 7 else TENGGAT,
                    tenggat=p.tanggal_tutup,
                    tombol=_("Lanjutkan draf") if status.get(p.pk) else _("Isi Formulir 1"),
                    kunci="formulir1",
                )
            )
    if scope.boleh_lihat_partisipasi:
        p = terbuka[0]
        counts = pegawai_dalam_lingkup(user).aggregate(
            jumlah=Count("pk", distinct=True),
            terkirim=Count(
                "pk",
                distinct=True,
                filter=Q(respon__periode=p, respon__status=Respon.Status.TERKIRIM),
            ),
        )
        belum = counts["jumlah"] - counts["terkirim"]
        if scope.boleh_lihat_partisipasi_kabupaten:
            persen = round(100 * counts["terkirim"] / counts["jumlah"]) if counts["jumlah"] else 0
            teks = _("Periode %(periode)s: %(sisa)s, partisipasi %(persen)s%%") % {
                "periode": p.nama,
                "sisa": _sisa(p),
                "persen": persen,
            }
            peran = (
                _("Tim Monev")
                if scope.boleh_ingatkan_semua_pd
                else instansi_halaman().istilah_dari("daerah").capitalize()
            )
        else:
            teks = _("%(belum)s dari %(jumlah)s pegawai belum mengisi Formulir 1 %(periode)s") % {
                "belum": belum,
                "jumlah": counts["jumlah"],
                "periode": p.nama,
            }
            if scope.boleh_ingatkan_pd_apa_pun:
                peran = _("Kepala Perangkat Daerah")
            elif scope.boleh_ingatkan_apa_pun:  # here: a unit head (not kabupaten, not Kepala PD)
                peran = _("Pimpinan Unit Kerja")
            else:
                peran = _("Anggota KBK")
        tasks.append(
            Tugas(
                teks=teks,
                url=reverse("survei:partisipasi", args=[p.kode]) + ("?status=belum" if belum else ""),
                peran=peran,
                # Tim Monev runs the periode: its participation comes before its own form (until the last week).
                urgensi=TENGGAT + 5 if scope.boleh_ingatkan_semua_pd else PANTAU,
                jumlah=belum,
                tenggat=p.tanggal_tutup,
                tombol=_("Lihat partisipasi"),
                kunci="partisipasi",
            )
        )
    return tasks
