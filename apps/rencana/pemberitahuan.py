"""Who is told what about rencana tindak (Lampiran BAB III 2.2.4-2.2.5, Tabel 2 "tembusan"): a plan submitted
goes to the Kepala PD with copies to the PD's KBK and the agent's unit head; a decision goes back to the authors;
a progress report awaits the Kepala PD's acknowledgement; a problem goes to its addressee and the answer to the
agent. Heads are read through apps.akun.pimpinan (definitive, else acting); where there is none, the task is on
Tim Monev's "tanpa penanggung jawab" list (rencana/tugas.py) instead of a notice to nobody.

The daily part (`laporan_ingatkan`) tells the authors of an approved plan that a report is due or late, by the
cadence the Kepala PD set (`RencanaTindak.frekuensi_laporan`).
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from apps.akun.models import Peran
from apps.akun.pimpinan import kepala_pd, pimpinan_unit
from apps.notifikasi.services import notifikasi_kirim_banyak

from .models import LaporanKemajuan, Permasalahan, RencanaTindak
from .workflow import Status

HARI_SEBELUM_JATUH_TEMPO = 7


def penyusun_user_ids(rencana: RencanaTindak) -> set[int]:
    """The accounts of the plan's authors: the agent, or the active members of the Kelompok Agen."""
    if rencana.kelompok_id is None:
        user_id = rencana.penetapan.pegawai.user_id
        return {user_id} if user_id else set()
    return {
        a.pegawai.user_id
        for a in rencana.kelompok.anggota.select_related("pegawai")
        if a.dicabut_pada is None and a.pegawai.user_id
    }


def _kepala(rencana: RencanaTindak) -> int | None:
    peran = kepala_pd([rencana.perangkat_daerah_id]).get(rencana.perangkat_daerah_id)
    return peran.user_id if peran else None


def rencana_diajukan(rencana: RencanaTindak, *, nomor: int) -> None:
    """To the Kepala PD (to decide), copies to the KBK members of the PD and the agent's unit head (to read).
    `nomor` is the history row of this submission, so a plan submitted again is announced again."""
    url = reverse("rencana:detail", args=[rencana.pk])
    kepala = _kepala(rencana)
    notifikasi_kirim_banyak(
        [kepala],
        teks=_("Rencana tindak «%(judul)s» (%(pemilik)s) diajukan: menunggu persetujuan Anda.")
        % {"judul": rencana.judul, "pemilik": rencana.pemilik},
        url=url,
        kunci=f"rencana-ajukan:{nomor}",
    )
    kbk = set(
        Peran.objects.aktif()
        .filter(jenis=Peran.Jenis.ANGGOTA_KBK, perangkat_daerah_id=rencana.perangkat_daerah_id)
        .values_list("user_id", flat=True)
    )
    unit = pimpinan_unit([rencana.unit_kerja]).get(rencana.unit_kerja_id)
    tembusan = (kbk | ({unit.user_id} if unit else set())) - {kepala} - penyusun_user_ids(rencana)
    notifikasi_kirim_banyak(
        tembusan,
        teks=_("Tembusan: rencana tindak «%(judul)s» (%(pemilik)s) diajukan ke Kepala PD.")
        % {"judul": rencana.judul, "pemilik": rencana.pemilik},
        url=url,
        kunci=f"rencana-tembusan:{nomor}",
    )


def rencana_diputuskan(rencana: RencanaTindak, *, nomor: int, catatan: str = "") -> None:
    """To the authors: approved, or returned with the Kepala PD's note."""
    if rencana.status == Status.DISETUJUI:
        teks = _("Rencana tindak «%(judul)s» disetujui Kepala PD.") % {"judul": rencana.judul}
    else:
        teks = _("Rencana tindak «%(judul)s» dikembalikan Kepala PD: %(catatan)s") % {
            "judul": rencana.judul,
            "catatan": catatan,
        }
    notifikasi_kirim_banyak(
        penyusun_user_ids(rencana),
        teks=teks,
        url=reverse("rencana:detail", args=[rencana.pk]),
        kunci=f"rencana-putus:{nomor}",
    )


def laporan_dikirim(laporan: LaporanKemajuan) -> None:
    """To the Kepala PD: a progress report awaits acknowledgement."""
    rencana = laporan.rencana
    notifikasi_kirim_banyak(
        [_kepala(rencana)],
        teks=_("Laporan kemajuan «%(judul)s» %(dari)s–%(sampai)s menunggu Anda ketahui.")
        % {
            "judul": rencana.judul,
            "dari": laporan.periode_mulai.strftime("%m/%Y"),
            "sampai": laporan.periode_selesai.strftime("%m/%Y"),
        },
        url=reverse("rencana:laporan_detail", args=[laporan.pk]),
        kunci=f"laporan-kirim:{laporan.pk}",
    )


def alamat_masalah(masalah: Permasalahan) -> int | None:
    """Whom a problem waits for: the unit head when addressed to them (the nearest head up the unit tree),
    else, or when there is none, the Kepala PD (who may answer every problem of the PD)."""
    rencana = masalah.rencana
    if masalah.kepada_pimpinan_unit:
        unit = pimpinan_unit([rencana.unit_kerja]).get(rencana.unit_kerja_id)
        if unit is not None:
            return unit.user_id
    return _kepala(rencana)


def masalah_diajukan(masalah: Permasalahan) -> None:
    rencana = masalah.rencana
    notifikasi_kirim_banyak(
        [alamat_masalah(masalah)],
        teks=_("Permasalahan rencana tindak «%(judul)s» dari %(pemilik)s menunggu arahan Anda.")
        % {"judul": rencana.judul, "pemilik": rencana.pemilik},
        url=reverse("rencana:masalah_detail", args=[masalah.pk]),
        kunci=f"masalah-ajukan:{masalah.pk}",
    )


def masalah_dijawab(masalah: Permasalahan) -> None:
    rencana = masalah.rencana
    notifikasi_kirim_banyak(
        penyusun_user_ids(rencana),
        teks=_("Permasalahan rencana tindak «%(judul)s» sudah dijawab.") % {"judul": rencana.judul},
        url=reverse("rencana:masalah_detail", args=[masalah.pk]),
        kunci=f"masalah-jawab:{masalah.pk}",
    )


def laporan_belum_dikirim(hari: datetime.date):
    """(plan, start, end) of every reporting period of an approved plan that has begun by `hari` and has no
    report yet, by the cadence the Kepala PD set; a period that ended before the plan was approved owes no report
    (rencana.selectors.periode_laporan, 2.2.4 1) c)."""
    qs = RencanaTindak.objects.filter(status=Status.DISETUJUI, mulai__lte=hari).select_related(
        "penetapan__pegawai", "kelompok", "perangkat_daerah"
    )
    rencana = list(qs)
    terkirim = set(LaporanKemajuan.objects.filter(rencana__in=rencana).values_list("rencana_id", "periode_mulai"))
    for r in rencana:
        for mulai, selesai in r.periode_laporan():
            sebelum_disetujui = r.disetujui_pada is not None and selesai < r.disetujui_pada
            if mulai <= hari and (r.pk, mulai) not in terkirim and not sebelum_disetujui:
                yield r, mulai, selesai


def laporan_ingatkan(hari: datetime.date) -> dict:
    """The authors of an approved plan are told when a period's report falls due within
    HARI_SEBELUM_JATUH_TEMPO days of the period's end, and again when the period has ended without it. Once
    each (the notice's key names the plan and the period)."""
    hasil = {"jatuh_tempo": 0, "terlambat": 0}
    for r, mulai, selesai in laporan_belum_dikirim(hari):
        if hari > selesai:
            jenis, teks = "terlambat", _("Laporan kemajuan «%(judul)s» %(dari)s–%(sampai)s terlambat: kirim sekarang.")
        elif hari >= selesai - datetime.timedelta(days=HARI_SEBELUM_JATUH_TEMPO):
            jenis, teks = "jatuh_tempo", _("Laporan kemajuan «%(judul)s» %(dari)s–%(sampai)s jatuh tempo %(tgl)s.")
        else:
            continue
        hasil[jenis] += notifikasi_kirim_banyak(
            penyusun_user_ids(r),
            teks=teks
            % {
                "judul": r.judul,
                "dari": mulai.strftime("%m/%Y"),
                "sampai": selesai.strftime("%m/%Y"),
                "tgl": selesai.strftime("%d-%m-%Y"),
            },
            url=reverse("rencana:laporan_tambah", args=[r.pk]),
            kunci=f"laporan-{jenis}:{r.pk}:{mulai.isoformat()}",
        )
    return hasil
