"""Verification of issued documents (docs/keputusan.md, «Dokumen terbit»): every logged-in user, nobody anonymous."""

import datetime

from django.core.files.base import ContentFile

from .matrix import Case, everyone


def _dokumen(w):
    from apps.common.models import DokumenTerbit

    w.dokumen = DokumenTerbit(
        kode="ABCDEFGHJK",
        jenis="SK",
        judul="Keputusan uji",
        tanggal=datetime.date(2026, 3, 2),
        sha256="0" * 64,
        ukuran=9,
    )
    w.dokumen.berkas.save("dokumen.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    w.dokumen.save()


CASES = [
    Case("dokumen:cari", everyone(200)),
    Case("dokumen:verifikasi", everyone(200), kwargs=lambda w: {"kode": w.dokumen.kode}, setup=_dokumen),
]
