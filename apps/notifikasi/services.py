"""The one way to tell a person that something waits for them (issue "Work comes to people")."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notifikasi

log = logging.getLogger(__name__)


def notifikasi_kirim(penerima, *, teks: str, url: str, kunci: str = "", email: bool = False) -> Notifikasi | None:
    """Create one unread notice for `penerima` (a User; None is ignored, e.g. a pegawai without an account).

    Side effects: one Notifikasi row; none when a notice with the same non-empty `kunci` exists for that person
    (a reminder is not repeated). With `email=True`, also an email after the transaction commits, only when
    the person has an address and EMAIL_HOST (or DEBUG's console backend) is configured; a failed email is
    logged and changes nothing.
    """
    if penerima is None:
        return None
    if kunci and Notifikasi.objects.filter(penerima=penerima, kunci=kunci).exists():
        return None
    notice = Notifikasi.objects.create(penerima=penerima, teks=teks[:300], url=url, kunci=kunci)
    if email and getattr(penerima, "email", "") and _email_aktif():
        transaction.on_commit(lambda: _kirim_email(penerima.email, teks, url))
    return notice


def notifikasi_kirim_banyak(penerima: Iterable, *, teks: str, url: str, kunci: str = "") -> int:
    """The same notice to many people at once (a periode opens, a reminder): one INSERT in batches.
    People who already have a notice with this `kunci` are skipped. Returns the number created."""
    ids = {u.pk if hasattr(u, "pk") else u for u in penerima if u is not None}
    if kunci:
        ids -= set(Notifikasi.objects.filter(kunci=kunci, penerima_id__in=ids).values_list("penerima_id", flat=True))
    rows = [Notifikasi(penerima_id=i, teks=teks[:300], url=url, kunci=kunci) for i in sorted(ids)]
    Notifikasi.objects.bulk_create(rows, batch_size=500, ignore_conflicts=bool(kunci))
    return len(rows)


def notifikasi_tandai_dibaca(penerima, *, url: str | None = None, pk: int | None = None) -> int:
    """Mark the person's unread notices about `url` (or the one `pk`) as read. Returns how many."""
    qs = Notifikasi.objects.filter(penerima=penerima, dibaca__isnull=True)
    qs = qs.filter(pk=pk) if pk is not None else qs.filter(url=url)
    return qs.update(dibaca=timezone.now())


def _email_aktif() -> bool:
    """EMAIL_HOST set (SMTP), or the console backend of development; the dummy backend otherwise."""
    return not settings.EMAIL_BACKEND.endswith("dummy.EmailBackend")


def _kirim_email(alamat: str, teks: str, url: str) -> None:
    try:
        send_mail("Budaya Kerja Kupang", f"{teks}\n\n{url}", None, [alamat])
    except Exception:  # noqa: BLE001 (email is optional: the in-app notice is the record)
        log.warning("email pemberitahuan gagal dikirim", exc_info=True)
