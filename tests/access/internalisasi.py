"""Access matrix of declarations and activities (Pasal 6-7): the PD's Kepala and KBK record; kabupaten reads."""

from .matrix import Case, everyone

_kegiatan = {"tanggal": "2025-02-03", "jenis": "SOSIALISASI", "bentuk": "Apel pagi", "jumlah_peserta": "20"}


def _dengan_nilai(w):
    from apps.nilai.models import Nilai

    return {**_kegiatan, "nilai": [Nilai.objects.first().pk]}


def _kegiatan_dengan_bukti(w):
    from django.core.files.base import ContentFile

    from apps.internalisasi.models import KegiatanInternalisasi

    k = KegiatanInternalisasi(
        perangkat_daerah=w.pd_x,
        tanggal="2025-02-03",
        jenis="SOSIALISASI",
        bentuk="Apel",
        jumlah_peserta=5,
        dicatat_oleh=w.kepala.user,
        bukti_nama="foto.png",
        bukti_jenis="image/png",
    )
    k.bukti.save("foto.png", ContentFile(b"\x89PNG\r\n\x1a\n uji"), save=False)
    k.save()
    w.kegiatan = k


CASES = [
    Case(
        "internalisasi:berkas",
        everyone(403, kbk=200, kepala=200, monev=200, sekda=200, admin=200, outsider=404),
        kwargs=lambda w: {"kode": w.pd_x.kode, "jenis": "kegiatan", "pk": w.kegiatan.pk},
        setup=_kegiatan_dengan_bukti,
    ),
    Case(
        "internalisasi:index",
        everyone(403, kbk=302, kepala=302, monev=200, sekda=200, admin=200, outsider=302),
        note="a user of one PD goes straight to it",
    ),
    Case(
        "internalisasi:pd",
        everyone(403, kbk=200, kepala=200, monev=200, sekda=200, admin=200, outsider=404),
        kwargs=lambda w: {"kode": w.pd_x.kode},
    ),
    Case(
        "internalisasi:deklarasi_tambah",
        everyone(403, kbk=302, kepala=302, monev=403, sekda=403, admin=403, outsider=404),
        kwargs=lambda w: {"kode": w.pd_x.kode},
        method="post",
        data=lambda w: {"tanggal": "2025-01-15", "bentuk": "Apel deklarasi"},
    ),
    Case(
        "internalisasi:kegiatan_tambah",
        everyone(403, kbk=302, kepala=302, monev=403, sekda=403, admin=403, outsider=404),
        kwargs=lambda w: {"kode": w.pd_x.kode},
        method="post",
        data=_dengan_nilai,
    ),
]
