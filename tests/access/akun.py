from .matrix import LOGIN, Case, everyone

CASES = [
    Case("akun:login", everyone(302, anonim=200), note="a logged-in user is sent home"),
    Case("akun:logout", everyone(LOGIN, anonim=LOGIN), method="post", note="logout sends everyone to the login page"),
    Case("akun:aktivasi", everyone(200, anonim=200)),
    Case("akun:lupa_sandi", everyone(200, anonim=200)),
    Case("beranda", everyone(200)),
]
