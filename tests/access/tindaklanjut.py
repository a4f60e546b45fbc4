"""Access matrix of the follow-ups (Lampiran BAB IV.2): Kepala PD and KBK their PD's, the kabupaten roles all;
Tim Monev sets due dates and checks reports; only the PD's Kepala reports."""

from .matrix import Case, everyone


def _tl(w):
    from apps.survei.models import Periode
    from apps.tindaklanjut.models import TindakLanjut
    from tests.hasil.data import buat_periode

    periode = buat_periode("2024", Periode.Status.FINAL)
    w.tl = TindakLanjut.objects.create(
        periode=periode, perangkat_daerah=w.pd_x, bagian="I", ts="20.00", kategori="KURANG_BAIK", tindakan="x"
    )


def _tl_dilaporkan(w):
    _tl(w)
    w.tl.status = "DILAPORKAN"
    w.tl.save()


def _tl_dengan_bukti(w):
    from django.core.files.base import ContentFile

    _tl(w)
    w.tl.bukti.save("bukti.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
    w.tl.bukti_nama, w.tl.bukti_jenis = "bukti.pdf", "application/pdf"
    w.tl.save()


CASES = [
    Case(
        "tindaklanjut:bukti",
        everyone(403, kbk=200, kepala=200, monev=200, sekda=200, admin=200, outsider=404),
        kwargs=lambda w: {"pk": w.tl.pk},
        setup=_tl_dengan_bukti,
    ),
    Case("tindaklanjut:daftar", everyone(403, kbk=200, kepala=200, monev=200, sekda=200, admin=200, outsider=200)),
    Case(
        "tindaklanjut:detail",
        everyone(403, kbk=200, kepala=200, monev=200, sekda=200, admin=200, outsider=404),
        kwargs=lambda w: {"pk": w.tl.pk},
        setup=_tl,
    ),
    Case(
        "tindaklanjut:jadwal",
        everyone(403, kbk=403, kepala=403, monev=302, sekda=403, admin=403, outsider=404),
        kwargs=lambda w: {"pk": w.tl.pk},
        method="post",
        data=lambda w: {"batas_waktu": "2026-03-31"},
        setup=_tl,
    ),
    Case(
        "tindaklanjut:transisi",
        everyone(403, kbk=403, kepala=302, monev=403, sekda=403, admin=403, outsider=404),
        kwargs=lambda w: {"pk": w.tl.pk, "aksi": "laporkan"},
        method="post",
        data=lambda w: {"catatan": "Sudah dilakukan"},
        setup=_tl,
    ),
    Case(
        "tindaklanjut:transisi",
        everyone(403, kbk=403, kepala=403, monev=302, sekda=403, admin=403, outsider=404),
        kwargs=lambda w: {"pk": w.tl.pk, "aksi": "terima"},
        method="post",
        setup=_tl_dilaporkan,
        id="tindaklanjut:transisi[terima]",
    ),
]
