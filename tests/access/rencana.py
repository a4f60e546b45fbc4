"""Access matrix of rencana tindak (Lampiran BAB III 2.2.4-2.2.5; docs/keamanan.md): a plan of `asn` (appointed agent of unit A, PD X) in the state each
URL needs; the outsider (Kepala PD, KBK and unit head of PD Y) gets 404 on every object of PD X, evidence included."""

from decimal import Decimal

from apps.rencana.workflow import Status

from .matrix import Case, everyone

BACA = dict(asn=200, pimpinan=200, kbk=200, kepala=200, monev=200, sekda=200, admin=200)
HANYA_AGEN = dict(asn=200)
PDF = b"%PDF-1.4\n%%EOF\n"


def _rencana(status):
    def setup(w):
        from tests.rencana import helpers

        w.rencana = helpers.ke_status(w, helpers.rencana(w), status)

    return setup


def _laporan(w):
    from django.core.files.base import ContentFile

    from apps.rencana import services
    from apps.rencana.models import BuktiDukung

    _rencana(Status.DISETUJUI)(w)
    b = w.rencana.baris.get()
    w.laporan = services.laporan_kemajuan_kirim(
        w.rencana, aktor=w.asn.user, periode_mulai=w.rencana.mulai, isian={b.pk: (Decimal("40"), "Berjalan baik.")}
    )
    bukti = BuktiDukung(realisasi=w.laporan.realisasi.get(), nama_asli="notulen.pdf", jenis="pdf", ukuran=len(PDF))
    bukti.berkas.save("bukti.pdf", ContentFile(PDF), save=True)
    w.bukti = bukti


def _masalah(dijawab: bool = False):
    def setup(w):
        from apps.rencana import services
        from apps.rencana.models import Permasalahan

        _rencana(Status.DISETUJUI)(w)
        w.masalah = services.masalah_ajukan(
            w.rencana,
            aktor=w.asn.user,
            kepada=Permasalahan.Kepada.PIMPINAN_UNIT,
            uraian="Rekan belum mengisi papan pantau.",
            usulan_solusi="Diingatkan saat apel.",
        )
        if dijawab:
            services.masalah_jawab(w.masalah, aktor=w.kepala.user, arahan="Saya hadir di apel Senin.")

    return setup


def _agen(w):
    from tests.rencana import helpers

    helpers.agen(w)


def _pk(w):
    return {"pk": w.rencana.pk}


def _baris(w):
    return {"pk": w.rencana.pk, "nomor": 1}


CASES = [
    Case("rencana:daftar", everyone(200, asn=403)),
    Case("rencana:saya", everyone(200)),
    Case("rencana:ikhtisar", everyone(403, monev=200, sekda=200, admin=200)),
    Case(
        "rencana:ekspor_xlsx",
        everyone(403, kbk=200, kepala=200, monev=200, sekda=200, admin=200, outsider=404),
        kwargs=lambda w: {"pd": w.pd_x.pk},
        setup=_rencana(Status.DISETUJUI),
        note="the outsider leads PD Y: PD X is outside their scope",
    ),
    Case("rencana:rencana_tambah", everyone(403, asn=200), setup=_agen, note="only an active agent"),
    Case(
        "rencana:detail",
        everyone(404, **BACA),
        kwargs=_pk,
        setup=_rencana(Status.DIAJUKAN),
        id="rencana:detail[diajukan]",
        note="tembusan: KBK and unit head read it",
    ),
    Case(
        "rencana:detail",
        everyone(404, **HANYA_AGEN),
        kwargs=_pk,
        setup=_rencana(Status.DRAF),
        id="rencana:detail[draf]",
        note="a draft is the author's working copy",
    ),
    Case("rencana:rencana_pdf", everyone(404, **BACA), kwargs=_pk, setup=_rencana(Status.DIAJUKAN)),
    Case(
        "rencana:rencana_ubah",
        everyone(403, asn=200, outsider=404),
        kwargs=_pk,
        setup=_rencana(Status.DIKEMBALIKAN),
    ),
    Case(
        "rencana:baris_tambah",
        everyone(403, asn=200, outsider=404),
        kwargs=_pk,
        setup=_rencana(Status.DIKEMBALIKAN),
    ),
    Case(
        "rencana:baris_ubah",
        everyone(403, asn=200, outsider=404),
        kwargs=_baris,
        setup=_rencana(Status.DIKEMBALIKAN),
    ),
    Case(
        "rencana:baris_hapus",
        everyone(403, asn=302, outsider=404),
        kwargs=_baris,
        method="post",
        setup=_rencana(Status.DIKEMBALIKAN),
    ),
    Case(
        "rencana:ajukan",
        everyone(403, asn=302, outsider=404),
        kwargs=_pk,
        method="post",
        data=lambda w: {"yakin": "on"},
        setup=_rencana(Status.DIKEMBALIKAN),
    ),
    Case(
        "rencana:keputusan",
        everyone(403, kepala=200, outsider=404),
        kwargs=_pk,
        setup=_rencana(Status.DIAJUKAN),
        note="only the Kepala PD decides; the KBK and the unit head only read",
    ),
    Case(
        "rencana:keputusan",
        everyone(403, kepala=302, outsider=404),
        kwargs=_pk,
        method="post",
        data=lambda w: {"keputusan": "kembalikan", "catatan": "Perjelas target.", "frekuensi_laporan": "TRIWULAN"},
        setup=_rencana(Status.DIAJUKAN),
    ),
    Case(
        "rencana:versi_baru",
        everyone(403, asn=302, outsider=404),
        kwargs=_pk,
        method="post",
        setup=_rencana(Status.DISETUJUI),
    ),
    Case(
        "rencana:laporan_tambah",
        everyone(403, asn=200, outsider=404),
        kwargs=_pk,
        setup=_rencana(Status.DISETUJUI),
    ),
    Case(
        "rencana:masalah_tambah",
        everyone(403, asn=200, outsider=404),
        kwargs=_pk,
        setup=_rencana(Status.DISETUJUI),
    ),
    Case("rencana:laporan_detail", everyone(404, **BACA), kwargs=lambda w: {"pk": w.laporan.pk}, setup=_laporan),
    Case("rencana:laporan_pdf", everyone(404, **BACA), kwargs=lambda w: {"pk": w.laporan.pk}, setup=_laporan),
    Case(
        "rencana:laporan_buka_kembali",
        everyone(403, kepala=302, outsider=404),
        kwargs=lambda w: {"pk": w.laporan.pk},
        method="post",
        data=lambda w: {"alasan": "Salah ketik realisasi"},
        setup=_laporan,
    ),
    Case(
        "rencana:laporan_ketahui",
        everyone(403, kepala=302, outsider=404),
        kwargs=lambda w: {"pk": w.laporan.pk},
        method="post",
        data=lambda w: {"tanggapan": ""},
        setup=_laporan,
    ),
    Case(
        "rencana:bukti_unduh",
        everyone(404, **BACA),
        kwargs=lambda w: {"kode": w.bukti.kode},
        setup=_laporan,
        note="evidence of PD X: 404 to the outsider, never a public URL",
    ),
    Case("rencana:masalah_list", everyone(200, asn=403)),
    Case("rencana:masalah_detail", everyone(404, **BACA), kwargs=lambda w: {"pk": w.masalah.pk}, setup=_masalah()),
    Case(
        "rencana:masalah_jawab",
        everyone(403, pimpinan=302, kepala=302, outsider=404),
        kwargs=lambda w: {"pk": w.masalah.pk},
        method="post",
        data=lambda w: {"arahan": "Bahas di rapat bidang."},
        setup=_masalah(),
    ),
    Case(
        "rencana:masalah_tutup",
        everyone(403, asn=302, outsider=404),
        kwargs=lambda w: {"pk": w.masalah.pk},
        method="post",
        setup=_masalah(dijawab=True),
    ),
]
