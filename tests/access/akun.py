from .matrix import Case, everyone

CASES = [
    Case("akun:login", everyone(302, anonim=200), note="a logged-in user is sent home"),
    Case("akun:logout", everyone(302, anonim=302), method="post"),
    Case("akun:aktivasi", everyone(200, anonim=200)),
    Case("akun:lupa_sandi", everyone(200, anonim=200)),
    Case("beranda", everyone(200)),
]
