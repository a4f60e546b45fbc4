"""Writes of the reporting app: Tim Monev's notes, finalising a periode, and the snapshots of final reports."""

import datetime

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from apps.hasil import beku
from apps.hasil.beku import bekukan_bila_perlu
from apps.hasil.selectors import Laporan, laporan_konsolidasi, laporan_perangkat_daerah
from apps.hasil.selectors.hasil_asn import baris_unit_dari, butir_terlemah_pd, nilai_sendiri, pembanding
from apps.hasil.services import bekukan, jumlah_asn
from apps.organisasi.models import PerangkatDaerah, UnitKerja
from apps.survei.models import Periode, Respon
from apps.survei.services import periode_tandai_final
from apps.tindaklanjut.models import TindakLanjut
from apps.tindaklanjut.services import tindak_lanjut_buat

from .models import CatatanLaporan, SnapshotLaporan
from .selectors.pelaksanaan import pelaksanaan_per_pd
from .selectors.penandatangan import ketua_tim_monev
from .selectors.ringkasan import periode_sebelumnya


def catatan_map(periode: Periode) -> dict[str, str]:
    """Tim Monev's notes of a periode keyed as the report rows are ("pd:<id>", "unit:<id>"). One query."""
    return {c.kunci: c.teks for c in CatatanLaporan.objects.filter(periode=periode).exclude(teks="")}


def laporan_live(periode: Periode, pd: PerangkatDaerah | None = None, induk: UnitKerja | None = None) -> Laporan:
    notes = catatan_map(periode)
    asn = jumlah_asn(periode)
    if pd is None:
        return laporan_konsolidasi(periode, catatan=notes, asn=asn)
    return laporan_perangkat_daerah(periode, pd, induk=induk, catatan=notes, asn=asn)


def laporan_untuk(periode: Periode, pd: PerangkatDaerah | None = None) -> Laporan:
    """The report to show: of a FINAL periode the latest snapshot (docs/keputusan.md, «Laporan Evaluasi: angka per baris»), otherwise computed now."""
    if periode.status == Periode.Status.FINAL:
        snapshot = SnapshotLaporan.objects.filter(periode=periode, perangkat_daerah=pd).order_by("-versi").first()
        if snapshot is not None:
            laporan = Laporan.from_json(snapshot.data)
            laporan.versi = snapshot.versi
            return laporan
    return laporan_live(periode, pd)


def _snapshot(periode: Periode, pd: PerangkatDaerah | None, actor, alasan: str) -> SnapshotLaporan:
    laporan = laporan_live(periode, pd)
    versi = (
        SnapshotLaporan.objects.filter(periode=periode, perangkat_daerah=pd).aggregate(v=Max("versi"))["v"] or 0
    ) + 1
    signer = laporan.penandatangan
    return SnapshotLaporan.objects.create(
        periode=periode,
        perangkat_daerah=pd,
        versi=versi,
        data=laporan.to_json(),
        tanggal=laporan.tanggal,
        penanda_tangan_nama=signer.nama_tampil if signer else "",
        penanda_tangan_nip=signer.nip if signer else "",
        penanda_tangan_jabatan=signer.jabatan if signer else "",
        penanda_tangan_golongan=signer.pangkat_golongan if signer else "",
        alasan=alasan,
        dibuat_oleh=actor,
    )


def laporan_finalkan(periode: Periode, *, aktor, catatan: str = "Finalisasi laporan") -> list[SnapshotLaporan]:
    """Finalise a closed periode: the one path to FINAL (the report page; the periode list and the admin action
    reach it through apps.survei.services.periode_finalkan). In one transaction, top-down:

    1. the state change DITUTUP -> FINAL (apps.survei.services.periode_tandai_final: the actor's right, the
       periode row locked, the history row; its signal is for notices only);
    2. the stored aggregates of the frozen world (apps.hasil.services.bekukan), which every later view reads;
    3. the consolidated report and every active PD's report kept as version-1 snapshots (numbers, date, signer);
    4. a follow-up record for every printed PD or unit row in KURANG BAIK or BURUK
       (apps.tindaklanjut.services.tindak_lanjut_buat).

    Raises PermissionDenied (the actor may not finalise) or ValidationError (the periode is not closed); then
    nothing is written.
    """
    with transaction.atomic():
        periode_tandai_final(periode, aktor=aktor, catatan=catatan)
        bekukan(periode)
        pds = PerangkatDaerah.objects.filter(aktif=True).order_by("kode")
        snapshots = [_snapshot(periode, pd, aktor, "Finalisasi") for pd in [None, *pds]]
        tindak_lanjut_buat(periode, laporan=[Laporan.from_json(s.data) for s in snapshots])
    return snapshots


def simpan_catatan(
    periode: Periode, actor, teks: str, pd: PerangkatDaerah | None = None, unit: UnitKerja | None = None
) -> None:
    """Save Tim Monev's note of one row. Of a FINAL periode, the reports that print the row get a new version."""
    with transaction.atomic():
        CatatanLaporan.objects.update_or_create(
            periode=periode,
            perangkat_daerah=pd,
            unit_kerja=unit,
            defaults={"teks": teks, "diubah_oleh": actor},
        )
        if periode.status == Periode.Status.FINAL:
            alasan = "Catatan diubah"
            if pd is not None:
                _snapshot(periode, None, actor, alasan)
                _snapshot(periode, pd, actor, alasan)
            elif unit.induk_id is None:
                _snapshot(periode, unit.perangkat_daerah, actor, alasan)


def tanggal_indonesia(tanggal: datetime.date | None = None) -> str:
    """28 November 2026: the date line of the report, with Indonesian month names."""
    tanggal = tanggal or timezone.localdate()
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def laporan_lengkap(periode: Periode, pd: PerangkatDaerah | None = None) -> dict:
    """The report to show with what goes around it (the arguments of `render.konteks`): the previous closed
    periode's report at the same level for the change column, and for the consolidated report the implementation
    per PD and the covering letter's signer (the Ketua Tim Monev: Pasal 9(3))."""
    laporan = laporan_untuk(periode, pd)
    lalu = periode_sebelumnya(periode)
    hasil = {
        "laporan": laporan,
        "sebelumnya": laporan_untuk(lalu, pd) if lalu and laporan.agregat else None,
        "draf": periode.status != Periode.Status.FINAL,
    }
    if pd is None and laporan.agregat:
        hasil["pelaksanaan"] = pelaksanaan_per_pd(periode, lalu)
        hasil["surat"] = ketua_tim_monev()
    return hasil


def _path_beku(periode: Periode, unit: UnitKerja) -> str:
    """The unit's path in the tree of the first close (apps/hasil/beku.py), its path now for a unit made since."""
    frozen = beku.unit(periode, unit.pk) if bekukan_bila_perlu(periode) else None
    return frozen.path if frozen else unit.path


def hasil_asn(periode: Periode, pegawai) -> dict:
    """What an ASN sees of a FINAL periode (apps/hasil/selectors/hasil_asn.py): own scores (when they
    responded), the printed rows of their unit, PD and the kabupaten, the PD's three weakest items when the PD's
    row is printed, and the PD's follow-ups. Before FINAL: only `final=False`."""
    if periode.status != Periode.Status.FINAL:
        return {"final": False}
    respon = Respon.objects.filter(periode=periode, pegawai=pegawai, status=Respon.Status.TERKIRIM).first()
    pd = respon.perangkat_daerah if respon else pegawai.unit_kerja.perangkat_daerah
    unit = respon.unit_kerja if respon else pegawai.unit_kerja
    laporan_pd = laporan_untuk(periode, pd)
    konsolidasi = laporan_untuk(periode)
    sendiri = nilai_sendiri(respon, laporan_pd.bands) if respon else None
    pd_tercetak = bool(laporan_pd.seluruh and laporan_pd.seluruh.nilai)
    # The follow-ups of the printed rows the person belongs to: their unit's row (its top-level unit, as the PD's
    # report prints it) and their PD's row. Follow-ups exist only for printed rows (tindak_lanjut_buat), so they
    # show no more than the report does.
    leluhur = [int(x) for x in unit.path.strip("/").split("/") if x]
    tindak_lanjut = list(
        TindakLanjut.objects.filter(periode=periode, perangkat_daerah=pd)
        .filter(Q(unit_kerja=None) | Q(unit_kerja_id__in=leluhur))
        .select_related("unit_kerja")
        .order_by("unit_kerja_id", "bagian")
    )
    baris_unit = baris_unit_dari(laporan_pd, unit.path)
    return {
        "final": True,
        "sendiri": sendiri,
        "pembanding": pembanding(laporan_pd, konsolidasi, _path_beku(periode, unit), nama_pd=pd.nama),
        "butir_lemah": butir_terlemah_pd(periode, pd.pk) if pd_tercetak else [],
        "tindak_lanjut_unit": [tl for tl in tindak_lanjut if tl.unit_kerja_id],
        "tindak_lanjut_pd": [tl for tl in tindak_lanjut if not tl.unit_kerja_id],
        "unit_nama": baris_unit.nama if baris_unit else unit.nama,
        "pd": pd,
    }
