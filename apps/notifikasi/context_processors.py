from django.db import connection
from django.utils.functional import SimpleLazyObject

from .models import Notifikasi


def _belum_dibaca(user_id: int) -> int:
    """Notifikasi.objects.filter(penerima=user, dibaca__isnull=True, dilihat__isnull=True).count(), as one plain
    statement: the badge is on every page, and building the ORM query cost more than running it (bench/kirim.py).
    A notice seen in the list no longer counts, though it stays marked "baru" there until it is opened."""
    table = connection.ops.quote_name(Notifikasi._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {table} WHERE penerima_id = %s AND dibaca IS NULL AND dilihat IS NULL", [user_id]
        )
        return cursor.fetchone()[0]


def notifikasi(request) -> dict:
    """`notifikasi_belum`: the number of the user's unread notices, for the badge in the navigation; one query,
    run only when a page shows the badge."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifikasi_belum": SimpleLazyObject(lambda: _belum_dibaca(user.pk))}
