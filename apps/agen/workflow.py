"""States of a nomination and the one table of allowed transitions (docs/glosarium.md, «Kata kode» (transisi); docs/arsitektur.md).

Lampiran BAB III 2.2.2: penjaringan awal (the unit head nominates, the nominee confirms their commitment),
penelaahan by the KBK (clarification from the nominator or the nominee, reject, or pass), assessment by the
KBK (recommendation), penetapan formal by the Kepala PD by SK; the Kepala PD may revoke an appointment.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    MENUNGGU_KOMITMEN = "MENUNGGU_KOMITMEN", _("Menunggu konfirmasi komitmen calon")
    PENELAAHAN = "PENELAAHAN", _("Penelaahan oleh KBK")
    KLARIFIKASI_PENGUSUL = "KLARIFIKASI_PENGUSUL", _("Klarifikasi oleh pengusul")
    KLARIFIKASI_CALON = "KLARIFIKASI_CALON", _("Klarifikasi oleh calon")
    ASSESSMENT = "ASSESSMENT", _("Assessment oleh KBK")
    DIREKOMENDASIKAN = "DIREKOMENDASIKAN", _("Direkomendasikan, menunggu penetapan")
    TIDAK_DIREKOMENDASIKAN = "TIDAK_DIREKOMENDASIKAN", _("Tidak direkomendasikan")
    DITOLAK = "DITOLAK", _("Ditolak KBK")
    MENOLAK = "MENOLAK", _("Calon menolak")
    DIBATALKAN = "DIBATALKAN", _("Dibatalkan pengusul")
    DITETAPKAN = "DITETAPKAN", _("Ditetapkan dengan SK")
    DICABUT = "DICABUT", _("Penetapan dicabut")


class Aksi(models.TextChoices):
    KONFIRMASI = "konfirmasi", _("Konfirmasi komitmen")
    TOLAK_KOMITMEN = "tolak_komitmen", _("Menolak pencalonan")
    BATALKAN = "batalkan", _("Batalkan usulan")
    MINTA_KLARIFIKASI_PENGUSUL = "minta_klarifikasi_pengusul", _("Minta klarifikasi kepada pengusul")
    MINTA_KLARIFIKASI_CALON = "minta_klarifikasi_calon", _("Minta klarifikasi kepada calon")
    JAWAB_KLARIFIKASI = "jawab_klarifikasi", _("Jawab klarifikasi")
    TOLAK = "tolak", _("Tolak usulan")
    LANJUTKAN = "lanjutkan", _("Lanjutkan ke assessment")
    REKOMENDASIKAN = "rekomendasikan", _("Nilai: direkomendasikan")
    TIDAK_REKOMENDASIKAN = "tidak_rekomendasikan", _("Nilai: tidak direkomendasikan")
    TETAPKAN = "tetapkan", _("Tetapkan dengan SK")
    CABUT = "cabut", _("Cabut penetapan")


class Pelaku(models.TextChoices):
    """The part an actor plays on one nomination (computed per nomination, see services.nominasi_pelaku)."""

    PENGUSUL = "PENGUSUL", _("Pengusul")
    CALON = "CALON", _("Calon")
    PENELAAH = "PENELAAH", _("Anggota KBK penelaah")
    KEPALA_PD = "KEPALA_PD", _("Kepala PD")


S, A, P = Status, Aksi, Pelaku
USULAN = "usulkan"  # the action that creates a nomination (first history row, from "")

# (from state, action) -> (to state, who may do it)
TRANSITIONS: dict[tuple[str, str], tuple[str, frozenset[str]]] = {
    (S.MENUNGGU_KOMITMEN, A.KONFIRMASI): (S.PENELAAHAN, frozenset({P.CALON})),
    (S.MENUNGGU_KOMITMEN, A.TOLAK_KOMITMEN): (S.MENOLAK, frozenset({P.CALON})),
    (S.MENUNGGU_KOMITMEN, A.BATALKAN): (S.DIBATALKAN, frozenset({P.PENGUSUL})),
    (S.PENELAAHAN, A.MINTA_KLARIFIKASI_PENGUSUL): (S.KLARIFIKASI_PENGUSUL, frozenset({P.PENELAAH})),
    (S.PENELAAHAN, A.MINTA_KLARIFIKASI_CALON): (S.KLARIFIKASI_CALON, frozenset({P.PENELAAH})),
    (S.PENELAAHAN, A.TOLAK): (S.DITOLAK, frozenset({P.PENELAAH})),
    (S.PENELAAHAN, A.LANJUTKAN): (S.ASSESSMENT, frozenset({P.PENELAAH})),
    (S.PENELAAHAN, A.BATALKAN): (S.DIBATALKAN, frozenset({P.PENGUSUL})),
    (S.KLARIFIKASI_PENGUSUL, A.JAWAB_KLARIFIKASI): (S.PENELAAHAN, frozenset({P.PENGUSUL})),
    (S.KLARIFIKASI_CALON, A.JAWAB_KLARIFIKASI): (S.PENELAAHAN, frozenset({P.CALON})),
    (S.ASSESSMENT, A.REKOMENDASIKAN): (S.DIREKOMENDASIKAN, frozenset({P.PENELAAH})),
    (S.ASSESSMENT, A.TIDAK_REKOMENDASIKAN): (S.TIDAK_DIREKOMENDASIKAN, frozenset({P.PENELAAH})),
    (S.DIREKOMENDASIKAN, A.TETAPKAN): (S.DITETAPKAN, frozenset({P.KEPALA_PD})),
    (S.DITETAPKAN, A.CABUT): (S.DICABUT, frozenset({P.KEPALA_PD})),
}

# Actions whose note is required (the question, the answer, the reason).
CATATAN_WAJIB = frozenset(
    {
        A.BATALKAN,
        A.MINTA_KLARIFIKASI_PENGUSUL,
        A.MINTA_KLARIFIKASI_CALON,
        A.JAWAB_KLARIFIKASI,
        A.TOLAK,
        A.CABUT,
    }
)
# Actions that end a nomination against it (the UI marks their buttons as dangerous).
MENGAKHIRI = frozenset({A.TOLAK, A.CABUT, A.BATALKAN, A.TOLAK_KOMITMEN})
# Actions that are irreversible decisions: the UI asks for confirmation first.
KEPUTUSAN = frozenset({A.TOLAK, A.TETAPKAN, A.CABUT, A.TOLAK_KOMITMEN, A.BATALKAN})
# States in which the KBK has work to do (its queue).
ANTREAN_KBK = (S.PENELAAHAN, S.ASSESSMENT)
# States in which a clarification question waits for its answer.
KLARIFIKASI = (S.KLARIFIKASI_PENGUSUL, S.KLARIFIKASI_CALON)
SELESAI = (S.TIDAK_DIREKOMENDASIKAN, S.DITOLAK, S.MENOLAK, S.DIBATALKAN, S.DICABUT)

# The usual next step in a state: shown first, open, as the primary button (the others stay one tap away).
LANGKAH_UTAMA = {
    S.MENUNGGU_KOMITMEN: A.KONFIRMASI,
    S.PENELAAHAN: A.LANJUTKAN,
    S.KLARIFIKASI_PENGUSUL: A.JAWAB_KLARIFIKASI,
    S.KLARIFIKASI_CALON: A.JAWAB_KLARIFIKASI,
}
# Who a state waits for, said next to the status wherever it is shown.
MENUNGGU = {
    S.MENUNGGU_KOMITMEN: _("menunggu konfirmasi calon"),
    S.PENELAAHAN: _("menunggu telaah KBK"),
    S.KLARIFIKASI_PENGUSUL: _("menunggu jawaban pengusul"),
    S.KLARIFIKASI_CALON: _("menunggu jawaban calon"),
    S.ASSESSMENT: _("menunggu assessment KBK"),
    S.DIREKOMENDASIKAN: _("menunggu penetapan Kepala PD"),
}

AKSI_LABEL = {USULAN: _("Usulan dibuat"), **{a.value: a.label for a in Aksi}}


def pelaku_untuk(aksi: str) -> frozenset[str]:
    """Everyone who may take `aksi` from some state."""
    roles: set[str] = set()
    for (_state, action), (_to, who) in TRANSITIONS.items():
        if action == aksi:
            roles |= who
    return frozenset(roles)


def aksi_dari(status: str) -> list[str]:
    return [action for (state, action) in TRANSITIONS if state == status]


def catatan_wajib(aksi: str) -> bool:
    """The step needs a note (the question, the answer, the reason)."""
    return aksi in CATATAN_WAJIB


# Actions the nominee takes (on their commitment page).
AKSI_CALON = frozenset(a for a in Aksi if P.CALON in pelaku_untuk(a))
