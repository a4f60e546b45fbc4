"""`GET /sehat/`: health for the load balancer and monitoring (docs/keputusan.md, «Antarmuka yang tetap»; docs/operasi.md, «Sehat dan gangguan»).

No login, no personal data, no cache: 200 when the database answers a query and the file storage takes a write,
503 otherwise, with which of the two failed, and the name of the instansi served. Cheap enough to be asked every few seconds: one `SELECT 1` and one
small file written and removed under MEDIA_ROOT.
"""

import contextlib
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .models import Instansi
from .uploads import FOLDER_PRIVAT


def database_sehat() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def penyimpanan_sehat() -> bool:
    """A small file can be written, read back and removed in the private files' folder."""
    folder = Path(settings.MEDIA_ROOT) / FOLDER_PRIVAT
    berkas = folder / f".sehat-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        berkas.write_bytes(b"sehat")
        return berkas.read_bytes() == b"sehat"
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            berkas.unlink(missing_ok=True)


def nama_instansi() -> str | None:
    """The instansi this instance serves (public: it heads every page), so that a check behind one nginx with
    several instances sees which one answered (docs/operasi.md, «Satu instans per pemda»); None when the database
    does not answer."""
    try:
        return Instansi.aktif().nama
    except DatabaseError:
        return None


@login_not_required
@require_safe
@never_cache
def sehat(request) -> JsonResponse:
    hasil = {"database": database_sehat(), "penyimpanan": penyimpanan_sehat()}
    ok = all(hasil.values())
    return JsonResponse(
        {
            "status": "ok" if ok else "gagal",
            **{k: "ok" if v else "gagal" for k, v in hasil.items()},
            "instansi": nama_instansi() if hasil["database"] else None,
        },
        status=200 if ok else 503,
    )
