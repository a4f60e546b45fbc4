"""Notices: each person reads their own; another person's notice is a 404 (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»)."""

from apps.notifikasi.services import notifikasi_kirim

from .matrix import Case, everyone


def _notice_of_asn(world) -> None:
    world.notice = notifikasi_kirim(world.asn.user, teks="Formulir 1 dibuka", url="/survei/")


CASES = [
    Case("notifikasi:daftar", everyone(200)),
    Case(
        "notifikasi:buka",
        everyone(404, asn=302),
        kwargs=lambda w: {"pk": w.notice.pk},
        setup=_notice_of_asn,
        note="a notice is its recipient's only",
    ),
    Case("notifikasi:baca_semua", everyone(302), method="post", data=lambda w: {}),
]
