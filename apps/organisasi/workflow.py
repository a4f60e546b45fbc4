"""States of a correction request (PermintaanPerbaikan) and the one table of allowed transitions.

The ASN asks to correct their own registry record (UU 27/2022: the right to correct); the admin of Bagian
Organisasi corrects the record and then marks the request done, or refuses it. A decided request is final:
a new mistake is a new request.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusPerbaikan(models.TextChoices):
    DIAJUKAN = "DIAJUKAN", _("Diajukan")
    SELESAI = "SELESAI", _("Selesai diperbaiki")
    DITOLAK = "DITOLAK", _("Ditolak")


class AksiPerbaikan(models.TextChoices):
    AJUKAN = "ajukan", _("Ajukan perbaikan")
    SELESAIKAN = "selesaikan", _("Tandai selesai (data sudah diperbaiki)")
    TOLAK = "tolak", _("Tolak permintaan")


class PelakuPerbaikan(models.TextChoices):
    ASN = "ASN", _("ASN pemilik data")
    ADMIN = "ADMIN", _("Admin Bagian Organisasi")


S, A, P = StatusPerbaikan, AksiPerbaikan, PelakuPerbaikan

# The state a new request starts in.
AWAL = S.DIAJUKAN

# (from state, action) -> (to state, who may do it)
TRANSISI_PERBAIKAN: dict[tuple[str, str], tuple[str, P]] = {
    (S.DIAJUKAN, A.SELESAIKAN): (S.SELESAI, P.ADMIN),
    (S.DIAJUKAN, A.TOLAK): (S.DITOLAK, P.ADMIN),
}

# Actions whose note is required. The admin's note is welcome but optional: the bulk actions in the admin
# decide many requests at once.
CATATAN_WAJIB_PERBAIKAN: frozenset[str] = frozenset()


def aksi_perbaikan_ke(dari: str, ke: str) -> str | None:
    """The action that takes a request from `dari` to `ke`, or None when no transition does."""
    return next((aksi for (state, aksi), (to, _who) in TRANSISI_PERBAIKAN.items() if state == dari and to == ke), None)


def giliran_perbaikan(status: str) -> P | None:
    """Who acts next on a request in `status`: the admin while it waits, nobody once it is decided."""
    return next((who for (state, _aksi), (_to, who) in TRANSISI_PERBAIKAN.items() if state == status), None)


def catatan_wajib_perbaikan(aksi: str) -> bool:
    return aksi in CATATAN_WAJIB_PERBAIKAN
