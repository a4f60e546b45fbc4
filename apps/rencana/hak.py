"""Rights on rencana tindak that need the user's appointments and groups (Lampiran BAB III 2.2.4-2.2.5): functions
of (lingkup, object) on the role facts of apps.akun.scope.Lingkup. The user's appointments are read once per
request (`Lingkup.ingat`), and only for an active agent (a Peran AGEN_PERUBAHAN): nobody else writes a plan.
The objects (RencanaTindak, LaporanKemajuan, Permasalahan) say their own state (`dapat_diubah`, `diajukan`, ...).
"""

from apps.agen.hak import kelompok_agen_ids, penetapan_aktif_ids
from apps.akun.scope import Lingkup


def penyusun_rencana(scope: Lingkup, rencana) -> bool:
    """The agent of the plan, or an active member of its Kelompok Agen."""
    if rencana.kelompok_id is not None:
        return rencana.kelompok_id in kelompok_agen_ids(scope)
    return rencana.penetapan_id in penetapan_aktif_ids(scope)


def boleh_ubah_rencana(scope: Lingkup, rencana) -> bool:
    return rencana.dapat_diubah and penyusun_rencana(scope, rencana)


def boleh_ajukan_rencana(scope: Lingkup, rencana) -> bool:
    return boleh_ubah_rencana(scope, rencana)


def pemutus_rencana(scope: Lingkup, rencana) -> bool:
    """The Kepala PD of the plan's PD, unless they wrote it: who decides it in the workflow (Pelaku.KEPALA_PD)."""
    return rencana.perangkat_daerah_id in scope.kepala_pd_ids and not penyusun_rencana(scope, rencana)


def boleh_setujui_rencana(scope: Lingkup, rencana) -> bool:
    """The Kepala PD of the plan's PD decides a submitted plan, never one they wrote themselves."""
    return rencana.diajukan and pemutus_rencana(scope, rencana)


def boleh_versi_baru_rencana(scope: Lingkup, rencana) -> bool:
    return rencana.disetujui and penyusun_rencana(scope, rencana)


def boleh_lapor_kemajuan(scope: Lingkup, rencana) -> bool:
    """Progress reports on an approved plan, by its authors (2.2.4 1) c)."""
    return rencana.disetujui and penyusun_rencana(scope, rencana)


def boleh_ajukan_masalah(scope: Lingkup, rencana) -> bool:
    return boleh_lapor_kemajuan(scope, rencana)


def boleh_jawab_masalah(scope: Lingkup, masalah) -> bool:
    """The Kepala PD answers every problem of the PD; the unit head those addressed to the unit head of the
    agent's unit or a unit above it ("secara langsung dan berjenjang", 2.2.4 1) e-f)."""
    if not masalah.terbuka:
        return False
    rencana = masalah.rencana
    if rencana.perangkat_daerah_id in scope.kepala_pd_ids:
        return not penyusun_rencana(scope, rencana)
    return masalah.kepada_pimpinan_unit and any(
        rencana.unit_kerja.path.startswith(path) for path in scope.pimpinan_unit_paths
    )


def boleh_tutup_masalah(scope: Lingkup, masalah) -> bool:
    return masalah.dijawab and penyusun_rencana(scope, masalah.rencana)
