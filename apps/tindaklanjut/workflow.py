"""States of a follow-up (tindak lanjut) and the one table of allowed transitions.

Lampiran BAB IV angka 1 (the category tables of Formulir 1): each category of a section's result prescribes a follow-up; a row in the KURANG BAIK or BURUK
band needs action by the Kepala PD. Tim Monev sets the due date, the Kepala PD reports what was done, Tim Monev
accepts the report or returns it with a note (docs/keputusan.md, "Tindak lanjut").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    TERBUKA = "TERBUKA", _("Menunggu tindak lanjut Kepala PD")
    DILAPORKAN = "DILAPORKAN", _("Dilaporkan, menunggu pemeriksaan Tim Monev")
    SELESAI = "SELESAI", _("Selesai")


class Aksi(models.TextChoices):
    LAPORKAN = "laporkan", _("Laporkan tindak lanjut")
    TERIMA = "terima", _("Terima laporan")
    KEMBALIKAN = "kembalikan", _("Kembalikan untuk dilengkapi")


class Pelaku(models.TextChoices):
    KEPALA_PD = "KEPALA_PD", _("Kepala PD")
    TIM_MONEV = "TIM_MONEV", _("Tim Monev")


S, A, P = Status, Aksi, Pelaku

# (from state, action) -> (to state, who may do it)
TRANSITIONS: dict[tuple[str, str], tuple[str, str]] = {
    (S.TERBUKA, A.LAPORKAN): (S.DILAPORKAN, P.KEPALA_PD),
    (S.DILAPORKAN, A.TERIMA): (S.SELESAI, P.TIM_MONEV),
    (S.DILAPORKAN, A.KEMBALIKAN): (S.TERBUKA, P.TIM_MONEV),
}

# Actions whose note is required: what was done, why it is returned.
CATATAN_WAJIB = frozenset({A.LAPORKAN, A.KEMBALIKAN})

# Who acts next in each state (shown on pages and the home page).
MENUNGGU = {
    S.TERBUKA: P.KEPALA_PD,
    S.DILAPORKAN: P.TIM_MONEV,
}

# The categories that need a follow-up record (Lampiran BAB IV angka 1: KURANG BAIK and BURUK).
KATEGORI_PERLU = ("KURANG_BAIK", "BURUK")


def aksi_dari(status: str, pelaku: set[str]) -> list[str]:
    """The actions the given parts may take in `status`, in table order."""
    return [aksi for (dari, aksi), (_ke, siapa) in TRANSITIONS.items() if dari == status and siapa in pelaku]
