"""The full transition table: every (state, action, part) triple, allowed or refused (STYLE "State changes")."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.agen import services
from apps.agen.models import Nominasi, Penetapan, Penilaian, RiwayatNominasi
from apps.agen.workflow import Aksi, Status

from . import helpers

S, A = Status, Aksi
# Who plays each part on a nomination of `asn` (unit A) proposed by `pimpinan` (head of unit A):
ACTORS = {
    "pengusul": "pimpinan",
    "calon": "asn",
    "penelaah": "kbk",  # KBK of PD X, works in unit B
    "kepala": "kepala",
    "monev": "monev",
    "outsider": "outsider",  # Kepala + KBK + head of a unit of PD Y
    "rekan": "asn_a1",  # an ASN of a sub-unit of A
}
# Written out by hand, independent of workflow.TRANSITIONS: (state, action, part) -> new state.
ALLOWED = {
    (S.MENUNGGU_KOMITMEN, A.KONFIRMASI, "calon"): S.PENELAAHAN,
    (S.MENUNGGU_KOMITMEN, A.TOLAK_KOMITMEN, "calon"): S.MENOLAK,
    (S.MENUNGGU_KOMITMEN, A.BATALKAN, "pengusul"): S.DIBATALKAN,
    (S.PENELAAHAN, A.BATALKAN, "pengusul"): S.DIBATALKAN,
    (S.PENELAAHAN, A.MINTA_KLARIFIKASI_PENGUSUL, "penelaah"): S.KLARIFIKASI_PENGUSUL,
    (S.PENELAAHAN, A.MINTA_KLARIFIKASI_CALON, "penelaah"): S.KLARIFIKASI_CALON,
    (S.PENELAAHAN, A.TOLAK, "penelaah"): S.DITOLAK,
    (S.PENELAAHAN, A.LANJUTKAN, "penelaah"): S.ASSESSMENT,
    (S.KLARIFIKASI_PENGUSUL, A.JAWAB_KLARIFIKASI, "pengusul"): S.PENELAAHAN,
    (S.KLARIFIKASI_CALON, A.JAWAB_KLARIFIKASI, "calon"): S.PENELAAHAN,
    (S.ASSESSMENT, A.REKOMENDASIKAN, "penelaah"): S.DIREKOMENDASIKAN,
    (S.ASSESSMENT, A.TIDAK_REKOMENDASIKAN, "penelaah"): S.TIDAK_DIREKOMENDASIKAN,
    (S.DIREKOMENDASIKAN, A.TETAPKAN, "kepala"): S.DITETAPKAN,
    (S.DITETAPKAN, A.CABUT, "kepala"): S.DICABUT,
}
# The parts that may take an action from some state: anyone else gets a 403 whatever the state.
PARTS_OF_ACTION = {action: {p for (_s, a, p) in ALLOWED if a == action} for action in A.values}
TRIPLES = [(s, a, p) for s in S.values for a in A.values for p in ACTORS]


def _data(world, aksi: str) -> dict:
    if aksi in (A.REKOMENDASIKAN, A.TIDAK_REKOMENDASIKAN):
        return {"skor": helpers.skor_penuh()}
    if aksi == A.TETAPKAN:
        return {"surat_keputusan": helpers.sk(world, nomor="800/TETAP"), "peran": ["KATALIS", "MEDIATOR"], "tugas": "T"}
    return {}


def test_table_covers_every_state_action_and_part():
    assert len(TRIPLES) == len(S.values) * len(A.values) * len(ACTORS) == 12 * 12 * 7


@pytest.mark.parametrize(("status", "aksi", "part"), TRIPLES, ids=["-".join(t) for t in TRIPLES])
def test_transition(world, status, aksi, part):
    nominasi = helpers.nominasi(world, status)
    actor = getattr(world, ACTORS[part]).user
    before = RiwayatNominasi.objects.filter(nominasi=nominasi).count()
    expected = ALLOWED.get((status, aksi, part))
    if expected is not None:
        services.nominasi_transisi(nominasi, aksi=aksi, aktor=actor, catatan="catatan uji", **_data(world, aksi))
        nominasi.refresh_from_db()
        assert nominasi.status == expected
        last = RiwayatNominasi.objects.filter(nominasi=nominasi).order_by("pk").last()
        assert (last.dari_status, last.ke_status, last.aksi, last.oleh_id, last.catatan) == (
            status,
            expected,
            aksi,
            actor.pk,
            "catatan uji",
        )
        assert RiwayatNominasi.objects.filter(nominasi=nominasi).count() == before + 1
    else:
        # Not this part's step (here or anywhere): 403. This part's step, but the state has moved on: stale.
        step_exists_here = any((s, a) == (status, aksi) for (s, a, _p) in ALLOWED)
        wrong_part = part not in PARTS_OF_ACTION[aksi] or step_exists_here
        refusal = PermissionDenied if wrong_part else services.SudahDiputuskanError
        with pytest.raises(refusal):
            services.nominasi_transisi(nominasi, aksi=aksi, aktor=actor, catatan="catatan uji", **_data(world, aksi))
        nominasi.refresh_from_db()
        assert nominasi.status == status
        assert RiwayatNominasi.objects.filter(nominasi=nominasi).count() == before


def test_nominator_who_is_kbk_member_cannot_review_own_nomination(world):
    from apps.akun.models import Peran

    Peran.objects.create(user=world.pimpinan.user, jenis=Peran.Jenis.ANGGOTA_KBK, perangkat_daerah=world.pd_x)
    nominasi = helpers.nominasi(world, S.PENELAAHAN, pegawai=world.asn_b)  # nominee of unit B, not the head's unit
    with pytest.raises(PermissionDenied):
        services.nominasi_transisi(nominasi, aksi=A.LANJUTKAN, aktor=world.pimpinan.user)
    nominasi.refresh_from_db()
    assert nominasi.status == S.PENELAAHAN


def test_kbk_member_cannot_review_a_nominee_of_their_own_unit(world):
    nominasi = helpers.nominasi(world, S.PENELAAHAN, pegawai=world.asn_b)  # the kbk persona works in unit B
    with pytest.raises(PermissionDenied):
        services.nominasi_transisi(nominasi, aksi=A.TOLAK, aktor=world.kbk.user, catatan="bukan")
    assert services.nominasi_pelaku(nominasi, aktor=world.kbk.user) == set()


def test_required_note_is_enforced(world):
    nominasi = helpers.nominasi(world, S.PENELAAHAN)
    with pytest.raises(ValidationError):
        services.nominasi_transisi(nominasi, aksi=A.TOLAK, aktor=world.kbk.user, catatan="   ")
    nominasi.refresh_from_db()
    assert nominasi.status == S.PENELAAHAN
    assert RiwayatNominasi.objects.filter(nominasi=nominasi).count() == 1


def test_assessment_writes_scores_and_recommendation(world):
    nominasi = helpers.nominasi(world, S.ASSESSMENT)
    services.nominasi_transisi(
        nominasi, aksi=A.REKOMENDASIKAN, aktor=world.kbk.user, catatan="layak", skor=helpers.skor_penuh(5)
    )
    penilaian = Penilaian.objects.get(nominasi=nominasi)
    assert (penilaian.direkomendasikan, penilaian.catatan, penilaian.penilai_id) == (True, "layak", world.kbk.user.pk)
    assert sorted(penilaian.skor.values_list("skor", flat=True)) == [5] * 8


def test_assessment_refuses_a_missing_score(world):
    nominasi = helpers.nominasi(world, S.ASSESSMENT)
    skor = helpers.skor_penuh()
    skor.popitem()
    with pytest.raises(ValidationError):
        services.nominasi_transisi(nominasi, aksi=A.REKOMENDASIKAN, aktor=world.kbk.user, skor=skor)
    assert Penilaian.objects.count() == 0


def test_revocation_keeps_reason_on_the_appointment(world):
    nominasi = helpers.nominasi(world, S.DITETAPKAN)
    services.nominasi_transisi(nominasi, aksi=A.CABUT, aktor=world.kepala.user, catatan="Mutasi ke luar daerah")
    penetapan = Penetapan.objects.get(nominasi=nominasi)
    assert penetapan.alasan_pencabutan == "Mutasi ke luar daerah"
    assert penetapan.status_masa == Penetapan.StatusMasa.DICABUT


def test_history_rows_are_never_edited_or_deleted(world):
    nominasi = helpers.nominasi(world, S.PENELAAHAN)
    row = RiwayatNominasi.objects.get(nominasi=nominasi)
    row.catatan = "diubah"
    with pytest.raises(ValueError):
        row.save()
    with pytest.raises(ValueError):
        row.delete()
    with pytest.raises(ValueError):
        RiwayatNominasi.objects.filter(pk=row.pk).update(catatan="diubah")
    with pytest.raises(ValueError):
        RiwayatNominasi.objects.filter(pk=row.pk).delete()
    assert RiwayatNominasi.objects.get(pk=row.pk).catatan == ""


def test_caller_instance_gets_the_new_status(world):
    nominasi = helpers.nominasi(world, S.MENUNGGU_KOMITMEN)
    services.nominasi_transisi(nominasi, aksi=A.KONFIRMASI, aktor=world.asn.user)
    assert nominasi.status == S.PENELAAHAN
    assert Nominasi.objects.get(pk=nominasi.pk).status == S.PENELAAHAN
