"""Access matrix of the agen perubahan app (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»): nominations of asn_a1 (sub-unit A1 of PD X, proposed by
`pimpinan`), the asn persona's own nomination and appointment, an SK of PD X."""

import datetime

from apps.agen.workflow import Status

from .matrix import Case, everyone


def _nominasi(status):
    def setup(w):
        from tests.agen import helpers

        w.nominasi = helpers.nominasi(w, status, pegawai=w.asn_a1)

    return setup


def _milik_asn(status):
    def setup(w):
        from tests.agen import helpers

        w.nominasi = helpers.nominasi(w, status, pegawai=w.asn)

    return setup


def _pk(w):
    return {"pk": w.nominasi.pk}


def _agen_pk(w):
    return {"pk": w.nominasi.penetapan.pk}


def _sk_pk(w):
    return {"pk": w.nominasi.penetapan.surat_keputusan_id}


PD_X_SEMUA = dict(kbk=200, kepala=200, monev=200, sekda=200, admin=200)
TAHUN = datetime.date.today().year

CASES = [
    Case("agen:saya", everyone(200, admin=404), note="the admin account has no pegawai record"),
    Case("agen:antrean_kbk", everyone(403, kbk=200, outsider=200)),
    Case("agen:antrean_kepala", everyone(403, kepala=200, outsider=200)),
    Case("agen:usulan_saya", everyone(403, pimpinan=200, outsider=200)),
    Case("agen:daftar_agen", everyone(200, asn=403)),
    Case("agen:ikhtisar", everyone(403, monev=200, sekda=200, admin=200)),
    Case("agen:nominasi_tambah", everyone(403, pimpinan=200, outsider=200)),
    Case(
        "agen:nominasi_detail",
        everyone(404, pimpinan=200, kbk=200, kepala=200, monev=200, admin=200),
        kwargs=_pk,
        setup=_nominasi(Status.PENELAAHAN),
        id="agen:nominasi_detail[asn_a1]",
    ),
    Case(
        "agen:nominasi_detail",
        everyone(404, pimpinan=200, kbk=200, kepala=200, monev=200, admin=200),
        kwargs=_pk,
        setup=_milik_asn(Status.PENELAAHAN),
        id="agen:nominasi_detail[own nomination of asn]",
        note="an ASN sees no nomination, their own included (they have the komitmen page)",
    ),
    Case(
        "agen:nominasi_aksi",
        everyone(404, pimpinan=403, kbk=302, kepala=403, monev=403, admin=403),
        kwargs=lambda w: {"pk": w.nominasi.pk, "aksi": "lanjutkan"},
        method="post",
        data=lambda w: {"lanjutkan-catatan": ""},
        setup=_nominasi(Status.PENELAAHAN),
        note="only a KBK reviewer of PD X decides; the nominator never",
    ),
    Case(
        "agen:nominasi_nilai",
        everyone(404, pimpinan=403, kbk=200, kepala=403, monev=403, admin=403),
        kwargs=_pk,
        setup=_nominasi(Status.ASSESSMENT),
    ),
    Case(
        "agen:nominasi_tetapkan",
        everyone(404, pimpinan=403, kbk=403, kepala=200, monev=403, admin=403),
        kwargs=_pk,
        setup=_nominasi(Status.DIREKOMENDASIKAN),
    ),
    Case(
        "agen:komitmen",
        everyone(404, asn=200),
        kwargs=_pk,
        setup=_milik_asn(Status.MENUNGGU_KOMITMEN),
        note="only the nominee",
    ),
    Case("agen:putaran_list", everyone(200, asn=403)),
    Case(
        "agen:putaran_tambah",
        everyone(403, kepala=302, outsider=302),
        method="post",
        data=lambda w: {"tahun": TAHUN, "dibuka": f"{TAHUN}-01-01", "ditutup": f"{TAHUN}-12-31"},
    ),
    Case("agen:sk_list", everyone(200, asn=403, pimpinan=403)),
    Case(
        "agen:sk_tambah",
        everyone(403, kepala=302, outsider=302),
        method="post",
        data=lambda w: {
            "nomor": "800/99/2026",
            "tanggal": f"{TAHUN}-02-01",
            "masa_mulai": f"{TAHUN}-02-01",
            "masa_selesai": f"{TAHUN + 1}-01-31",
        },
    ),
    Case(
        "agen:sk_detail",
        everyone(404, **PD_X_SEMUA),
        kwargs=_sk_pk,
        setup=_nominasi(Status.DITETAPKAN),
        id="agen:sk_detail[asn_a1]",
    ),
    Case(
        "agen:sk_detail",
        everyone(404, asn=200, **PD_X_SEMUA),
        kwargs=_sk_pk,
        setup=_milik_asn(Status.DITETAPKAN),
        id="agen:sk_detail[own appointment of asn]",
    ),
    Case("agen:sk_pdf", everyone(404, **PD_X_SEMUA), kwargs=_sk_pk, setup=_nominasi(Status.DITETAPKAN)),
    Case(
        "agen:sk_tetapkan",
        everyone(404, kbk=403, kepala=302, monev=403, sekda=403, admin=403),
        kwargs=_sk_pk,
        method="post",
        data=lambda w: {"yakin": "on"},
        setup=_nominasi(Status.DITETAPKAN),
    ),
    Case(
        "agen:agen_detail",
        everyone(404, pimpinan=200, **PD_X_SEMUA),
        kwargs=_agen_pk,
        setup=_nominasi(Status.DITETAPKAN),
        id="agen:agen_detail[asn_a1]",
    ),
    Case(
        "agen:agen_detail",
        everyone(404, asn=200, pimpinan=200, **PD_X_SEMUA),
        kwargs=_agen_pk,
        setup=_milik_asn(Status.DITETAPKAN),
        id="agen:agen_detail[own appointment of asn]",
        note="an ASN sees their own appointment",
    ),
    Case(
        "agen:pembinaan_tambah",
        everyone(404, pimpinan=403, kbk=302, kepala=302, monev=403, sekda=403, admin=403),
        kwargs=_agen_pk,
        method="post",
        data=lambda w: {
            "pembinaan-topik": "A",
            "pembinaan-bentuk": "PELATIHAN",
            "pembinaan-judul": "Pelatihan manajemen perubahan",
            "pembinaan-tanggal": f"{TAHUN}-03-01",
        },
        setup=_nominasi(Status.DITETAPKAN),
    ),
    Case(
        "agen:penghargaan_tambah",
        everyone(404, pimpinan=403, kbk=302, kepala=302, monev=403, sekda=403, admin=403),
        kwargs=_agen_pk,
        method="post",
        data=lambda w: {
            "penghargaan-jenis": "TUGAS_BELAJAR",
            "penghargaan-uraian": "S2",
            "penghargaan-tanggal": f"{TAHUN}-03-01",
        },
        setup=_nominasi(Status.DITETAPKAN),
    ),
]


def _kelompok(w):
    from tests.agen.kelompok import kelompok

    w.kelompok = kelompok(w)


def _kelompok_pk(w):
    return {"pk": w.kelompok.pk}


KELOMPOK_LIHAT = dict(pimpinan=200, kbk=200, kepala=200, monev=200, sekda=200, admin=200)
KELOMPOK_KELOLA = dict(pimpinan=403, kbk=200, kepala=200, monev=403, sekda=403, admin=403)

CASES += [
    Case("agen:kelompok_list", everyone(200), note="each persona sees the groups of their scope (maybe none)"),
    Case("agen:kelompok_tambah", everyone(403, kbk=200, kepala=200, outsider=200)),
    Case(
        "agen:kelompok_tambah",
        everyone(403, kbk=302, kepala=302, outsider=200),
        method="post",
        data=lambda w: {
            "perangkat_daerah": w.pd_x.pk,
            "nama": "Kelompok Baru",
            "anggota": [w.kelompok.anggota.all()[0].pk, w.kelompok.anggota.all()[1].pk],
        },
        setup=_kelompok,
        note="the outsider's form offers only PD Y: PD X is refused (the form re-shows with an error)",
    ),
    Case(
        "agen:kelompok_detail",
        everyone(404, **KELOMPOK_LIHAT),
        kwargs=_kelompok_pk,
        setup=_kelompok,
        note="asn (unit A) is no member; the head of unit A sees it through asn_a1 of sub-unit A1",
    ),
    Case("agen:kelompok_ubah", everyone(404, **KELOMPOK_KELOLA), kwargs=_kelompok_pk, setup=_kelompok),
    Case("agen:kelompok_bubarkan", everyone(404, **KELOMPOK_KELOLA), kwargs=_kelompok_pk, setup=_kelompok),
    Case(
        "agen:kelompok_bubarkan",
        everyone(404, **{**KELOMPOK_KELOLA, "kbk": 302, "kepala": 302}),
        kwargs=_kelompok_pk,
        method="post",
        data=lambda w: {"catatan": "Tugas selesai", "yakin": "on"},
        setup=_kelompok,
    ),
]
