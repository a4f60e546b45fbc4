"""Scoped reads of rencana tindak (Lampiran BAB III 2.2.4-2.2.5; docs/keamanan.md): every view starts from these querysets.

- `rencana_for_user`: the authors (agent, group members), the unit head of the plan's unit or a unit above
  it, the PD's KBK and Kepala PD (tembusan and approval), the kabupaten roles (read-only monitoring).
- `ikhtisar_per_pd`: Tim Monev's and the Sekda's overview; `ringkasan_rencana_per_pd`: the figures the
  Laporan Evaluasi shows beside the change of TS.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from apps.agen.models import Penetapan
from apps.akun.scope import lingkup
from apps.organisasi.models import PerangkatDaerah
from apps.survei.models import Periode

from .models import (
    BarisRencana,
    BuktiDukung,
    LaporanKemajuan,
    Permasalahan,
    RealisasiBaris,
    RencanaTindak,
    rata_rata_capaian,
)
from .workflow import Status, StatusLaporan, StatusPeriode


def _q_lingkup(user, prefix: str = "") -> Q:
    """The Q on RencanaTindak (reached through `prefix`) of the plans `user` may read.

    A draft is the authors' working copy: the others (tembusan, monitoring) see a plan once it is submitted.
    """
    scope = lingkup(user)
    if scope.kabupaten:
        lainnya = Q()
    else:
        lainnya = Q(**{f"{prefix}perangkat_daerah_id__in": scope.pd_ids}) | scope.unit_q(f"{prefix}unit_kerja__")
    q = lainnya & ~Q(**{f"{prefix}status": Status.DRAF})
    if scope.pegawai is not None:
        q |= Q(**{f"{prefix}penetapan__pegawai": scope.pegawai})
        q |= Q(**{f"{prefix}kelompok__anggota__pegawai": scope.pegawai})
    return q


def rencana_for_user(user) -> QuerySet[RencanaTindak]:
    qs = RencanaTindak.objects.select_related(
        "penetapan__pegawai",
        "penetapan__surat_keputusan",
        "kelompok",
        "perangkat_daerah",
        "unit_kerja",
        "penyetuju__golongan",
    )
    return qs.filter(pk__in=RencanaTindak.objects.filter(_q_lingkup(user)).values("pk"))


def dengan_isi(qs: QuerySet[RencanaTindak]) -> QuerySet[RencanaTindak]:
    """Prefetch rows with values and authors, the group's members (for the term) and the reports."""
    return qs.prefetch_related(
        Prefetch(
            "baris",
            queryset=BarisRencana.objects.select_related("ditulis_oleh", "diubah_oleh").prefetch_related("nilai"),
        ),
        "kelompok__anggota__surat_keputusan",
        "kelompok__anggota__pegawai",
    )


def laporan_for_user(user) -> QuerySet[LaporanKemajuan]:
    qs = LaporanKemajuan.objects.select_related(
        "rencana__perangkat_daerah", "rencana__unit_kerja", "rencana__penetapan__pegawai", "rencana__kelompok"
    )
    return qs.filter(rencana__in=RencanaTindak.objects.filter(_q_lingkup(user)).values("pk"))


def bukti_for_user(user) -> QuerySet[BuktiDukung]:
    qs = BuktiDukung.objects.select_related("realisasi__laporan")
    return qs.filter(realisasi__laporan__rencana__in=RencanaTindak.objects.filter(_q_lingkup(user)).values("pk"))


def masalah_for_user(user) -> QuerySet[Permasalahan]:
    qs = Permasalahan.objects.select_related(
        "rencana__perangkat_daerah",
        "rencana__unit_kerja",
        "rencana__penetapan__pegawai",
        "rencana__kelompok",
        "diajukan_oleh",
    )
    return qs.filter(rencana__in=RencanaTindak.objects.filter(_q_lingkup(user)).values("pk"))


def laporan_lengkap(qs: QuerySet[LaporanKemajuan]) -> QuerySet[LaporanKemajuan]:
    return qs.prefetch_related(
        Prefetch(
            "realisasi",
            queryset=RealisasiBaris.objects.select_related("baris").prefetch_related("bukti", "baris__nilai"),
        )
    )


@dataclass(frozen=True)
class PeriodeLaporan:
    mulai: datetime.date
    selesai: datetime.date
    status: str
    laporan: LaporanKemajuan | None

    @property
    def status_label(self) -> str:
        return str(StatusPeriode(self.status).label)

    @property
    def bisa_dilaporkan(self) -> bool:
        if self.status == StatusPeriode.DIBUKA_KEMBALI:
            return True
        return self.laporan is None and self.status in (StatusPeriode.BERJALAN, StatusPeriode.TERLAMBAT)


def periode_laporan(rencana: RencanaTindak, laporan: list[LaporanKemajuan], pada=None) -> list[PeriodeLaporan]:
    """Each reporting period of a plan with its status computed from the date ("terlambat" is never written by a
    job): a period that ended without a report is TERLAMBAT, but only once the plan is approved and only for a
    period that had not ended on the day of approval (a report is owed on an approved plan, 2.2.4 1) c)."""
    pada = pada or timezone.localdate()
    by_start = {lap.periode_mulai: lap for lap in laporan}
    rows = []
    for mulai, selesai in rencana.periode_laporan():
        lap = by_start.get(mulai)
        if lap is not None:
            status = {
                StatusLaporan.DIKETAHUI: StatusPeriode.DIKETAHUI,
                StatusLaporan.DIBUKA_KEMBALI: StatusPeriode.DIBUKA_KEMBALI,
            }.get(lap.status, StatusPeriode.TERKIRIM)
        elif rencana.disetujui_pada is None:
            status = StatusPeriode.MENUNGGU_PERSETUJUAN
        elif selesai < rencana.disetujui_pada:
            status = StatusPeriode.SEBELUM_DISETUJUI
        elif pada < mulai:
            status = StatusPeriode.AKAN_DATANG
        elif pada <= selesai:
            status = StatusPeriode.BERJALAN
        else:
            status = StatusPeriode.TERLAMBAT
        rows.append(PeriodeLaporan(mulai, selesai, status, lap))
    return rows


@dataclass
class BarisIkhtisar:
    pd: PerangkatDaerah
    agen: int
    disetujui: int
    laporan_terakhir: datetime.date | None
    capaian: Decimal | None
    terlambat: int


def _rencana_berlaku_dengan_laporan(pd_ids=None) -> list[RencanaTindak]:
    """Approved plans with their reports and realisations: 3 queries (plans, reports, realisations+rows)."""
    qs = RencanaTindak.objects.filter(status=Status.DISETUJUI).prefetch_related(
        Prefetch(
            "laporan",
            queryset=LaporanKemajuan.objects.prefetch_related(
                Prefetch("realisasi", queryset=RealisasiBaris.objects.select_related("baris"))
            ),
        )
    )
    if pd_ids is not None:
        qs = qs.filter(perangkat_daerah_id__in=pd_ids)
    return list(qs)


def capaian_rencana(rencana: RencanaTindak) -> Decimal | None:
    """The average achievement of the latest report of a plan (prefetched `laporan`)."""
    reports = sorted(rencana.laporan.all(), key=lambda r: r.periode_mulai)
    return reports[-1].capaian_rata_rata if reports else None


def ikhtisar_per_pd(pada=None) -> list[BarisIkhtisar]:
    """Per active PD: active agents, approved plans, date of the last report, average achievement, number of
    late reporting periods; PDs with late periods first (2.2.4 2) a).

    Queries: PDs, active agents grouped by PD, approved plans, their reports, the realisations with rows: 5,
    whatever the number of plans.
    """
    pada = pada or timezone.localdate()
    pds = list(PerangkatDaerah.objects.filter(aktif=True).order_by("kode"))
    agen = dict(
        Penetapan.objects.aktif(pada)
        .values_list("surat_keputusan__perangkat_daerah")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_pd: dict[int, list[RencanaTindak]] = {}
    for rencana in _rencana_berlaku_dengan_laporan():
        per_pd.setdefault(rencana.perangkat_daerah_id, []).append(rencana)
    rows = []
    for pd in pds:
        plans = per_pd.get(pd.pk, [])
        reports = [lap for r in plans for lap in r.laporan.all()]
        terlambat = sum(
            1
            for r in plans
            for p in periode_laporan(r, list(r.laporan.all()), pada)
            if p.status == StatusPeriode.TERLAMBAT
        )
        rows.append(
            BarisIkhtisar(
                pd=pd,
                agen=agen.get(pd.pk, 0),
                disetujui=len(plans),
                laporan_terakhir=max((timezone.localtime(r.dikirim_pada).date() for r in reports), default=None),
                capaian=rata_rata_capaian(capaian_rencana(r) for r in plans),
                terlambat=terlambat,
            )
        )
    rows.sort(key=lambda b: (-b.terlambat, b.pd.kode))
    return rows


@dataclass(frozen=True)
class RingkasanRencana:
    jumlah_disetujui: int
    rata_rata_capaian: Decimal | None


def ringkasan_rencana_per_pd(periode) -> dict[int, RingkasanRencana]:
    """For the Laporan Evaluasi of `periode`: per PD id, the approved plans whose months overlap the span since
    the previous periode closed up to this periode's close, and the mean of their latest achievement (each
    plan's latest report sent by the close date). Plans are not Formulir 1 aggregates: no respondent threshold.
    Queries: the previous periode, plans, reports, realisations: 4.
    """
    sebelumnya = Periode.objects.filter(tanggal_tutup__lt=periode.tanggal_tutup).order_by("-tanggal_tutup").first()
    dari = sebelumnya.tanggal_tutup if sebelumnya else datetime.date.min
    qs = RencanaTindak.objects.filter(
        status__in=(Status.DISETUJUI, Status.DIGANTI),
        disetujui_pada__lte=periode.tanggal_tutup,
        selesai__gt=dari,
        mulai__lte=periode.tanggal_tutup,
    ).prefetch_related(
        Prefetch(
            "laporan",
            queryset=LaporanKemajuan.objects.filter(dikirim_pada__date__lte=periode.tanggal_tutup).prefetch_related(
                Prefetch("realisasi", queryset=RealisasiBaris.objects.select_related("baris"))
            ),
        )
    )
    # One plan counts once: of a chain of versions, the last one approved by the close date.
    plans = list(qs)
    pengganti = {r.versi_sebelumnya_id for r in plans if r.versi_sebelumnya_id}
    per_pd: dict[int, list[RencanaTindak]] = {}
    for r in plans:
        if r.pk in pengganti:
            continue
        per_pd.setdefault(r.perangkat_daerah_id, []).append(r)
    return {
        pd_id: RingkasanRencana(len(rs), rata_rata_capaian(capaian_rencana(r) for r in rs))
        for pd_id, rs in per_pd.items()
    }


def ekspor_rencana_pd(pd: PerangkatDaerah) -> list[tuple[str, list[str], list[list]]]:
    """Sheets of the XLSX for Tim Monev: the PD's plans (one line per plan) and their rows with the latest
    realisation and achievement. Numbers stay numbers (apps.common.export neutralises text)."""
    plans = list(
        dengan_isi(
            RencanaTindak.objects.filter(perangkat_daerah=pd)
            .exclude(status=Status.DRAF)
            .select_related("penetapan__pegawai", "penetapan__surat_keputusan", "kelompok", "unit_kerja")
        ).prefetch_related(
            Prefetch(
                "laporan",
                queryset=LaporanKemajuan.objects.prefetch_related(
                    Prefetch("realisasi", queryset=RealisasiBaris.objects.select_related("baris"))
                ),
            )
        )
    )
    rencana_rows, baris_rows = [], []
    for r in plans:
        reports = sorted(r.laporan.all(), key=lambda lap: lap.periode_mulai)
        last = reports[-1] if reports else None
        rencana_rows.append(
            [
                r.pk,
                r.versi,
                r.pemilik,
                r.unit_kerja.nama,
                r.judul,
                r.get_status_display(),
                r.mulai.strftime("%m/%Y"),
                r.selesai.strftime("%m/%Y"),
                r.disetujui_pada,
                len(reports),
                last.periode_selesai if last else None,
                capaian_rencana(r),
            ]
        )
        realisasi = {x.baris_id: x for x in last.realisasi.all()} if last else {}
        for b in r.baris.all():
            x = realisasi.get(b.pk)
            baris_rows.append(
                [
                    r.pk,
                    b.nomor,
                    ", ".join(n.nama for n in b.nilai.all()),
                    b.sasaran,
                    b.indikator,
                    b.target_angka,
                    b.target_satuan,
                    b.kegiatan,
                    b.waktu_mulai.strftime("%m/%Y") if b.waktu_mulai else "",
                    b.waktu_selesai.strftime("%m/%Y") if b.waktu_selesai else "",
                    b.keterangan,
                    "Ya" if b.masuk_skp else "",
                    b.referensi_skp,
                    x.realisasi if x else None,
                    x.capaian if x else None,
                ]
            )
    return [
        (
            "Rencana",
            [
                "ID",
                "Versi",
                "Agen/Kelompok",
                "Unit kerja",
                "Judul",
                "Status",
                "Mulai",
                "Selesai",
                "Disetujui",
                "Jumlah laporan",
                "Laporan terakhir s.d.",
                "Capaian rata-rata (%)",
            ],
            rencana_rows,
        ),
        (
            "Baris dan capaian",
            [
                "ID rencana",
                "No",
                "Nilai",
                "Sasaran",
                "Indikator kinerja",
                "Target",
                "Satuan",
                "Kegiatan",
                "Waktu mulai",
                "Waktu selesai",
                "Keterangan",
                "Masuk SKP",
                "Referensi SKP",
                "Realisasi terakhir",
                "Capaian (%)",
            ],
            baris_rows,
        ),
    ]
