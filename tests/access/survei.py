"""Formulir 1 URLs: the form, drafts and results of one ASN are 404 for every other persona (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»)."""

from apps.survei import services
from apps.survei.models import InstrumenVersi, Pengingat, Periode
from tests.survei.helpers import buat_periode, jawaban

from .matrix import Case, everyone

MONEV_ONLY = everyone(403, monev=200, admin=200)


def _periode(world) -> None:
    world.periode = buat_periode("UJI")


def _draf_asn(world) -> None:
    _periode(world)
    world.respon = services.respon_simpan_draf(world.periode, pegawai=world.asn, answers={1: 2})


def _terkirim_asn(world) -> None:
    _periode(world)
    world.respon = services.respon_kirim(world.periode, pegawai=world.asn, answers=jawaban())


def _pengingat(world) -> None:
    _periode(world)
    world.pengingat = Pengingat.objects.create(
        periode=world.periode,
        kelompok=f"unit:{world.unit_a.pk}",
        tanggal=world.periode.tanggal_buka,
        oleh=world.pimpinan.user,
    )


def _periode_ditutup(world) -> None:
    world.periode = buat_periode("UJI", status=Periode.Status.DITUTUP)


def _periode_draft(world) -> None:
    world.periode = buat_periode("BARU", status=Periode.Status.DRAFT)


def _instrumen(world) -> dict:
    return {"pk": InstrumenVersi.objects.get().pk}


CASES = [
    Case("survei:daftar", everyone(200, admin=403), note="admin has no pegawai record: no form of their own"),
    Case("survei:formulir", everyone(200, admin=403), kwargs=lambda w: {"kode": "UJI"}, setup=_periode),
    Case(
        "survei:formulir",
        everyone(302, admin=403),
        kwargs=lambda w: {"kode": "UJI"},
        setup=_periode,
        method="post",
        data=lambda w: {"aksi": "draf", "p1": "2"},
        id="survei:formulir[post draft: each persona saves their own]",
    ),
    Case(
        "survei:respon",
        everyone(404, asn=302),
        kwargs=lambda w: {"pk": w.respon.pk},
        setup=_draf_asn,
        id="survei:respon[draft of asn]",
    ),
    Case(
        "survei:respon",
        everyone(404, asn=200),
        kwargs=lambda w: {"pk": w.respon.pk},
        setup=_terkirim_asn,
        id="survei:respon[result of asn]",
    ),
    Case(
        "survei:buka_kembali",
        everyone(404, monev=200, admin=200),
        kwargs=lambda w: {"pk": w.respon.pk},
        setup=_terkirim_asn,
        note="a response is visible only to its respondent (and to Tim Monev for reopening)",
    ),
    Case("survei:instrumen", everyone(200), kwargs=_instrumen),
    Case("survei:service_worker", everyone(200, anonim=200), note="the offline code of the form: no data"),
    Case("survei:cetak", everyone(200), kwargs=_instrumen),
    Case("survei:partisipasi", everyone(200, asn=403), kwargs=lambda w: {"kode": "UJI"}, setup=_periode),
    Case("survei:partisipasi_cetak", everyone(200, asn=403), kwargs=lambda w: {"kode": "UJI"}, setup=_periode),
    Case("survei:partisipasi_xlsx", everyone(200, asn=403), kwargs=lambda w: {"kode": "UJI"}, setup=_periode),
    Case(
        "survei:pengingat",
        everyone(403, asn=403, pimpinan=302, kepala=302, monev=302, outsider=302, kbk=403, sekda=403, admin=403),
        kwargs=lambda w: {"kode": "UJI"},
        setup=_periode,
        method="post",
        data=lambda w: {"kelompok": f"unit:{w.unit_a.pk}"},
        note="the outsider is refused with a message (its own units only), not told the unit exists",
    ),
    Case(
        "survei:pengingat_hasil",
        everyone(404, asn=403, pimpinan=200, kepala=200, monev=200),
        kwargs=lambda w: {"kode": "UJI", "pk": w.pengingat.pk},
        setup=_pengingat,
        note="its sender and whoever may remind the same group; the others see no such reminder",
    ),
    Case("survei:periode_list", MONEV_ONLY),
    Case("survei:periode_tambah", MONEV_ONLY),
    Case(
        "survei:periode_status",
        MONEV_ONLY,
        kwargs=lambda w: {"kode": "BARU", "ke": "DIBUKA"},
        setup=_periode_draft,
    ),
    Case(
        "survei:periode_status",
        everyone(403, admin=200),
        kwargs=lambda w: {"kode": "UJI", "ke": "DIBUKA"},
        setup=_periode_ditutup,
        id="survei:periode_status[reopen a closed periode: the admin only]",
    ),
    Case("laporan:ekspor_jawaban", MONEV_ONLY, kwargs=lambda w: {"kode": "UJI"}, setup=_periode_ditutup),
    Case(
        "laporan:ekspor_jawaban",
        everyone(403, monev=302, admin=302),
        kwargs=lambda w: {"kode": "UJI"},
        setup=_periode,
        id="laporan:ekspor_jawaban[open periode: refused with a message]",
    ),
]
