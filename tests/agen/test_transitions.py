"""The transition table as distinct paths (docs/keputusan.md, "Alur agen perubahan"), each row tried by every part.

A refusal depends on the state only when the actor's part may take the action somewhere: every other part gets
a 403 whatever the state (`services.nominasi_transisi` checks the part first). So the table holds each allowed step
(tried by all seven parts) and, per action, one state in which that action is no longer possible (its own part
gets "already decided", the others 403). Each of the twelve states appears in a "no longer possible" row.
`test_table_matches_the_workflow` shows that the hand-written steps are exactly workflow.TRANSITIONS, and
`test_parts_of_each_persona` that only the four parts below act on a nomination, so the states and actions not
tried here are refused by the same two checks.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.agen import services
from apps.agen.models import Nominasi, Penetapan, Penilaian, RiwayatNominasi
from apps.agen.workflow import TRANSITIONS, Aksi, Pelaku, Status

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
PARTS = list(ACTORS)

# Written out by hand, independent of workflow.TRANSITIONS. Per part: the state the nomination moves to,
# "." = refused with 403 (not this part's step), "sudah" = this part's step, but the nomination has left the
# state in which it was possible (SudahDiputuskanError: someone decided first).
TABLE = """
from state              action                      pengusul     calon        penelaah                kepala      monev outsider rekan
MENUNGGU_KOMITMEN       konfirmasi                  .            PENELAAHAN   .                       .           .     .        .
MENUNGGU_KOMITMEN       tolak_komitmen              .            MENOLAK      .                       .           .     .        .
MENUNGGU_KOMITMEN       batalkan                    DIBATALKAN   .            .                       .           .     .        .
PENELAAHAN              batalkan                    DIBATALKAN   .            .                       .           .     .        .
PENELAAHAN              minta_klarifikasi_pengusul  .            .            KLARIFIKASI_PENGUSUL    .           .     .        .
PENELAAHAN              minta_klarifikasi_calon     .            .            KLARIFIKASI_CALON       .           .     .        .
PENELAAHAN              tolak                       .            .            DITOLAK                 .           .     .        .
PENELAAHAN              lanjutkan                   .            .            ASSESSMENT              .           .     .        .
KLARIFIKASI_PENGUSUL    jawab_klarifikasi           PENELAAHAN   .            .                       .           .     .        .
KLARIFIKASI_CALON       jawab_klarifikasi           .            PENELAAHAN   .                       .           .     .        .
ASSESSMENT              rekomendasikan              .            .            DIREKOMENDASIKAN        .           .     .        .
ASSESSMENT              tidak_rekomendasikan        .            .            TIDAK_DIREKOMENDASIKAN  .           .     .        .
DIREKOMENDASIKAN        tetapkan                    .            .            .                       DITETAPKAN  .     .        .
DITETAPKAN              cabut                       .            .            .                       DICABUT     .     .        .
PENELAAHAN              konfirmasi                  .            sudah        .                       .           .     .        .
MENOLAK                 tolak_komitmen              .            sudah        .                       .           .     .        .
DIBATALKAN              batalkan                    sudah        .            .                       .           .     .        .
KLARIFIKASI_PENGUSUL    minta_klarifikasi_pengusul  .            .            sudah                   .           .     .        .
KLARIFIKASI_CALON       minta_klarifikasi_calon     .            .            sudah                   .           .     .        .
MENUNGGU_KOMITMEN       jawab_klarifikasi           sudah        sudah        .                       .           .     .        .
DITOLAK                 tolak                       .            .            sudah                   .           .     .        .
ASSESSMENT              lanjutkan                   .            .            sudah                   .           .     .        .
DIREKOMENDASIKAN        rekomendasikan              .            .            sudah                   .           .     .        .
TIDAK_DIREKOMENDASIKAN  tidak_rekomendasikan        .            .            sudah                   .           .     .        .
DITETAPKAN              tetapkan                    .            .            .                       sudah       .     .        .
DICABUT                 cabut                       .            .            .                       sudah       .     .        .
"""
ROWS = [line.split() for line in TABLE.strip().splitlines()[1:]]
CASES = [(row[0], row[1], part, outcome) for row in ROWS for part, outcome in zip(PARTS, row[2:], strict=True)]
ALLOWED = {(s, a, p): o for (s, a, p, o) in CASES if o in S.values}
# The part names of the table and of workflow.Pelaku.
PELAKU = {"pengusul": Pelaku.PENGUSUL, "calon": Pelaku.CALON, "penelaah": Pelaku.PENELAAH, "kepala": Pelaku.KEPALA_PD}


def _data(world, aksi: str) -> dict:
    if aksi in (A.REKOMENDASIKAN, A.TIDAK_REKOMENDASIKAN):
        return {"skor": helpers.skor_penuh()}
    if aksi == A.TETAPKAN:
        return {"surat_keputusan": helpers.sk(world, nomor="800/TETAP"), "peran": ["KATALIS", "MEDIATOR"], "tugas": "T"}
    if aksi == A.CABUT:
        return {"nomor_sk": "800/CABUT", "tanggal_sk": datetime.date(2026, 9, 1)}
    return {}


def test_table_matches_the_workflow():
    assert all(len(row) == 2 + len(PARTS) for row in ROWS)
    written = {}
    for (state, action, part), to in ALLOWED.items():
        written.setdefault((state, action), (to, set()))[1].add(PELAKU[part])
    assert written == {key: (to, set(who)) for key, (to, who) in TRANSITIONS.items()}
    # Every state and action is tried where it is no longer possible, by the parts that may take it elsewhere.
    stale = [(s, a, p) for (s, a, p, o) in CASES if o == "sudah"]
    assert {s for s, _a, _p in stale} == set(S.values)
    assert {a for _s, a, _p in stale} == set(A.values)
    assert {(a, p) for _s, a, p in stale} == {(a, p) for (_s, a, p) in ALLOWED}


def test_parts_of_each_persona(world):
    """Only the nominator, the nominee, a KBK reviewer of the PD and its Kepala PD play a part."""
    nominasi = helpers.nominasi(world, S.PENELAAHAN)
    parts = {
        part: services.nominasi_pelaku(nominasi, aktor=getattr(world, persona).user) for part, persona in ACTORS.items()
    }
    assert parts == {p: ({PELAKU[p]} if p in PELAKU else set()) for p in PARTS}


@pytest.mark.parametrize(("status", "aksi", "part", "outcome"), CASES, ids=["-".join(c[:3]) for c in CASES])
def test_transition(world, status, aksi, part, outcome):
    nominasi = helpers.nominasi(world, status)
    actor = getattr(world, ACTORS[part]).user
    before = RiwayatNominasi.objects.filter(nominasi=nominasi).count()
    if outcome in S.values:
        services.nominasi_transisi(nominasi, aksi=aksi, aktor=actor, catatan="catatan uji", **_data(world, aksi))
        nominasi.refresh_from_db()
        assert nominasi.status == outcome
        last = RiwayatNominasi.objects.filter(nominasi=nominasi).order_by("pk").last()
        assert (last.dari_status, last.ke_status, last.aksi, last.oleh_id, last.catatan) == (
            status,
            outcome,
            aksi,
            actor.pk,
            "catatan uji",
        )
        assert RiwayatNominasi.objects.filter(nominasi=nominasi).count() == before + 1
    else:
        refusal = PermissionDenied if outcome == "." else services.SudahDiputuskanError
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
    services.nominasi_transisi(
        nominasi,
        aksi=A.CABUT,
        aktor=world.kepala.user,
        catatan="Mutasi ke luar daerah",
        nomor_sk="800/C/1",
        tanggal_sk=datetime.date(2026, 9, 1),
    )
    penetapan = Penetapan.objects.get(nominasi=nominasi)
    assert penetapan.alasan_pencabutan == "Mutasi ke luar daerah"
    assert penetapan.status_masa == Penetapan.StatusMasa.DICABUT
    assert (penetapan.dicabut_dengan.nomor, penetapan.dicabut_dengan.jenis) == ("800/C/1", "PENCABUTAN")


def test_revocation_needs_its_own_decree(world):
    nominasi = helpers.nominasi(world, S.DITETAPKAN)
    with pytest.raises(ValidationError):
        services.nominasi_transisi(nominasi, aksi=A.CABUT, aktor=world.kepala.user, catatan="Mutasi")
    nominasi.refresh_from_db()
    assert nominasi.status == S.DITETAPKAN


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
