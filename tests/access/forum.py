"""Access matrix of the Forum Agen Perubahan (Lampiran BAB III 2.2.4 2b, 3a-d): a meeting of PD X's forum
with a file, a meeting of the kabupaten forum, a praktik baik of PD X. PD X's forum is read by its people and
the kabupaten roles (the outsider of PD Y gets 404, files included); praktik baik by everyone; PD X's forum is
written by its KBK, Kepala PD and active agents, the kabupaten forum by the Tim Monev."""

from .matrix import Case, everyone


def _pertemuan(w):
    from tests.forum import helpers

    w.pertemuan = helpers.pertemuan(w)


def _pertemuan_kabupaten(w):
    from tests.forum import helpers

    w.pertemuan = helpers.pertemuan(w, pd=None)


def _praktik(w):
    from tests.forum import helpers

    w.praktik = helpers.praktik(w)


def _asn_agen(w):
    from tests.agen.kelompok import agen_aktif

    agen_aktif(w, w.asn)


def _pertemuan_pk(w):
    return {"pk": w.pertemuan.pk}


def _praktik_pk(w):
    return {"pk": w.praktik.pk}


def _lampiran(w):
    return {"kunci": w.pertemuan.lampiran.get().kunci}


def _berkas(w):
    from tests.forum import helpers

    return {"berkas": helpers.berkas()}


PDX = {"kode": "PDX"}
KAB = {"kode": "kabupaten"}
BACA_PD_X = everyone(200, outsider=404)
TULIS_PD_X = everyone(403, kbk=200, kepala=200, outsider=404)

CASES = [
    Case("forum:index", everyone(200)),
    Case("forum:praktik_list", everyone(200)),
    Case("forum:forum_detail", BACA_PD_X, kwargs=lambda w: PDX, id="forum:forum_detail[PD X]"),
    Case("forum:forum_detail", everyone(200), kwargs=lambda w: KAB, id="forum:forum_detail[kabupaten]"),
    Case("forum:pertemuan_tambah", TULIS_PD_X, kwargs=lambda w: PDX, id="forum:pertemuan_tambah[PD X]"),
    Case(
        "forum:pertemuan_tambah",
        everyone(403, asn=200, kbk=200, kepala=200, outsider=404),
        kwargs=lambda w: PDX,
        setup=_asn_agen,
        id="forum:pertemuan_tambah[PD X, asn is an active agent]",
    ),
    Case(
        "forum:pertemuan_tambah",
        everyone(403, monev=200),
        kwargs=lambda w: KAB,
        id="forum:pertemuan_tambah[kabupaten]",
        note="only the Tim Monev keeps the kabupaten forum",
    ),
    Case(
        "forum:pertemuan_detail",
        BACA_PD_X,
        kwargs=_pertemuan_pk,
        setup=_pertemuan,
        id="forum:pertemuan_detail[PD X]",
    ),
    Case(
        "forum:pertemuan_detail",
        everyone(200),
        kwargs=_pertemuan_pk,
        setup=_pertemuan_kabupaten,
        id="forum:pertemuan_detail[kabupaten]",
    ),
    Case("forum:pertemuan_ubah", TULIS_PD_X, kwargs=_pertemuan_pk, setup=_pertemuan),
    Case(
        "forum:lampiran_tambah",
        everyone(403, kbk=302, kepala=302, outsider=404),
        kwargs=_pertemuan_pk,
        method="post",
        data=_berkas,
        setup=_pertemuan,
    ),
    Case("forum:lampiran_unduh", BACA_PD_X, kwargs=_lampiran, setup=_pertemuan, id="forum:lampiran_unduh[PD X]"),
    Case(
        "forum:lampiran_unduh",
        everyone(200),
        kwargs=_lampiran,
        setup=_pertemuan_kabupaten,
        id="forum:lampiran_unduh[kabupaten]",
    ),
    Case("forum:praktik_tambah", TULIS_PD_X, kwargs=lambda w: PDX, id="forum:praktik_tambah[PD X]"),
    Case("forum:praktik_tambah", everyone(403, monev=200), kwargs=lambda w: KAB, id="forum:praktik_tambah[kabupaten]"),
    Case(
        "forum:praktik_detail",
        everyone(200),
        kwargs=_praktik_pk,
        setup=_praktik,
        note="every logged-in user reads praktik baik, the outsider of PD Y too",
    ),
    Case(
        "forum:praktik_ubah",
        everyone(403, kbk=200, kepala=200),
        kwargs=_praktik_pk,
        setup=_praktik,
        note="visible to all, so a writer of another forum gets 403, not 404",
    ),
]
