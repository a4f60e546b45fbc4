"""Writes of the forum: meetings, their files, praktik baik. Each checks the actor's right on Lingkup.

A refused file writes nothing: the file is checked before any row is saved, and a row saved in a transaction
that rolls back takes its stored file with it (`_hapus_bila_gagal`).
"""

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db import transaction

from apps.akun.scope import lingkup
from apps.common.uploads import periksa_bukti

from .models import LampiranPertemuan, Pertemuan, PraktikBaik
from .selectors import Forum


@contextmanager
def _hapus_bila_gagal(simpanan: list):
    """Delete the files stored inside the block when the block (and its transaction) fails."""
    try:
        yield
    except BaseException:
        for berkas in simpanan:
            berkas.storage.delete(berkas.name)
        raise


def _lampirkan(pertemuan: Pertemuan, berkas, aktor, simpanan: list) -> LampiranPertemuan:
    bukti = getattr(berkas, "bukti", None) or periksa_bukti(berkas)
    lampiran = LampiranPertemuan(
        pertemuan=pertemuan,
        nama_asli=berkas.name[:200],
        content_type=bukti.content_type,
        ukuran=bukti.ukuran,
        diunggah_oleh=aktor,
    )
    lampiran.berkas.save(berkas.name, berkas, save=False)
    simpanan.append(lampiran.berkas)
    lampiran.save()
    return lampiran


def pertemuan_catat(forum: Forum, *, tanggal, topik: str, fasilitator: str, peserta, catatan: str, aktor, berkas=None):
    """Record a meeting of `forum` (2.2.4 3a-c), with an optional file.

    Side effects: one Pertemuan with its attendees; with `berkas`, one LampiranPertemuan and its stored file.
    Raises PermissionDenied for an actor who does not write this forum, ValidationError for a refused file
    (then nothing is written).
    """
    if not lingkup(aktor).boleh_catat_pertemuan_forum(forum.pd_id):
        raise PermissionDenied
    if berkas is not None:
        periksa_bukti(berkas)
    simpanan: list = []
    with _hapus_bila_gagal(simpanan), transaction.atomic():
        pertemuan = Pertemuan.objects.create(
            perangkat_daerah=forum.perangkat_daerah,
            tanggal=tanggal,
            topik=topik,
            fasilitator=fasilitator,
            catatan=catatan,
            dicatat_oleh=aktor,
        )
        pertemuan.peserta.set(peserta)
        if berkas is not None:
            _lampirkan(pertemuan, berkas, aktor, simpanan)
    return pertemuan


def pertemuan_ubah(pertemuan: Pertemuan, *, tanggal, topik: str, fasilitator: str, peserta, catatan: str, aktor):
    """Correct a meeting record. Side effects: the row locked and saved, its attendees set, `diubah_oleh`."""
    if not lingkup(aktor).boleh_catat_pertemuan_forum(pertemuan.perangkat_daerah_id):
        raise PermissionDenied
    with transaction.atomic():
        pertemuan = Pertemuan.objects.select_for_update().get(pk=pertemuan.pk)
        pertemuan.tanggal, pertemuan.topik, pertemuan.fasilitator = tanggal, topik, fasilitator
        pertemuan.catatan, pertemuan.diubah_oleh = catatan, aktor
        pertemuan.save(update_fields=["tanggal", "topik", "fasilitator", "catatan", "diubah_oleh", "diubah_pada"])
        pertemuan.peserta.set(peserta)
    return pertemuan


def lampiran_unggah(pertemuan: Pertemuan, *, berkas, aktor) -> LampiranPertemuan:
    """Add a file to a meeting. Side effects: one LampiranPertemuan and its stored file; nothing on refusal."""
    if not lingkup(aktor).boleh_catat_pertemuan_forum(pertemuan.perangkat_daerah_id):
        raise PermissionDenied
    periksa_bukti(berkas)
    simpanan: list = []
    with _hapus_bila_gagal(simpanan), transaction.atomic():
        return _lampirkan(pertemuan, berkas, aktor, simpanan)


def praktik_baik_tulis(forum: Forum, *, judul: str, nilai, yang_dilakukan: str, hasil: str, kontak, aktor):
    """Post a praktik baik entry in `forum` (2.2.4 3d). Side effects: one PraktikBaik with its values."""
    if not lingkup(aktor).boleh_tulis_praktik_baik(forum.pd_id):
        raise PermissionDenied
    with transaction.atomic():
        praktik = PraktikBaik.objects.create(
            perangkat_daerah=forum.perangkat_daerah,
            judul=judul,
            yang_dilakukan=yang_dilakukan,
            hasil=hasil,
            kontak=kontak,
            ditulis_oleh=aktor,
        )
        praktik.nilai.set(nilai)
    return praktik


def praktik_baik_ubah(praktik: PraktikBaik, *, judul: str, nilai, yang_dilakukan: str, hasil: str, kontak, aktor):
    """Correct an entry. Side effects: the row locked and saved with `diubah_oleh`, its values set."""
    if not lingkup(aktor).boleh_tulis_praktik_baik(praktik.perangkat_daerah_id):
        raise PermissionDenied
    with transaction.atomic():
        praktik = PraktikBaik.objects.select_for_update().get(pk=praktik.pk)
        praktik.judul, praktik.yang_dilakukan, praktik.hasil = judul, yang_dilakukan, hasil
        praktik.kontak, praktik.diubah_oleh = kontak, aktor
        praktik.save(update_fields=["judul", "yang_dilakukan", "hasil", "kontak", "diubah_oleh", "diubah_pada"])
        praktik.nilai.set(nilai)
    return praktik
