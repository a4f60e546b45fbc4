"""Access matrix of the KBK app (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1», 5): the Kepala PD and the admin keep a PD's KBK."""

from .matrix import Case, everyone


def _anggota(w):
    from apps.kbk.models import AnggotaKBK, KelompokBudayaKerja, PeranKBK

    kbk, _ = KelompokBudayaKerja.objects.get_or_create(perangkat_daerah=w.pd_x)
    w.anggota = AnggotaKBK.objects.create(kbk=kbk, pegawai=w.kbk, peran=PeranKBK.objects.get(kode="PROGRAM"))


def _peran_pk(kode: str) -> int:
    from apps.kbk.models import PeranKBK

    return PeranKBK.objects.get(kode=kode).pk


CASES = [
    Case(
        "kbk:daftar",
        everyone(403, kbk=302, kepala=302, outsider=302, monev=200, sekda=200, admin=200),
        note="a member of one PD's KBK goes straight to it",
    ),
    Case(
        "kbk:detail",
        everyone(404, kbk=200, kepala=200, monev=200, sekda=200, admin=200),
        kwargs=lambda w: {"pk": w.pd_x.pk},
    ),
    Case(
        "kbk:anggota_tambah",
        everyone(404, kbk=403, kepala=302, monev=403, sekda=403, admin=302),
        kwargs=lambda w: {"pk": w.pd_x.pk},
        method="post",
        data=lambda w: {
            "pegawai": w.asn_b.pk,
            "peran": _peran_pk("QA"),
            "konfirmasi": "on",
            "catatan_kesesuaian": "uji",
        },
    ),
    Case(
        "kbk:anggota_akhiri",
        everyone(404, kbk=403, kepala=302, monev=403, sekda=403, admin=302),
        kwargs=lambda w: {"pk": w.anggota.pk},
        method="post",
        setup=_anggota,
    ),
    Case("kbk:tim_monev", everyone(200)),
]
