"""The FINAL Laporan Evaluasi as an issued document (docs/keputusan.md, «Dokumen terbit», «Tata naskah dinas»): the
covering letter's number from the outgoing-letter register, and each final version's PDF rendered once and kept.

The consolidated report (with the letter to the Bupati) is rendered when the periode becomes FINAL; a PD's report
on its first download. Either way the PDF is made from the frozen snapshot, carries the FINAL date, and every later
download returns the stored bytes.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.common.dokumen import terbitkan
from apps.common.models import DokumenTerbit, Instansi, SuratKeluar
from apps.organisasi.models import PerangkatDaerah
from apps.survei.models import Periode

from . import render, services
from .models import SnapshotLaporan


def _kunci(periode: Periode) -> str:
    return f"laporan:{periode.kode}"


def surat_pengantar(periode: Periode) -> SuratKeluar | None:
    """The register entry of the letter that carries the periode's consolidated report, if any."""
    return SuratKeluar.objects.filter(dipakai_untuk=_kunci(periode)).first()


def surat_pengantar_catat(periode: Periode, *, nomor: str, sifat: str, aktor) -> SuratKeluar:
    """Take the covering letter's number from the register: a reserved, unused number is used, a new number is
    entered, a number already used for another letter is refused.

    Side effects: the SuratKeluar row (locked if it exists) saved with today's date, sifat, hal, addressee and
    `dipakai_untuk` = this periode's report.
    """
    nomor = nomor.strip()
    if not nomor:
        raise ValidationError({"nomor_surat": _("Isi nomor surat dari register surat keluar.")})
    instansi = Instansi.aktif()
    with transaction.atomic():
        surat = SuratKeluar.objects.select_for_update().filter(nomor=nomor).first()
        if surat is not None and surat.dipakai_untuk not in ("", _kunci(periode)):
            raise ValidationError(
                {"nomor_surat": _("Nomor %(nomor)s sudah dipakai untuk surat lain.") % {"nomor": nomor}}
            )
        if surat is None:
            surat = SuratKeluar(nomor=nomor, dicatat_oleh=aktor)
        surat.tanggal = timezone.localdate()
        surat.sifat = sifat
        surat.hal = f"Laporan Evaluasi Budaya Kerja {periode.nama}"[:300]
        surat.tujuan = f"{instansi.kepala_daerah} melalui {instansi.sekda}"[:300]
        surat.dipakai_untuk = _kunci(periode)
        surat.save()
    return surat


def laporan_final_pdf(periode: Periode, pd: PerangkatDaerah | None = None) -> DokumenTerbit | None:
    """The stored PDF of the latest final version of a report (None before FINAL): rendered and kept on the first
    call, the same bytes on every later one.

    Side effects on the first call, in one transaction: the snapshot row locked; one DokumenTerbit (the PDF, with its
    verification code); the snapshot's `dokumen` (and for the consolidated report `surat`) saved.
    """
    if periode.status != Periode.Status.FINAL:
        return None
    with transaction.atomic():
        snapshot = (
            SnapshotLaporan.objects.select_for_update()
            .filter(periode=periode, perangkat_daerah=pd)
            .order_by("-versi")
            .first()
        )
        if snapshot is None:
            return None
        if snapshot.dokumen_id is not None:
            return snapshot.dokumen
        surat = surat_pengantar(periode) if pd is None else None
        konteks = render.konteks(**services.laporan_lengkap(periode, pd))
        konteks["surat_keluar"] = surat
        judul = f"Laporan Evaluasi Budaya Kerja {periode.nama}"
        if pd is not None:
            judul += f" — {pd.nama}"
        snapshot.dokumen = terbitkan(
            "laporan/pdf/laporan.html",
            konteks,
            jenis=DokumenTerbit.Jenis.LAPORAN,
            judul=f"{judul} (versi {snapshot.versi})",
            nomor=surat.nomor if surat else "",
            tanggal=snapshot.tanggal,
        )
        snapshot.surat = surat
        snapshot.save(update_fields=["dokumen", "surat"])
    return snapshot.dokumen
