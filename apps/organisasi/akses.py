"""The read audit of personal data (docs/pdp.md, «Jejak baca»): one call per page, file or export that shows a
person's data to someone. The path is kept without its query string (no NIP typed in a search reaches the row)."""

from django.http import HttpRequest

from .models import AksesData, Pegawai


def catat_akses(
    request: HttpRequest, jenis: str, objek: str, subjek: Pegawai | None = None, subjek_id: int | None = None
) -> AksesData:
    """Append one row: who (the logged-in user), when, whose data (`subjek` or `subjek_id`; neither for many at
    once), what. One INSERT."""
    user = request.user
    return AksesData.objects.create(
        pembaca=user if user.is_authenticated else None,
        pembaca_nama=(user.get_full_name() or user.get_username())[:150] if user.is_authenticated else "",
        subjek_id=subjek.pk if subjek is not None else subjek_id,
        jenis=jenis,
        objek=str(objek)[:200],
        alamat=request.path[:200],
    )
