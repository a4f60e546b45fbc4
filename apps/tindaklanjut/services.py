"""Writes of the follow-ups (Lampiran BAB IV.2). One function per change, each with all its side effects."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.akun.models import Peran
from apps.akun.pimpinan import kepala_pd
from apps.akun.scope import lingkup
from apps.common.uploads import bukti_lampirkan, periksa_bukti
from apps.notifikasi.services import notifikasi_kirim, notifikasi_kirim_banyak, notifikasi_tandai_dibaca
from apps.survei.models import Periode

from .models import RiwayatTindakLanjut, TindakLanjut
from .workflow import CATATAN_WAJIB, KATEGORI_PERLU, TRANSITIONS, Aksi, Pelaku

BAGIAN = ("I", "II", "III")


class SudahBerubahError(Exception):
    """The follow-up's status moved on (somebody acted first)."""


def tindak_lanjut_buat(periode: Periode, *, laporan: Iterable) -> list[TindakLanjut]:
    """Create the follow-ups of a FINAL periode from its printed reports (idempotent).

    `laporan` are the finalised reports (the consolidated one: rows per PD; per PD: rows per unit). Only printed
    rows count: a row hidden for confidentiality ("< 3 responden", or hidden with it) has no numbers and gets no
    record, so a follow-up never reveals what the report hides (docs/keputusan.md, "Kerahasiaan").
    Side effects: one TindakLanjut per (PD or unit, section) in KURANG BAIK or BURUK, with the band's action and
    the PD's head (definitive, else acting: apps.akun.pimpinan) as the person responsible, or nobody, which
    puts it on Tim Monev's "tanpa penanggung jawab" list; existing records are left as they are; one notice to
    each responsible head.
    """
    if periode.status != Periode.Status.FINAL:
        raise ValidationError(_("Tindak lanjut dibuat saat periode difinalkan."))
    calon = []
    for lap in laporan:
        for baris in lap.baris:
            if not baris.nilai or not baris.kunci:
                continue
            jenis, _sep, ref = baris.kunci.partition(":")
            pd_id = int(ref) if jenis == "pd" else lap.pd_id
            unit_id = int(ref) if jenis == "unit" else None
            for bagian, nilai in zip(BAGIAN, baris.nilai, strict=True):
                if str(nilai.ka) in KATEGORI_PERLU:
                    calon.append((pd_id, unit_id, bagian, nilai))
    kepala = {pd_id: p.user_id for pd_id, p in kepala_pd({pd_id for pd_id, *_rest in calon}).items()}
    # The action is the follow-up text of the band in the periode's instrument (the pemda pack's; docs/paket.md).
    tindakan = {
        (bg.kode, band.kategori): band.tindak_lanjut
        for bg in periode.instrumen.bagian.prefetch_related("band")
        for band in bg.band.all()
    }
    dibuat = []
    with transaction.atomic():
        for pd_id, unit_id, bagian, nilai in calon:
            tl, created = TindakLanjut.objects.get_or_create(
                periode=periode,
                perangkat_daerah_id=pd_id,
                unit_kerja_id=unit_id,
                bagian=bagian,
                defaults={
                    "ts": nilai.ts,
                    "kategori": str(nilai.ka),
                    "tindakan": tindakan[(bagian, str(nilai.ka))],
                    "penanggung_jawab_id": kepala.get(pd_id),
                },
            )
            if created:
                dibuat.append(tl)
        # Each responsible Kepala PD is told once per periode that follow-ups wait for them.
        notifikasi_kirim_banyak(
            {tl.penanggung_jawab_id for tl in dibuat if tl.penanggung_jawab_id},
            teks=_(
                "Hasil evaluasi %(periode)s: ada tindak lanjut (kategori KURANG BAIK atau BURUK) untuk perangkat "
                "daerah Anda."
            )
            % {"periode": periode.nama},
            url=reverse("tindaklanjut:daftar") + "?status=TERBUKA",
            kunci=f"tindak-lanjut:{periode.pk}",
        )
    return dibuat


def pelaku(tl: TindakLanjut, aktor) -> set[str]:
    """The parts `aktor` plays on this follow-up: the PD's Kepala reports, Tim Monev checks."""
    scope = lingkup(aktor)
    parts = set()
    if scope.boleh_laporkan_tindak_lanjut(tl):
        parts.add(Pelaku.KEPALA_PD)
    if scope.boleh_periksa_tindak_lanjut:
        parts.add(Pelaku.TIM_MONEV)
    return parts


def tindak_lanjut_jadwalkan(tl: TindakLanjut, *, batas_waktu: datetime.date, aktor) -> TindakLanjut:
    """Tim Monev sets (or moves) the due date. Side effects: locks the row, saves `batas_waktu`, one history
    row (status unchanged, the old and new date in the note)."""
    if not lingkup(aktor).boleh_periksa_tindak_lanjut:
        raise PermissionDenied
    if batas_waktu < tl.periode.tanggal_tutup:
        raise ValidationError({"batas_waktu": _("Batas waktu tidak boleh sebelum periode ditutup.")})
    with transaction.atomic():
        locked = TindakLanjut.objects.select_for_update().get(pk=tl.pk)
        lama = locked.batas_waktu
        locked.batas_waktu = batas_waktu
        locked.save(update_fields=["batas_waktu"])
        RiwayatTindakLanjut.objects.create(
            tindak_lanjut=locked,
            aksi="jadwalkan",
            dari_status=locked.status,
            ke_status=locked.status,
            catatan=_("Batas waktu %(lama)s → %(baru)s")
            % {"lama": lama.strftime("%d-%m-%Y") if lama else "—", "baru": batas_waktu.strftime("%d-%m-%Y")},
            oleh=aktor,
        )
    tl.batas_waktu = batas_waktu
    return locked


def tindak_lanjut_transisi(tl: TindakLanjut, *, aksi: str, aktor, catatan: str = "", bukti=None) -> TindakLanjut:
    """Take `aksi` on a follow-up as `aktor`: the one place its status changes.

    Side effects, in one transaction: locks the row and re-reads its status; refuses with PermissionDenied when
    the actor plays no part allowed to act, SudahBerubahError when the status moved on, ValidationError when a
    required note is missing or the evidence file is refused (PDF/JPEG/PNG up to 5 MB, checked by content: then
    nothing is written); on "laporkan" keeps the note as what was done, the time and the optional evidence file
    (stored privately, served only through a scope-checking view); saves with update_fields and appends one
    RiwayatTindakLanjut (who, when, from, to, note).
    """
    if bukti is not None:
        periksa_bukti(bukti)
    if aksi not in Aksi.values:
        raise ValueError(f"unknown action {aksi!r}")
    catatan = (catatan or "").strip()
    with transaction.atomic():
        locked = TindakLanjut.objects.select_for_update().select_related("periode").get(pk=tl.pk)
        roles = pelaku(locked, aktor)
        if not roles & {siapa for (_d, a), (_k, siapa) in TRANSITIONS.items() if a == aksi}:
            raise PermissionDenied
        entry = TRANSITIONS.get((locked.status, aksi))
        if entry is None:
            raise SudahBerubahError
        ke, siapa = entry
        if siapa not in roles:
            raise PermissionDenied
        if aksi in CATATAN_WAJIB and not catatan:
            raise ValidationError({"catatan": _("Catatan wajib diisi untuk langkah ini.")})
        fields = ["status"]
        if aksi == Aksi.LAPORKAN:
            locked.uraian = catatan
            locked.dilaporkan_pada = timezone.now()
            fields += ["uraian", "dilaporkan_pada"]
            if bukti is not None:
                bukti_lampirkan(locked, bukti)
                fields += ["bukti", "bukti_nama", "bukti_jenis"]
        dari = locked.status
        locked.status = ke
        try:
            locked.save(update_fields=fields)
        except BaseException:
            if bukti is not None:
                locked.bukti.delete(save=False)
            raise
        RiwayatTindakLanjut.objects.create(
            tindak_lanjut=locked, aksi=aksi, dari_status=dari, ke_status=ke, catatan=catatan, oleh=aktor
        )
        url = reverse("tindaklanjut:detail", args=[locked.pk])
        if aksi == Aksi.KEMBALIKAN:
            notifikasi_kirim(
                locked.penanggung_jawab,
                teks=_("Laporan tindak lanjut %(sasaran)s bagian %(bagian)s dikembalikan Tim Monev: %(catatan)s")
                % {"sasaran": locked.sasaran, "bagian": locked.bagian, "catatan": catatan},
                url=url,
            )
        notifikasi_tandai_dibaca(aktor, url=url)
    tl.status = locked.status
    return locked


# Daily work (manage.py kerja_harian) ---------------------------------------------------------------------------

HARI_SEBELUM_TENGGAT = 7


def tindak_lanjut_tetapkan_penanggung_jawab(hari: datetime.date) -> dict:
    """Give every follow-up still to be reported (TERBUKA) the PD's head of `hari` as the person responsible,
    where it has none or its person no longer heads the PD (a new Kepala PD, a Plt. appointed or ended).

    Side effects: `penanggung_jawab` saved; one notice per newly responsible person and day, counting what they
    took over. Those left without a head go to Tim Monev's "tanpa penanggung jawab" list, and Tim Monev is
    told how many lost their person that day. Returns the counts.
    """
    terbuka = list(TindakLanjut.objects.filter(status=TindakLanjut.Status.TERBUKA))
    kepala = kepala_pd({tl.perangkat_daerah_id for tl in terbuka}, hari)
    diterima: dict[int, int] = {}
    pindah = 0
    for tl in terbuka:
        baru = kepala[tl.perangkat_daerah_id].user_id if tl.perangkat_daerah_id in kepala else None
        if baru == tl.penanggung_jawab_id:
            continue
        # A head who left with nobody acting for them: the follow-up goes to the list (baru is None).
        TindakLanjut.objects.filter(pk=tl.pk).update(penanggung_jawab_id=baru)
        pindah += 1
        if baru is not None:
            diterima[baru] = diterima.get(baru, 0) + 1
    for user_id, n in diterima.items():
        notifikasi_kirim_banyak(
            [user_id],
            teks=_("%(n)s tindak lanjut hasil evaluasi kini menjadi tanggung jawab Anda.") % {"n": n},
            url=reverse("tindaklanjut:daftar") + "?status=TERBUKA",
            kunci=f"tl-pj:{user_id}:{hari.isoformat()}",
        )
    lepas = sum(1 for tl in terbuka if tl.perangkat_daerah_id not in kepala and tl.penanggung_jawab_id is not None)
    if lepas:
        # Tim Monev learns the same day that follow-ups lost their person (a head left, a Plt.'s term ended).
        notifikasi_kirim_banyak(
            Peran.objects.aktif(hari).filter(jenis=Peran.Jenis.TIM_MONEV).values_list("user_id", flat=True),
            teks=_(
                "%(n)s tindak lanjut kini tanpa penanggung jawab: tidak ada Kepala atau Plt./Plh. di perangkat daerahnya."
            )
            % {"n": lepas},
            url=reverse("akun:tanpa_penanggung_jawab"),
            kunci=f"tl-lepas:{hari.isoformat()}",
        )
    tanpa = TindakLanjut.objects.filter(status=TindakLanjut.Status.TERBUKA, penanggung_jawab__isnull=True).count()
    return {"dipindahkan": pindah, "tanpa_penanggung_jawab": tanpa}


def tindak_lanjut_ingatkan(hari: datetime.date) -> dict:
    """Remind each person responsible of their follow-ups due within HARI_SEBELUM_TENGGAT days, and of those
    past their due date: one notice per person, event and due date (its key names them, so a moved date
    reminds again, and a second run the same day does not). Returns the counts."""
    hasil = {"akan_jatuh_tempo": 0, "terlambat": 0}
    kelompok: dict[tuple[int, str, datetime.date], int] = {}
    qs = TindakLanjut.objects.filter(
        status=TindakLanjut.Status.TERBUKA,
        penanggung_jawab__isnull=False,
        batas_waktu__isnull=False,
        batas_waktu__lte=hari + datetime.timedelta(days=HARI_SEBELUM_TENGGAT),
    ).values_list("penanggung_jawab_id", "batas_waktu")
    for user_id, batas in qs:
        key = (user_id, "terlambat" if batas < hari else "akan_jatuh_tempo", batas)
        kelompok[key] = kelompok.get(key, 0) + 1
    for (user_id, jenis, batas), n in sorted(kelompok.items()):
        teks = (
            _("%(n)s tindak lanjut hasil evaluasi terlambat: batas waktu %(tgl)s sudah lewat.")
            if jenis == "terlambat"
            else _("%(n)s tindak lanjut hasil evaluasi jatuh tempo %(tgl)s.")
        ) % {"n": n, "tgl": batas.strftime("%d-%m-%Y")}
        hasil[jenis] += notifikasi_kirim_banyak(
            [user_id],
            teks=teks,
            url=reverse("tindaklanjut:daftar") + "?status=TERBUKA",
            kunci=f"tl-{jenis}:{user_id}:{batas.isoformat()}",
            email=True,
        )
    return hasil
