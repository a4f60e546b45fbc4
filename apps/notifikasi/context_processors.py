from django.utils.functional import SimpleLazyObject

from .models import Notifikasi


def notifikasi(request) -> dict:
    """`notifikasi_belum`: the number of the user's unread notices, for the badge in the navigation; one query,
    run only when a page shows the badge."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "notifikasi_belum": SimpleLazyObject(
            lambda: Notifikasi.objects.filter(penerima=user, dibaca__isnull=True).count()
        )
    }
