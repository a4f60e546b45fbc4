"""Evidence files of progress reports move from MEDIA_ROOT/private/ to MEDIA_ROOT/privat/, the folder of every
other private file (docs/operasi.md, «Cadangan»). The stored names (`bukti/<uuid>.<ext>`) stay the same: only the
storage's folder changed. Idempotent; a file already at its new place is left alone."""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations


def _pindah(dari: str, ke: str) -> None:
    asal = Path(settings.MEDIA_ROOT) / dari
    tujuan = Path(settings.MEDIA_ROOT) / ke
    if not asal.is_dir():
        return
    for berkas in sorted(p for p in asal.rglob("*") if p.is_file()):
        sasaran = tujuan / berkas.relative_to(asal)
        if sasaran.exists():
            continue
        sasaran.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(berkas, sasaran)
    # Remove the folders left empty, deepest first.
    for folder in sorted((p for p in asal.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()
    if not any(asal.iterdir()):
        os.rmdir(asal)


def maju(apps, schema_editor) -> None:
    _pindah("private", "privat")


def mundur(apps, schema_editor) -> None:
    # Only the evidence files go back: the other files of privat/ were always there.
    _pindah("privat/bukti", "private/bukti")


class Migration(migrations.Migration):
    dependencies = [("rencana", "0001_initial")]

    operations = [migrations.RunPython(maju, mundur, elidable=False)]
