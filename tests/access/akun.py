from .matrix import LOGIN, Case, everyone

CASES = [
    Case("akun:login", everyone(302, anonim=200), note="a logged-in user is sent home"),
    Case("akun:logout", everyone(LOGIN, anonim=LOGIN), method="post", note="logout sends everyone to the login page"),
    Case("akun:aktivasi", everyone(200, anonim=200)),
    Case("akun:lupa_sandi", everyone(200, anonim=200)),
    Case("beranda", everyone(200)),
    Case("akun:ganti_sandi", everyone(200)),
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
        data=lambda w: {"konfirmasi": "on", "hanya_belum_punya_akun": "on"},
        id="akun:kode_aktivasi_cetak[post, unit A of PD X]",
    ),
]
