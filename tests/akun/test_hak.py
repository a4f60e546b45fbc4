"""Every named right on Lingkup, as a table: persona x right -> expected (docs/keamanan.md).

The world is built once for the module; each persona's Lingkup is resolved once, and the nominations the
object-level rights are asked about are built in memory, so the table itself runs without the database.
"""

import importlib
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import transaction

import apps
from apps.agen.models import Nominasi, PutaranRekrutmen
from apps.akun.models import User
from apps.akun.scope import Lingkup, lingkup
from apps.common.reference import ensure_reference_data
from apps.organisasi import hak as hak_organisasi
from apps.organisasi.models import Pegawai
from apps.rencana import hak as hak_rencana
from apps.tindaklanjut.models import TindakLanjut
from tests.conftest import PERSONAS, World, build_world

ALL = frozenset(PERSONAS)
WITH_PEGAWAI = ALL - {"anonim", "admin"}
KABUPATEN = {"monev", "sekda", "admin"}
# Each test reads only the module's answers; the mark makes pytest-django create the test database.
pytestmark = pytest.mark.django_db
PD_ROLES = {"kbk", "kepala", "outsider"}


def _nominasi(w: World, calon, pengusul) -> Nominasi:
    """A nomination in PD X, built in memory (the predicates read only its ids and unit paths)."""
    return Nominasi(
        putaran=PutaranRekrutmen(perangkat_daerah_id=w.pd_x.pk),
        pegawai=calon,
        unit_kerja=calon.unit_kerja,
        pengusul_id=pengusul.user_id,
    )


def _tl(w: World) -> TindakLanjut:
    """A follow-up of PD X, built in memory."""
    return TindakLanjut(perangkat_daerah_id=w.pd_x.pk)


def _rencana(w: World, status: str):
    """A plan of an agent of unit A (PD X) in `status`, built in memory (the world has no agents)."""
    from apps.rencana.models import RencanaTindak

    return RencanaTindak(perangkat_daerah_id=w.pd_x.pk, unit_kerja=w.unit_a, status=status)


def _masalah(w: World, kepada: str, status: str = "TERBUKA"):
    from apps.rencana.models import Permasalahan

    return Permasalahan(rencana=_rencana(w, "DISETUJUI"), kepada=kepada, status=status)


def _laporan(w: World):
    from apps.rencana.models import LaporanKemajuan

    return LaporanKemajuan(rencana=_rencana(w, "DISETUJUI"), status="TERKIRIM")


# (right, how to ask it, personas for whom it is True). `None` asks the no-argument property.
Ask = Callable[[Lingkup, World], bool] | None
TABLE: list[tuple[str, Ask, set[str]]] = [
    # akun
    ("boleh_cetak_kode_aktivasi_apa_pun", None, {"kepala", "admin", "outsider"}),
    ("boleh_cetak_kode_aktivasi", lambda s, w: s.boleh_cetak_kode_aktivasi(w.unit_a), {"kepala", "admin"}),
    ("boleh_cetak_kode_pegawai_apa_pun", None, {"pimpinan", "kepala", "admin", "outsider"}),
    (
        "boleh_cetak_kode_pegawai",
        lambda s, w: s.boleh_cetak_kode_pegawai(Pegawai(unit_kerja=w.unit_a1, aktif=True)),
        {"pimpinan", "kepala", "admin"},
    ),
    ("boleh_cetak_kode_pegawai (activated)", lambda s, w: s.boleh_cetak_kode_pegawai(w.asn), set()),
    ("boleh_atur_ulang_sandi", lambda s, w: s.boleh_atur_ulang_sandi(w.asn), {"admin"}),
    ("boleh_terbitkan_kode_akun_kabupaten", None, {"admin"}),
    ("akun_kabupaten", None, KABUPATEN),
    ("boleh_buka_admin", None, {"admin"}),
    # organisasi
    ("boleh_lihat_pegawai_apa_pun", None, KABUPATEN | PD_ROLES | {"pimpinan"}),
    ("boleh_ajukan_perbaikan_data", None, WITH_PEGAWAI),
    ("boleh_putuskan_perbaikan_data", None, {"admin"}),
    # kbk
    ("boleh_lihat_kbk_apa_pun", None, KABUPATEN | PD_ROLES),
    ("boleh_ubah_kbk", lambda s, w: s.boleh_ubah_kbk(w.pd_x.pk), {"kepala", "admin"}),
    ("boleh_ubah_kbk_pd_sendiri", None, {"kepala", "outsider"}),
    # agen
    ("boleh_usulkan_agen", lambda s, w: s.boleh_usulkan_agen(w.asn_a1), {"pimpinan"}),
    ("boleh_usulkan_agen (unit B)", lambda s, w: s.boleh_usulkan_agen(w.asn_b), set()),
    ("boleh_usulkan_agen_apa_pun", None, {"pimpinan", "outsider"}),
    ("boleh_telaah_nominasi_di", lambda s, w: s.boleh_telaah_nominasi_di(w.pd_x.pk), {"kbk"}),
    (
        "boleh_telaah_nominasi (unit A)",
        lambda s, w: s.boleh_telaah_nominasi(_nominasi(w, w.asn, w.pimpinan)),
        {"kbk"},
    ),
    (
        "boleh_telaah_nominasi (reviewer's own unit)",
        lambda s, w: s.boleh_telaah_nominasi(_nominasi(w, w.asn_b, w.pimpinan)),
        set(),
    ),
    ("boleh_telaah_nominasi_apa_pun", None, {"kbk", "outsider"}),
    ("boleh_tetapkan_agen_di", lambda s, w: s.boleh_tetapkan_agen_di(w.pd_x.pk), {"kepala"}),
    (
        "boleh_tetapkan_nominasi",
        lambda s, w: s.boleh_tetapkan_nominasi(_nominasi(w, w.asn, w.pimpinan)),
        {"kepala"},
    ),
    (
        "boleh_tetapkan_nominasi (own proposal)",
        lambda s, w: s.boleh_tetapkan_nominasi(_nominasi(w, w.asn, w.kepala)),
        set(),
    ),
    ("boleh_tetapkan_agen_apa_pun", None, {"kepala", "outsider"}),
    ("boleh_buka_putaran", lambda s, w: s.boleh_buka_putaran(w.pd_x.pk), {"kepala", "admin"}),
    ("boleh_buat_sk", lambda s, w: s.boleh_buat_sk(w.pd_x.pk), {"kepala"}),
    ("boleh_catat_pembinaan_agen", lambda s, w: s.boleh_catat_pembinaan_agen(w.pd_x.pk), {"kbk", "kepala"}),
    ("boleh_lihat_agen_apa_pun", None, KABUPATEN | PD_ROLES | {"pimpinan"}),
    ("boleh_lihat_sk_apa_pun", None, KABUPATEN | PD_ROLES),
    ("boleh_lihat_ikhtisar_agen", None, KABUPATEN),
    # survei
    ("boleh_isi_formulir", None, WITH_PEGAWAI),
    ("boleh_kelola_periode", None, {"monev", "admin"}),
    ("boleh_ekspor_jawaban", None, {"monev", "admin"}),
    ("boleh_buka_kembali_respon", None, {"monev", "admin"}),
    ("boleh_buka_kembali_periode_ditutup", None, {"admin"}),
    ("boleh_lihat_partisipasi", None, KABUPATEN | PD_ROLES | {"pimpinan"}),
    ("boleh_lihat_partisipasi_kabupaten", None, KABUPATEN),
    # laporan
    ("boleh_lihat_laporan_apa_pun", None, KABUPATEN | PD_ROLES | {"pimpinan"}),
    ("boleh_lihat_laporan_kabupaten", None, KABUPATEN),
    ("boleh_lihat_laporan_pd_apa_pun", None, KABUPATEN | PD_ROLES),
    ("boleh_lihat_laporan_pd", lambda s, w: s.boleh_lihat_laporan_pd(w.pd_x.pk), KABUPATEN | {"kbk", "kepala"}),
    ("boleh_catat_laporan", None, {"monev"}),
    ("boleh_finalkan_periode", None, {"monev", "admin"}),
    # agen: kelompok
    ("boleh_kelola_kelompok_agen", lambda s, w: s.boleh_kelola_kelompok_agen(w.pd_x.pk), {"kbk", "kepala"}),
    ("boleh_kelola_kelompok_agen_apa_pun", None, PD_ROLES),
    ("boleh_cantumkan_kelompok_dalam_sk", lambda s, w: s.boleh_cantumkan_kelompok_dalam_sk(w.pd_x.pk), {"kepala"}),
    # forum (the world has no agents: an active agent of PD X writes there too)
    ("boleh_catat_pertemuan_forum", lambda s, w: s.boleh_catat_pertemuan_forum(w.pd_x.pk), {"kbk", "kepala"}),
    ("boleh_catat_pertemuan_forum (kabupaten)", lambda s, w: s.boleh_catat_pertemuan_forum(None), {"monev"}),
    ("boleh_tulis_praktik_baik", lambda s, w: s.boleh_tulis_praktik_baik(w.pd_x.pk), {"kbk", "kepala"}),
    ("boleh_tulis_forum_apa_pun", None, {"monev"} | PD_ROLES),
    ("boleh_lihat_hasil_sendiri", None, WITH_PEGAWAI),
    # internalisasi
    ("boleh_lihat_internalisasi_apa_pun", None, KABUPATEN | PD_ROLES),
    ("boleh_lihat_internalisasi", lambda s, w: s.boleh_lihat_internalisasi(w.pd_x.pk), KABUPATEN | {"kbk", "kepala"}),
    ("boleh_catat_internalisasi", lambda s, w: s.boleh_catat_internalisasi(w.pd_x.pk), {"kbk", "kepala"}),
    # tindaklanjut
    ("boleh_lihat_tindak_lanjut_semua", None, KABUPATEN),
    ("boleh_lihat_tindak_lanjut_apa_pun", None, KABUPATEN | PD_ROLES),
    ("boleh_lihat_tindak_lanjut", lambda s, w: s.boleh_lihat_tindak_lanjut(_tl(w)), KABUPATEN | {"kbk", "kepala"}),
    ("boleh_laporkan_tindak_lanjut", lambda s, w: s.boleh_laporkan_tindak_lanjut(_tl(w)), {"kepala"}),
    ("boleh_laporkan_tindak_lanjut_apa_pun", None, {"kepala", "outsider"}),
    ("boleh_periksa_tindak_lanjut", None, {"monev"}),
    # rencana (the world has no agents: the author's rights are in tests/rencana)
    ("boleh_tulis_rencana_apa_pun", None, set()),
    ("boleh_ubah_rencana", lambda s, w: hak_rencana.boleh_ubah_rencana(s, _rencana(w, "DRAF")), set()),
    ("boleh_ajukan_rencana", lambda s, w: hak_rencana.boleh_ajukan_rencana(s, _rencana(w, "DIKEMBALIKAN")), set()),
    ("boleh_setujui_rencana", lambda s, w: hak_rencana.boleh_setujui_rencana(s, _rencana(w, "DIAJUKAN")), {"kepala"}),
    ("boleh_setujui_rencana (draf)", lambda s, w: hak_rencana.boleh_setujui_rencana(s, _rencana(w, "DRAF")), set()),
    ("boleh_setujui_rencana_apa_pun", None, {"kepala", "outsider"}),
    ("boleh_versi_baru_rencana", lambda s, w: hak_rencana.boleh_versi_baru_rencana(s, _rencana(w, "DISETUJUI")), set()),
    ("boleh_lapor_kemajuan", lambda s, w: hak_rencana.boleh_lapor_kemajuan(s, _rencana(w, "DISETUJUI")), set()),
    ("boleh_ketahui_laporan", lambda s, w: s.boleh_ketahui_laporan(_laporan(w)), {"kepala"}),
    ("boleh_buka_kembali_laporan", lambda s, w: s.boleh_buka_kembali_laporan(_laporan(w)), {"kepala"}),
    ("boleh_ajukan_masalah", lambda s, w: hak_rencana.boleh_ajukan_masalah(s, _rencana(w, "DISETUJUI")), set()),
    (
        "boleh_jawab_masalah",
        lambda s, w: hak_rencana.boleh_jawab_masalah(s, _masalah(w, "PIMPINAN_UNIT")),
        {"kepala", "pimpinan"},
    ),
    (
        "boleh_jawab_masalah (kepala)",
        lambda s, w: hak_rencana.boleh_jawab_masalah(s, _masalah(w, "KEPALA_PD")),
        {"kepala"},
    ),
    (
        "boleh_tutup_masalah",
        lambda s, w: hak_rencana.boleh_tutup_masalah(s, _masalah(w, "PIMPINAN_UNIT", "DIJAWAB")),
        set(),
    ),
    ("boleh_jawab_masalah_apa_pun", None, {"kepala", "outsider", "pimpinan"}),
    ("boleh_pantau_rencana_apa_pun", None, KABUPATEN | PD_ROLES | {"pimpinan"}),
    ("boleh_ikhtisar_rencana", None, KABUPATEN),
    ("boleh_ekspor_rencana", lambda s, w: s.boleh_ekspor_rencana(w.pd_x.pk), KABUPATEN | {"kbk", "kepala"}),
    ("boleh_ekspor_rencana_apa_pun", None, KABUPATEN | PD_ROLES),
    # notifikasi: reminders to fill Formulir 1
    ("boleh_ingatkan_apa_pun", None, {"monev", "pimpinan", "kepala", "outsider"}),
    ("boleh_ingatkan_pd_apa_pun", None, {"kepala", "outsider"}),
    ("boleh_ingatkan_semua_pd", None, {"monev"}),
    ("boleh_ingatkan_unit", lambda s, w: s.boleh_ingatkan_unit(w.unit_a), {"monev", "pimpinan", "kepala"}),
    ("boleh_ingatkan_pd", lambda s, w: s.boleh_ingatkan_pd(w.pd_x.pk), {"monev", "kepala"}),
    # organisasi: the pegawai import (XLSX and SIASN) through the permission organisasi.import_pegawai
    (
        "boleh_impor_pegawai",
        lambda s, w: s.user_id is not None and hak_organisasi.boleh_impor_pegawai(User.objects.get(pk=s.user_id)),
        {"admin"},
    ),
]


@pytest.fixture(scope="module")
def answers(django_db_setup, django_db_blocker) -> dict[str, dict[str, bool]]:
    """right -> {persona: answer}, from one world built for the whole module and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_reference_data()  # a transactional test before this module may have flushed it
        world = build_world()
        scopes = {persona: lingkup(world.user(persona)) for persona in PERSONAS}
        result = {
            right: {p: bool(ask(s, world) if ask else getattr(s, right)) for p, s in scopes.items()}
            for right, ask, _expected in TABLE
        }
        transaction.set_rollback(True)
    return result


@pytest.mark.parametrize(("right", "expected"), [(r, e) for r, _a, e in TABLE], ids=[r for r, _a, _e in TABLE])
def test_right(answers, right: str, expected: set[str]):
    assert answers[right] == {persona: persona in expected for persona in PERSONAS}


def test_every_right_is_in_the_table():
    """The predicates of Lingkup and of every app's hak.py (functions of (lingkup, object))."""
    named = {name for name in dir(Lingkup) if name.startswith("boleh_")}
    for path in sorted(Path(apps.__file__).parent.glob("*/hak.py")):
        modul = importlib.import_module(f"apps.{path.parent.name}.hak")
        named |= {name for name in vars(modul) if name.startswith("boleh_")}
    assert "boleh_ubah_rencana" in named
    assert named - {right.split(" ")[0] for right, _a, _e in TABLE} == set()
