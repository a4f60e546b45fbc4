"""Access matrix of declarations and activities (Pasal 6-7): the PD's Kepala and KBK record; kabupaten reads."""

from .matrix import Case, everyone

_kegiatan = {"tanggal": "2025-02-03", "jenis": "SOSIALISASI", "bentuk": "Apel pagi", "jumlah_peserta": "20"}


def _dengan_nilai(w):
    from apps.nilai.models import Nilai

    return {**_kegiatan, "nilai": [Nilai.objects.first().pk]}


CASES = [
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
