"""Rencana tindak tasks for the home page (apps/akun/tugas.py), Lampiran BAB III 2.2.4-2.2.5: the Kepala PD's
plans to approve and reports to acknowledge; the problems waiting for a leader's answer; the agent's reports due
or late (by the cadence the Kepala PD set), plans returned, and problems answered. Also the tasks of PDs that have
no head, for Tim Monev's "tanpa penanggung jawab" list."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.agen.hak import kelompok_agen_ids, penetapan_aktif_ids
from apps.akun.pimpinan import kepala_pd, pimpinan_unit
from apps.akun.scope import Lingkup
from apps.akun.tugas import MENUNGGU_ANDA, TENGGAT, TanpaPenanggungJawab, Tugas

from .models import LaporanKemajuan, Permasalahan, RencanaTindak
from .selectors import periode_laporan
from .workflow import Status, StatusLaporan, StatusMasalah


def _rencana_sendiri(scope: Lingkup):
    """The approved plans the user writes: as the agent, or as a member of the Kelompok Agen."""
    q = Q(penetapan_id__in=penetapan_aktif_ids(scope)) | Q(kelompok_id__in=kelompok_agen_ids(scope))
    return RencanaTindak.objects.filter(q)


def _tugas_agen(user, scope: Lingkup) -> list[Tugas]:
    tasks = []
    hari_ini = timezone.localdate()
    sendiri = _rencana_sendiri(scope)
    disetujui = list(sendiri.filter(status=Status.DISETUJUI, mulai__lte=hari_ini).prefetch_related("laporan"))
    for r in disetujui:
        for p in periode_laporan(r, list(r.laporan.all()), hari_ini):
            if not p.bisa_dilaporkan:
                continue
            telat = p.selesai < hari_ini
            teks = (
                _("Laporan kemajuan «%(judul)s» %(dari)s–%(sampai)s terlambat")
                if telat
                else _("Laporan kemajuan «%(judul)s» %(dari)s–%(sampai)s jatuh tempo")
            ) % {"judul": r.judul, "dari": p.mulai.strftime("%m/%Y"), "sampai": p.selesai.strftime("%m/%Y")}
            tasks.append(
                Tugas(
                    teks=teks,
                    url=reverse("rencana:laporan_tambah", args=[r.pk]),
                    peran=_("Agen perubahan"),
                    # A report of one's own with a date: before a form that closes in more than a week.
                    urgensi=MENUNGGU_ANDA + 8 if telat else MENUNGGU_ANDA + 6,
                    tenggat=p.selesai,
                    tombol=_("Kirim laporan"),
                    kunci="laporan-terlambat" if telat else "laporan-jatuh-tempo",
                )
            )
    n = sendiri.filter(status=Status.DIKEMBALIKAN).count()
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
    n = Permasalahan.objects.filter(rencana__in=sendiri, status=StatusMasalah.DIJAWAB).count()
    if n:
        tasks.append(
            Tugas(
                teks=_("%(n)s permasalahan Anda sudah dijawab: baca arahannya") % {"n": n},
                url=reverse("rencana:masalah_list"),
                peran=_("Agen perubahan"),
                urgensi=TENGGAT,
                jumlah=n,
                tombol=_("Baca jawaban"),
                kunci="masalah-dijawab",
            )
        )
    return tasks


def _masalah_menunggu(user, scope: Lingkup) -> int:
    """Open problems this user is to answer: addressed to them as unit head (the nearest head up the tree), or
    as Kepala PD (addressed to the Kepala PD, or to a unit head who does not exist)."""
    terbuka = list(
        Permasalahan.objects.filter(status=StatusMasalah.TERBUKA)
        .filter(
            Q(rencana__perangkat_daerah_id__in=scope.kepala_pd_ids)
            | scope.unit_q("rencana__unit_kerja__") & Q(kepada=Permasalahan.Kepada.PIMPINAN_UNIT)
        )
        .select_related("rencana__unit_kerja")
    )
    if not terbuka:
        return 0
    heads = pimpinan_unit({m.rencana.unit_kerja for m in terbuka})
    n = 0
    for m in terbuka:
        unit_head = heads.get(m.rencana.unit_kerja_id)
        if m.kepada_pimpinan_unit and unit_head is not None:
            n += unit_head.user_id == user.pk
        else:
            n += m.rencana.perangkat_daerah_id in scope.kepala_pd_ids
    return n


def tugas_untuk(user, scope: Lingkup) -> list[Tugas]:
    """Queries: 2 for a Kepala PD, 2 for a unit head, 3 to 4 for an active agent, none otherwise."""
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
        n = LaporanKemajuan.objects.filter(
            rencana__perangkat_daerah_id__in=scope.kepala_pd_ids, status=StatusLaporan.TERKIRIM
        ).count()
        if n:
            tasks.append(
                Tugas(
                    teks=_("%(n)s laporan kemajuan rencana tindak menunggu Anda ketahui") % {"n": n},
                    url=reverse("rencana:daftar"),
                    peran=_("Kepala Perangkat Daerah"),
                    urgensi=MENUNGGU_ANDA,
                    jumlah=n,
                    tombol=_("Baca laporan"),
                    kunci="laporan-ketahui",
                )
            )
    if scope.boleh_jawab_masalah_apa_pun:
        n = _masalah_menunggu(user, scope)
        if n:
            tasks.append(
                Tugas(
                    teks=_("%(n)s permasalahan agen perubahan menunggu arahan Anda") % {"n": n},
                    url=reverse("rencana:masalah_list"),
                    peran=_("Kepala Perangkat Daerah") if scope.kepala_pd_ids else _("Pimpinan Unit Kerja"),
                    urgensi=MENUNGGU_ANDA,
                    jumlah=n,
                    tombol=_("Jawab"),
                    kunci="masalah-jawab",
                )
            )
    if scope.boleh_tulis_rencana_apa_pun:
        tasks += _tugas_agen(user, scope)
    return tasks


def tanpa_penanggung_jawab(hari) -> list[TanpaPenanggungJawab]:
    """Plans to decide, reports to acknowledge and problems to answer in PDs with neither a Kepala nor an
    acting one (a problem to a unit head who exists is not listed). Three queries when nothing waits."""
    rencana = list(RencanaTindak.objects.filter(status=Status.DIAJUKAN).select_related("perangkat_daerah"))
    laporan = list(
        LaporanKemajuan.objects.filter(status=StatusLaporan.TERKIRIM).select_related("rencana__perangkat_daerah")
    )
    masalah = list(
        Permasalahan.objects.filter(status=StatusMasalah.TERBUKA).select_related(
            "rencana__perangkat_daerah", "rencana__unit_kerja"
        )
    )
    pd_ids = {r.perangkat_daerah_id for r in rencana} | {x.rencana.perangkat_daerah_id for x in laporan + masalah}
    if not pd_ids:
        return []
    ada = kepala_pd(pd_ids, hari)
    units = pimpinan_unit({m.rencana.unit_kerja for m in masalah if m.kepada_pimpinan_unit}, hari)
    rows = [
        TanpaPenanggungJawab(
            jenis=_("Rencana tindak"),
            teks=_("«%(judul)s» menunggu persetujuan") % {"judul": r.judul},
            perangkat_daerah=r.perangkat_daerah.nama,
            menunggu=_("Kepala PD"),
            url=reverse("rencana:detail", args=[r.pk]),
        )
        for r in rencana
        if r.perangkat_daerah_id not in ada
    ]
    rows += [
        TanpaPenanggungJawab(
            jenis=_("Laporan kemajuan"),
            teks=_("«%(judul)s» %(dari)s menunggu diketahui")
            % {"judul": x.rencana.judul, "dari": x.periode_mulai.strftime("%m/%Y")},
            perangkat_daerah=x.rencana.perangkat_daerah.nama,
            menunggu=_("Kepala PD"),
            url=reverse("rencana:laporan_detail", args=[x.pk]),
            sejak=timezone.localtime(x.dikirim_pada).date(),
        )
        for x in laporan
        if x.rencana.perangkat_daerah_id not in ada
    ]
    rows += [
        TanpaPenanggungJawab(
            jenis=_("Permasalahan"),
            teks=m.uraian[:80],
            perangkat_daerah=m.rencana.perangkat_daerah.nama,
            menunggu=_("Kepala PD"),
            url=reverse("rencana:masalah_detail", args=[m.pk]),
            sejak=timezone.localtime(m.diajukan_pada).date(),
        )
        for m in masalah
        if m.rencana.perangkat_daerah_id not in ada
        and not (m.kepada_pimpinan_unit and m.rencana.unit_kerja_id in units)
    ]
    return rows
