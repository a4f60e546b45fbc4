"""Access matrix of the Laporan Evaluasi (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»): kabupaten roles see everything, Kepala PD and KBK their PD
(another PD 404, the consolidated report 403), a unit head their unit (another unit 404), a plain ASN nothing.

A URL naming a PD or a unit looks the object up in the user's scope first, so the outsider gets 404 there even
on pages their role lacks. The periode-level pages (consolidated report, its downloads, the dashboard,
finalising) name no object of PD X: a Kepala PD lacks them, inside PD X or outside it, so 403 for both."""

from .matrix import Case, everyone

KABUPATEN = {"monev": 200, "sekda": 200, "admin": 200}
PD_X = {**KABUPATEN, "kbk": 200, "kepala": 200, "outsider": 404}


def periode_2025(w) -> None:
    from apps.survei.models import Periode
    from tests.hasil.conftest import isi_2025
    from tests.hasil.data import buat_periode

    isi_2025(w, buat_periode("2025", Periode.Status.DITUTUP))


def kode(**extra):
    return lambda w: {"kode": "2025", **{k: v(w) if callable(v) else v for k, v in extra.items()}}


CASES = [
    Case(
        "laporan:hasil_saya",
        everyone(200, admin=403),
        kwargs=kode(),
        setup=periode_2025,
        note="every ASN sees their own results; the admin account has no pegawai record",
    ),
    Case(
        "laporan:index",
        everyone(200, asn=403),
        setup=periode_2025,
        note="any reporting role; a plain ASN has none",
    ),
    Case("laporan:konsolidasi", everyone(403, **KABUPATEN), kwargs=kode(), setup=periode_2025),
    Case(
        "laporan:konsolidasi",
        everyone(403, monev=404, sekda=404, admin=404),
        kwargs=lambda w: {"kode": "1999"},
        id="laporan:konsolidasi[unknown periode]",
    ),
    Case(
        "laporan:konsolidasi_unduh",
        everyone(403, **KABUPATEN),
        kwargs=kode(fmt="pdf"),
        setup=periode_2025,
        id="laporan:konsolidasi_unduh[pdf]",
    ),
    Case(
        "laporan:konsolidasi_unduh",
        everyone(403, **KABUPATEN),
        kwargs=kode(fmt="xlsx"),
        setup=periode_2025,
        id="laporan:konsolidasi_unduh[xlsx]",
    ),
    Case("laporan:dasbor", everyone(403, **KABUPATEN), kwargs=kode(), setup=periode_2025),
    Case("laporan:finalisasi", everyone(403, monev=200, admin=200), kwargs=kode(), setup=periode_2025),
    Case(
        "laporan:finalisasi",
        everyone(403, monev=302, admin=302),
        kwargs=kode(),
        setup=periode_2025,
        method="post",
        # Finalising takes the outgoing letter to the Bupati from the register (docs/keputusan.md, «Dokumen terbit»).
        data=lambda w: {"nomor_surat": "000.5/001/2026", "sifat": "BIASA", "yakin": "on"},
    ),
    Case("laporan:pd", everyone(403, **PD_X), kwargs=kode(pd_kode="PDX"), setup=periode_2025),
    Case(
        "laporan:pd",
        everyone(403, monev=404, sekda=404, admin=404, kbk=404, kepala=404, outsider=404),
        kwargs=kode(pd_kode="TIDAKADA"),
        id="laporan:pd[unknown PD]",
    ),
    Case(
        "laporan:pd_unduh",
        everyone(403, **PD_X),
        kwargs=kode(pd_kode="PDX", fmt="pdf"),
        setup=periode_2025,
        id="laporan:pd_unduh[pdf]",
    ),
    Case(
        "laporan:pd_unduh",
        everyone(403, **PD_X),
        kwargs=kode(pd_kode="PDX", fmt="xlsx"),
        setup=periode_2025,
        id="laporan:pd_unduh[xlsx]",
    ),
    Case(
        "laporan:catatan_pd",
        everyone(403, monev=200, outsider=404),
        kwargs=kode(pd_kode="PDX"),
        setup=periode_2025,
    ),
    Case(
        "laporan:catatan_pd",
        everyone(403, monev=302, outsider=404),
        kwargs=kode(pd_kode="PDX"),
        setup=periode_2025,
        method="post",
        data=lambda w: {"teks": "Sosialisasi ulang"},
    ),
    Case(
        "laporan:catatan_unit",
        everyone(403, monev=200, outsider=404),
        kwargs=kode(pk=lambda w: w.unit_a.pk),
        setup=periode_2025,
    ),
    Case(
        "laporan:unit",
        everyone(403, pimpinan=200, **PD_X),
        kwargs=kode(pk=lambda w: w.unit_a.pk),
        setup=periode_2025,
        id="laporan:unit[unit A]",
    ),
    Case(
        "laporan:unit",
        everyone(403, pimpinan=404, **PD_X),
        kwargs=kode(pk=lambda w: w.unit_b.pk),
        setup=periode_2025,
        id="laporan:unit[unit B]",
    ),
    Case(
        "laporan:rincian",
        everyone(403, outsider=404, **KABUPATEN),
        kwargs=kode(pk=lambda w: w.unit_a.pk),
        setup=periode_2025,
    ),
]
