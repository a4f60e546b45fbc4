"""Writes of the declarations and activities (Pasal 6-7). Each checks the actor's right first."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from apps.akun.scope import lingkup
from apps.organisasi.models import PerangkatDaerah

from .models import DeklarasiNilai, KegiatanInternalisasi


def deklarasi_catat(pd: PerangkatDaerah, *, aktor, data: dict) -> DeklarasiNilai:
    """Record a declaration of the values by `pd` (cleaned form data)."""
    if not lingkup(aktor).boleh_catat_internalisasi(pd.pk):
        raise PermissionDenied
    return DeklarasiNilai.objects.create(perangkat_daerah=pd, dicatat_oleh=aktor, **data)


@transaction.atomic
def kegiatan_catat(pd: PerangkatDaerah, *, aktor, data: dict) -> KegiatanInternalisasi:
    """Record an internalisation or socialisation activity with the values it covered (cleaned form data)."""
    if not lingkup(aktor).boleh_catat_internalisasi(pd.pk):
        raise PermissionDenied
    data = dict(data)
    nilai = data.pop("nilai")
    kegiatan = KegiatanInternalisasi.objects.create(perangkat_daerah=pd, dicatat_oleh=aktor, **data)
    kegiatan.nilai.set(nilai)
    return kegiatan
