"""The one way to tell a person that something waits for them: an in-app notice, and on request an email copy
through Django's mail backend (settings EMAIL_*). What became of each email is kept on its notice."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Email, Notifikasi

log = logging.getLogger(__name__)


def email_aktif() -> bool:
    """A mail backend that sends (SMTP when EMAIL_HOST is set, or the one EMAIL_BACKEND names); not the dummy
    backend of a server without mail."""
    return not settings.EMAIL_BACKEND.endswith("dummy.EmailBackend")


def notifikasi_kirim(penerima, *, teks: str, url: str, kunci: str = "", email: bool = False) -> Notifikasi | None:
    """Create one unread notice for `penerima` (a User; None is ignored, e.g. a pegawai without an account).

    Side effects: one Notifikasi row; none when a notice with the same non-empty `kunci` exists for that person
    (a reminder is not repeated). With `email=True`, also an email copy (see notifikasi_kirim_banyak).
    """
    if penerima is None:
        return None
    if kunci and Notifikasi.objects.filter(penerima=penerima, kunci=kunci).exists():
        return None
    notice = Notifikasi.objects.create(penerima=penerima, teks=teks[:300], url=url, kunci=kunci)
    if email:
        _tandai_email([notice])
    return notice


def notifikasi_kirim_banyak(penerima: Iterable, *, teks: str, url: str, kunci: str = "", email: bool = False) -> int:
    """The same notice to many people at once (a periode opens, a reminder): one INSERT in batches.
    People who already have a notice with this `kunci` are skipped. Returns the number created.

    With `email=True` each new notice also gets an email copy, sent after the transaction commits
    (kirim_email_tertunda); a person without an address, or a server without mail, is recorded on the notice
    (TANPA_ALAMAT, NONAKTIF), and a failed send is recorded as GAGAL with the error.
    """
    ids = {u.pk if hasattr(u, "pk") else u for u in penerima if u is not None}
    if kunci:
        ids -= set(Notifikasi.objects.filter(kunci=kunci, penerima_id__in=ids).values_list("penerima_id", flat=True))
    rows = [Notifikasi(penerima_id=i, teks=teks[:300], url=url, kunci=kunci) for i in sorted(ids)]
    if email and rows:
        alamat = dict(get_user_model().objects.filter(pk__in=ids).values_list("pk", "email"))
        for row in rows:
            row.email = _status_awal(alamat.get(row.penerima_id, ""))
        if any(row.email == Email.MENUNGGU for row in rows):
            transaction.on_commit(kirim_email_tertunda)
    Notifikasi.objects.bulk_create(rows, batch_size=500, ignore_conflicts=bool(kunci))
    return len(rows)


def _status_awal(alamat: str) -> str:
    if not alamat:
        return Email.TANPA_ALAMAT
    return Email.MENUNGGU if email_aktif() else Email.NONAKTIF


def _tandai_email(notices: list[Notifikasi]) -> None:
    for notice in notices:
        notice.email = _status_awal(getattr(notice.penerima, "email", ""))
        notice.save(update_fields=["email"])
    if any(n.email == Email.MENUNGGU for n in notices):
        transaction.on_commit(kirim_email_tertunda)


def kirim_email_tertunda(batas: int = 500) -> dict:
    """Send the email copies still waiting (MENUNGGU), one message each, and record on each notice whether it
    was sent (TERKIRIM) or failed (GAGAL, with the error: the sender of a reminder sees it). A notice another
    process is sending is skipped (row lock). Also the daily job's step, so a copy left by a crash goes out."""
    hasil = {"terkirim": 0, "gagal": 0}
    if not email_aktif():
        return hasil
    pks = list(Notifikasi.objects.filter(email=Email.MENUNGGU).values_list("pk", flat=True)[:batas])
    for pk in pks:
        with transaction.atomic():
            notice = (
                Notifikasi.objects.select_for_update(skip_locked=True)
                .select_related("penerima")
                .filter(pk=pk, email=Email.MENUNGGU)
                .first()
            )
            if notice is None:
                continue
            try:
                send_mail(
                    "Budaya Kerja — pemberitahuan",
                    f"{notice.teks}\n\n{settings.SITE_URL}{notice.url}",
                    None,
                    [notice.penerima.email],
                )
            except Exception as exc:  # noqa: BLE001 (any backend error is recorded on the notice, never lost)
                log.warning("email pemberitahuan %s gagal dikirim", pk, exc_info=True)
                notice.email, notice.email_galat = Email.GAGAL, f"{type(exc).__name__}: {exc}"[:200]
                hasil["gagal"] += 1
            else:
                notice.email, notice.email_galat = Email.TERKIRIM, ""
                hasil["terkirim"] += 1
            notice.save(update_fields=["email", "email_galat"])
    return hasil


def notifikasi_tandai_dibaca(penerima, *, url: str | None = None, pk: int | None = None) -> int:
    """Mark the person's unread notices about `url` (or the one `pk`) as read. Returns how many."""
    qs = Notifikasi.objects.filter(penerima=penerima, dibaca__isnull=True)
    qs = qs.filter(pk=pk) if pk is not None else qs.filter(url=url)
    return qs.update(dibaca=timezone.now())


def harian_email_tertunda(hari) -> dict:
    """Daily step (manage.py kerja_harian): email copies still waiting go out."""
    return kirim_email_tertunda()
