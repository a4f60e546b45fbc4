from .matrix import Case, everyone

CASES = [
    # The privacy notice is open to everyone (linked in the footer of the login page too).
    Case("pdp:pemberitahuan", everyone(200, anonim=200)),
    # Acknowledging it: a logged-in person is sent on (home), an anonymous visitor just reads it again.
    Case("pdp:pemberitahuan", everyone(302, anonim=200), method="post", data=lambda w: {}),
    # Data saya: each person their own data; there is no object of anyone else to ask for.
    Case("pdp:data_saya", everyone(200)),
    Case("pdp:data_saya_pdf", everyone(200)),
    Case("pdp:data_saya_json", everyone(200)),
]
