from .matrix import Case, everyone

CASES = [
    Case("organisasi:profil", everyone(200, admin=404)),
    Case(
        "organisasi:profil",
        everyone(302, admin=404),
        method="post",
        data=lambda w: {"data": "jabatan", "nilai_usulan": "Analis Ahli Muda", "catatan": ""},
        id="organisasi:profil[post correction request]",
    ),
    Case(
        "organisasi:pegawai_list",
        everyone(403, pimpinan=200, kbk=200, kepala=200, monev=200, sekda=200, admin=200, outsider=200),
    ),
    Case(
        "organisasi:pegawai_detail",
        everyone(404, asn=200, pimpinan=200, kbk=200, kepala=200, monev=200, sekda=200, admin=200),
        kwargs=lambda w: {"pk": w.asn.pk},
        id="organisasi:pegawai_detail[asn of unit A]",
    ),
    Case(
        "organisasi:pegawai_detail",
        everyone(404, kbk=200, kepala=200, monev=200, sekda=200, admin=200),
        kwargs=lambda w: {"pk": w.asn_b.pk},
        id="organisasi:pegawai_detail[asn of unit B]",
    ),
    Case("organisasi:impor_template", everyone(403, admin=200)),
]
