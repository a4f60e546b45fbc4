from .matrix import LOGIN, Case, everyone


def _belum_aktif(world) -> None:
    world.asn_a1.user.set_unusable_password()
    world.asn_a1.user.save()


CASES = [
    Case("akun:login", everyone(302, anonim=200), note="a logged-in user is sent home"),
    Case("akun:logout", everyone(LOGIN, anonim=LOGIN), method="post", note="logout sends everyone to the login page"),
    Case("akun:aktivasi", everyone(200, anonim=200)),
    Case("akun:lupa_sandi", everyone(200, anonim=200)),
    Case("beranda", everyone(200)),
    Case("sehat", everyone(200, anonim=200), note="health for load balancers: no login, no personal data"),
    Case("akun:ganti_sandi", everyone(200)),
    Case("akun:tanpa_penanggung_jawab", everyone(403, monev=200), note="Tim Monev's list of tasks without a person"),
    Case("akun:kode_aktivasi_unit_list", everyone(403, kepala=200, admin=200, outsider=200)),
    Case(
        "akun:kode_aktivasi_cetak",
        everyone(403, kepala=200, admin=200, outsider=404),
        kwargs=lambda w: {"pk": w.unit_a.pk},
        id="akun:kode_aktivasi_cetak[unit A of PD X]",
    ),
    Case(
        "akun:kode_aktivasi_cetak",
        everyone(403, kepala=200, admin=200, outsider=404),
        kwargs=lambda w: {"pk": w.unit_a.pk},
        method="post",
        data=lambda w: {"konfirmasi": "on"},
        id="akun:kode_aktivasi_cetak[post, unit A of PD X]",
    ),
    Case(
        "akun:kode_aktivasi_pegawai",
        everyone(403, pimpinan=200, kepala=200, admin=200, outsider=404),
        kwargs=lambda w: {"pk": w.asn_a1.pk},
        setup=_belum_aktif,
        id="akun:kode_aktivasi_pegawai[never-activated ASN of sub-unit A1]",
    ),
    Case(
        "akun:kode_aktivasi_pegawai",
        everyone(403, pimpinan=200, kepala=200, admin=200, outsider=404),
        kwargs=lambda w: {"pk": w.asn_a1.pk},
        setup=_belum_aktif,
        method="post",
        data=lambda w: {"konfirmasi": "on"},
        id="akun:kode_aktivasi_pegawai[post, never-activated ASN of sub-unit A1]",
    ),
    Case(
        "akun:kode_aktivasi_pegawai",
        everyone(403, admin=200, outsider=404),
        kwargs=lambda w: {"pk": w.asn.pk},
        id="akun:kode_aktivasi_pegawai[activated ASN of unit A: a reset, admin only]",
    ),
]
