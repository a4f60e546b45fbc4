"""Where an uploaded import waits between the preview and the confirmation (docs/keamanan.md, "Impor").

The file holds NIPs and names, so it lives in its own folder readable by the app only, under a random name
that is checked before use (the name comes back in the confirmation form). It is deleted when the import is
confirmed, cancelled or refused, and in any case after PREVIEW_MAX_AGE: every import request sweeps the
folder, and `manage.py bersihkan_pratinjau` (hourly, from cron) sweeps it when nobody imports.
"""

import os
import re
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from import_export.tmp_storages import BaseStorage

from .uploads import tulis_utuh

PREVIEW_MAX_AGE = 60 * 60  # seconds
_NAME = re.compile(r"\A[0-9a-f]{32}\Z")


def nama_sah(name: str) -> bool:
    """A preview file name as this module makes them (32 hex digits): nothing else is opened or deleted."""
    return bool(_NAME.match(name or ""))


def folder() -> Path:
    path = Path(settings.IMPORT_PREVIEW_DIR)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def bersihkan(max_age: int = PREVIEW_MAX_AGE) -> int:
    """Delete preview files older than `max_age` seconds; return how many were deleted."""
    batas = time.time() - max_age
    deleted = 0
    for entry in folder().iterdir():
        try:
            if entry.is_file() and entry.stat().st_mtime < batas:
                entry.unlink()
                deleted += 1
        except FileNotFoundError:
            pass  # another worker deleted it first
    return deleted


class PratinjauStorage(BaseStorage):
    """django-import-export's temporary storage for the preview, with a checked name and a time limit."""

    def _path(self) -> Path:
        if not nama_sah(self.name):
            raise SuspiciousOperation("invalid import preview file name")
        return folder() / self.name

    def save(self, data) -> None:
        bersihkan()
        self.name = os.urandom(16).hex()
        if isinstance(data, str):
            data = data.encode(self.encoding or "utf-8")
        # Whole or not at all: a full disk leaves no truncated preview (PenyimpananPenuhError, docs/operasi.md).
        tulis_utuh(str(self._path()), [data], 0o600)

    def read(self):
        bersihkan()
        path = self._path()
        if not path.exists():
            raise SuspiciousOperation("import preview expired or already used")
        data = path.read_bytes()
        if "b" in self.read_mode:
            return data
        return data.decode(self.encoding or "utf-8")

    def remove(self) -> None:
        try:
            self._path().unlink()
        except FileNotFoundError:
            pass
