"""Writes of Formulir 1: periode status, drafts, submission, reopening (docs/glosarium.md, «Kata kode» (transisi); docs/arsitektur.md).

Each state change has exactly one function here; views call them and nothing else sets a status.
"""

import time
from collections.abc import Callable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from apps.akun.scope import lingkup
from apps.organisasi.models import Pegawai

from . import scoring
from .models import Butir, Jawaban, PembukaanKembali, Periode, Respon, RiwayatPeriode
from .signals import periode_status_changed

S = Periode.Status
# Allowed periode transitions. DITUTUP -> DIBUKA reopens a periode closed early (or to extend it after the
# close date was moved); FINAL is the end: the reports engineer's finalisation freezes the Laporan Evaluasi.
TRANSISI_PERIODE: dict[str, set[str]] = {
    S.DRAFT: {S.DIBUKA},
    S.DIBUKA: {S.DITUTUP},
    S.DITUTUP: {S.DIBUKA, S.FINAL},
    S.FINAL: set(),
}


def periode_ubah_status(periode: Periode, *, ke: str, aktor, catatan: str = "") -> Periode:
    """Open, close or reopen a periode (Tim Monev or admin). FINAL goes through `periode_finalkan` only.

    Side effects: those of `_periode_transisi` (lock, checks, history row, signal).
    """
    if ke == S.FINAL:
        raise ValidationError(_("Finalisasi periode dilakukan dari halaman finalisasi laporan."))
    return _periode_transisi(periode, ke=ke, aktor=aktor, catatan=catatan)


# The one path to FINAL is apps.laporan.services.laporan_finalkan (docs/arsitektur.md, «Dari jawaban sampai tindak
# lanjut»): state change, stored aggregates, snapshots and follow-ups in one transaction. survei stands below
# laporan and does not import it; the periode list and the admin action reach it by this name.
FINALKAN = "apps.laporan.services.laporan_finalkan"


def periode_finalkan(periode: Periode, *, aktor, catatan: str = "") -> Periode:
    """Finalise a closed periode from survei's pages (the periode list, the admin action): the same one path as
    the report page, `apps.laporan.services.laporan_finalkan`, reached by name (FINALKAN)."""
    import_string(FINALKAN)(periode, aktor=aktor, catatan=catatan)
    return periode


def periode_tandai_final(periode: Periode, *, aktor, catatan: str = "") -> Periode:
    """The state change DITUTUP -> FINAL, and nothing else: called only by apps.laporan.services.laporan_finalkan,
    inside its transaction, before it stores the aggregates, the snapshots and the follow-ups.

    Side effects: those of `_periode_transisi` (the `periode_status_changed` signal is for notices only).
    Raises PermissionDenied (the actor may not finalise) or ValidationError (the periode is not closed).
    """
    if not lingkup(aktor).boleh_finalkan_periode:
        raise PermissionDenied
    return _periode_transisi(periode, ke=S.FINAL, aktor=aktor, catatan=catatan)


def _periode_transisi(periode: Periode, *, ke: str, aktor, catatan: str = "") -> Periode:
    """Move a periode to `ke`: the only code that writes `Periode.status`.

    Side effects: locks the periode row; checks the actor's right and the transition against TRANSISI_PERIODE;
    reopening (DITUTUP -> DIBUKA) is the admin's alone, needs a written reason, and is allowed only while today
    is not after tanggal_tutup (move the date first); sets `ditutup_pada` when closing (clears it when
    reopening) and `ditutup_pertama_pada` at the first close (never cleared: the reports count only the
    responses submitted before it); saves with update_fields; writes one
    RiwayatPeriode row (who, from, to, note); sends `periode_status_changed` (apps.hasil freezes the active ASN
    per unit, the unit tree and the sums when a periode closes; the notices of each app). Raises
    PermissionDenied or ValidationError.
    """
    scope = lingkup(aktor)
    if not scope.boleh_kelola_periode:
        raise PermissionDenied
    with transaction.atomic():
        locked = Periode.objects.select_for_update().get(pk=periode.pk)
        old = locked.status
        if ke not in TRANSISI_PERIODE[old]:
            raise ValidationError(
                _("Status periode tidak dapat diubah dari %(dari)s ke %(ke)s.")
                % {"dari": S(old).label, "ke": S(ke).label}
            )
        if old == S.DITUTUP and ke == S.DIBUKA:
            if not scope.boleh_buka_kembali_periode_ditutup:
                raise PermissionDenied
            if not catatan.strip():
                raise ValidationError(_("Catatan: tulis alasan membuka kembali periode yang sudah ditutup."))
            if timezone.localdate() > locked.tanggal_tutup:
                raise ValidationError(_("Tanggal tutup sudah lewat: ubah tanggal tutup dulu sebelum membuka kembali."))
        if ke == S.DIBUKA:
            _cek_boleh_dibuka(locked)
        locked.status = ke
        if ke == S.DITUTUP:
            locked.ditutup_pada = timezone.now()
            locked.ditutup_pertama_pada = locked.ditutup_pertama_pada or locked.ditutup_pada
        elif ke == S.DIBUKA:
            locked.ditutup_pada = None
        locked.save(update_fields=["status", "ditutup_pada", "ditutup_pertama_pada"])
        RiwayatPeriode.objects.create(periode=locked, dari=old, ke=ke, oleh=aktor, catatan=catatan)
        periode_status_changed.send(sender=Periode, periode=locked, old_status=old, new_status=ke, actor=aktor)
    periode.status, periode.ditutup_pada = locked.status, locked.ditutup_pada
    periode.ditutup_pertama_pada = locked.ditutup_pertama_pada
    return periode


def _cek_boleh_dibuka(periode: Periode) -> None:
    """docs/keputusan.md, «Periode Formulir 1»: a periode opens on or after its first day, and never while another
    open periode shares a day with it (one round of measurement at a time)."""
    if timezone.localdate() < periode.tanggal_buka:
        raise ValidationError(
            _("Periode baru dapat dibuka mulai tanggal buka %(buka)s.")
            % {"buka": periode.tanggal_buka.strftime("%d-%m-%Y")}
        )
    lain = periode.bertumpang_tindih().filter(status=S.DIBUKA).first()
    if lain is not None:
        raise ValidationError(
            _("Periode %(nama)s masih dibuka pada tanggal yang sama; tutup dulu periode itu.") % {"nama": lain.judul}
        )


def _cek_periode_menerima(periode: Periode) -> None:
    if not periode.menerima_kiriman():
        raise ValidationError(
            _("Periode %(nama)s tidak menerima jawaban (dibuka %(buka)s sampai %(tutup)s).")
            % {
                "nama": periode.nama,
                "buka": periode.tanggal_buka.strftime("%d-%m-%Y"),
                "tutup": periode.tanggal_tutup.strftime("%d-%m-%Y"),
            }
        )


def _butir_periode(periode: Periode) -> dict[int, Butir]:
    return {
        b.nomor: b for b in Butir.objects.filter(bagian__instrumen_id=periode.instrumen_id).select_related("bagian")
    }


def _bersihkan(answers: Mapping[int, int], butir: Mapping[int, Butir]) -> dict[int, int]:
    return {nomor: int(nilai) for nomor, nilai in answers.items() if nomor in butir and int(nilai) in (1, 2, 3, 4)}


def _respon_terkunci(periode: Periode, pegawai: Pegawai) -> Respon:
    """The pegawai's response row, created as a draft when missing, and locked. Call inside an atomic block.

    One statement (PostgreSQL and SQLite 3.35+): INSERT ... ON CONFLICT DO UPDATE ... RETURNING. The
    UniqueConstraint keeps one row per ASN per periode; a concurrent second request waits for the first
    transaction, then updates (and so locks) the same row and reads its status: already submitted.
    The returned object carries pk and status only: save it with update_fields.
    """
    table = connection.ops.quote_name(Respon._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    sql = (
        f"INSERT INTO {table} (periode_id, pegawai_id, status, dibuat_pada, diperbarui_pada) "
        "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (periode_id, pegawai_id) "
        "DO UPDATE SET diperbarui_pada = EXCLUDED.diperbarui_pada RETURNING id, status"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [periode.pk, pegawai.pk, Respon.Status.DRAF, now, now])
        pk, status = cursor.fetchone()
    return Respon(pk=pk, periode=periode, pegawai=pegawai, status=status)


def _ulangi_bila_sqlite_terkunci(write: Callable[[], Respon]) -> Respon:
    """Run a write transaction; on SQLite, retry it a few times when another one holds the lock.

    PostgreSQL waits on the row lock by itself. SQLite locks the whole database and, when two transactions
    that began by reading both want to write, answers "database is locked" at once instead of waiting: a
    double submit would end on an error page. Retrying the whole transaction gives the second request the
    first one's result (SudahTerkirim). Not retried inside an outer transaction, where it cannot help.
    """
    for attempt in range(5):
        try:
            return write()
        except OperationalError as exc:
            if connection.vendor != "sqlite" or "locked" not in str(exc) or connection.in_atomic_block or attempt == 4:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _simpan_jawaban(respon: Respon, answers: Mapping[int, int], butir: Mapping[int, Butir]) -> None:
    """Upsert the given answers of a response in one statement (answers not given are left as they are).

    Plain SQL, like _respon_terkunci: bulk_create(update_conflicts=True) builds 35 model instances and cost more
    CPU than the rest of the submission's writes (bench/kirim.py). The CheckConstraint still guards 1-4.
    """
    table = connection.ops.quote_name(Jawaban._meta.db_table)
    rows = ", ".join(["(%s, %s, %s)"] * len(answers))
    params = [value for n, v in answers.items() for value in (respon.pk, butir[n].pk, v)]
    sql = (
        f"INSERT INTO {table} (respon_id, butir_id, nilai) VALUES {rows} "
        "ON CONFLICT (respon_id, butir_id) DO UPDATE SET nilai = EXCLUDED.nilai"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


class SudahTerkirim(Exception):  # noqa: N818 (not an error: the outcome "already submitted")
    """The response was already submitted (a double click, a second tab): not an error for the user."""

    def __init__(self, respon: Respon) -> None:
        super().__init__("sudah terkirim")
        self.respon = respon


def respon_simpan_draf(
    periode: Periode, *, pegawai: Pegawai, answers: Mapping[int, int], butir: Mapping[int, Butir] | None = None
) -> Respon:
    """Keep the given answers (item number -> 1-4) as the pegawai's draft (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»: saved as the ASN goes).

    Side effects: creates the draft Respon when missing (row-locked); upserts Jawaban rows. Raises
    ValidationError when the periode does not accept answers, SudahTerkirim when the response is submitted.
    `butir` (item number -> Butir of the periode's version) saves a query when the caller has it.
    """
    _cek_periode_menerima(periode)
    butir = butir if butir is not None else _butir_periode(periode)
    return _ulangi_bila_sqlite_terkunci(lambda: _simpan_draf(periode, pegawai, answers, butir))


def _simpan_draf(periode: Periode, pegawai: Pegawai, answers: Mapping[int, int], butir: Mapping[int, Butir]) -> Respon:
    with transaction.atomic():
        respon = _respon_terkunci(periode, pegawai)
        if respon.status == Respon.Status.TERKIRIM:
            raise SudahTerkirim(respon)
        bersih = _bersihkan(answers, butir)
        if bersih:
            _simpan_jawaban(respon, bersih, butir)
    return respon


def respon_kirim(
    periode: Periode, *, pegawai: Pegawai, answers: Mapping[int, int], butir: Mapping[int, Butir] | None = None
) -> Respon:
    """Submit the pegawai's Formulir 1 with every item answered (Lampiran BAB IV; docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»).

    Side effects: in one transaction, locks (or creates) the Respon row, upserts the given answers, computes the
    three section totals with scoring.section_total over all its answers, stores the respondent's unit and PD and
    the time, and sets status TERKIRIM. Raises SudahTerkirim when it was already submitted (the caller shows the
    result), ValidationError when the periode does not accept answers or an item is missing (code "kurang":
    nothing is written; the caller keeps the given answers with respon_simpan_draf).
    """
    _cek_periode_menerima(periode)
    butir = butir if butir is not None else _butir_periode(periode)
    return _ulangi_bila_sqlite_terkunci(lambda: _kirim(periode, pegawai, answers, butir))


def _kirim(periode: Periode, pegawai: Pegawai, answers: Mapping[int, int], butir: Mapping[int, Butir]) -> Respon:
    with transaction.atomic():
        respon = _respon_terkunci(periode, pegawai)
        if respon.status == Respon.Status.TERKIRIM:
            raise SudahTerkirim(respon)
        bersih = _bersihkan(answers, butir)
        if bersih:
            _simpan_jawaban(respon, bersih, butir)
        if set(bersih) == set(butir):
            semua = bersih
        else:
            semua = dict(Jawaban.objects.filter(respon=respon).values_list("butir__nomor", "nilai"))
        kurang = sorted(set(butir) - set(semua))
        if kurang:
            raise ValidationError(_("Butir %(nomor)s belum dijawab.") % {"nomor": kurang[0]}, code="kurang")
        totals: dict[int, list[int]] = {1: [], 2: [], 3: []}
        for nomor, b in butir.items():
            totals[b.bagian.urutan].append(semua[nomor])
        respon.total_1, respon.total_2, respon.total_3 = (scoring.section_total(totals[i]) for i in (1, 2, 3))
        # The unit the respondent belongs to now (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»: kept at submission, whatever later transfers do).
        unit = pegawai.unit_kerja
        respon.unit_kerja_id, respon.perangkat_daerah_id = unit.pk, unit.perangkat_daerah_id
        respon.status = Respon.Status.TERKIRIM
        respon.dikirim_pada = timezone.now()
        _tandai_terkirim(respon)
    return respon


def _tandai_terkirim(respon: Respon) -> None:
    """Write the submission's fields of `respon` in one plain statement, like _respon_terkunci and _simpan_jawaban:
    the ORM's save(update_fields=...) built more than it wrote, on every Formulir 1 submission (bench/kirim.py)."""
    table = connection.ops.quote_name(Respon._meta.db_table)
    sql = (
        f"UPDATE {table} SET status = %s, total_1 = %s, total_2 = %s, total_3 = %s, unit_kerja_id = %s, "
        "perangkat_daerah_id = %s, dikirim_pada = %s WHERE id = %s"
    )
    params = [
        respon.status,
        respon.total_1,
        respon.total_2,
        respon.total_3,
        respon.unit_kerja_id,
        respon.perangkat_daerah_id,
        connection.ops.adapt_datetimefield_value(respon.dikirim_pada),
        respon.pk,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def respon_buka_kembali(respon: Respon, *, aktor, alasan: str) -> Respon:
    """Tim Monev reopens one submitted response while its periode accepts answers and has never been closed:
    after the first close a submitted response stays as it is, so two reports never differ by one person's
    answers (docs/keputusan.md, "Kerahasiaan Formulir 1").

    Side effects: locks the row; sets status back to DRAF and clears the totals, unit and submission time
    (the answers stay, so the ASN only corrects); writes one PembukaanKembali row (who, when, why).
    """
    if not lingkup(aktor).boleh_buka_kembali_respon:
        raise PermissionDenied
    if not alasan.strip():
        raise ValidationError(_("Alasan wajib diisi."))
    with transaction.atomic():
        locked = Respon.objects.select_for_update().select_related("periode").get(pk=respon.pk)
        if locked.status != Respon.Status.TERKIRIM:
            raise ValidationError(_("Respon ini belum dikirim."))
        if not locked.periode.menerima_kiriman():
            raise ValidationError(_("Periode sudah tidak menerima jawaban: respon tidak dapat dibuka kembali."))
        if locked.periode.ditutup_pertama_pada is not None:
            raise ValidationError(
                _("Periode ini sudah pernah ditutup: respon yang terkirim tidak dapat dibuka kembali.")
            )
        locked.status = Respon.Status.DRAF
        locked.total_1 = locked.total_2 = locked.total_3 = None
        locked.unit_kerja = locked.perangkat_daerah = None
        locked.dikirim_pada = None
        locked.save(
            update_fields=[
                "status",
                "total_1",
                "total_2",
                "total_3",
                "unit_kerja",
                "perangkat_daerah",
                "dikirim_pada",
                "diperbarui_pada",
            ]
        )
        PembukaanKembali.objects.create(respon=locked, oleh=aktor, alasan=alasan.strip())
    return locked
