"""Writes of the declarations and activities (Pasal 6-7). Each checks the actor's right first."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from apps.akun.scope import lingkup
from apps.common.uploads import bukti_lampirkan, periksa_bukti
from apps.organisasi.models import PerangkatDaerah

from .models import DeklarasiNilai, KegiatanInternalisasi


def _simpan(obj, berkas, nilai=None):
    """Save `obj` with its optional file (checked first); a failed save leaves no stored file."""
    if berkas is not None:
        periksa_bukti(berkas)
        bukti_lampirkan(obj, berkas)
    try:
        with transaction.atomic():
            obj.save()
            if nilai is not None:
                obj.nilai.set(nilai)
    except BaseException:
        if berkas is not None:
            obj.bukti.delete(save=False)
        raise
    return obj


def deklarasi_catat(pd: PerangkatDaerah, *, aktor, data: dict) -> DeklarasiNilai:
    """Record a declaration of the values by `pd` (cleaned form data, with an optional document file)."""
    if not lingkup(aktor).boleh_catat_internalisasi(pd.pk):
        raise PermissionDenied
    data = dict(data)
    berkas = data.pop("berkas", None)
    return _simpan(DeklarasiNilai(perangkat_daerah=pd, dicatat_oleh=aktor, **data), berkas)


def kegiatan_catat(pd: PerangkatDaerah, *, aktor, data: dict) -> KegiatanInternalisasi:
    """Record an internalisation or socialisation activity with the values it covered and optional evidence."""
    if not lingkup(aktor).boleh_catat_internalisasi(pd.pk):
        raise PermissionDenied
    data = dict(data)
    nilai = data.pop("nilai")
    berkas = data.pop("berkas", None)
    return _simpan(KegiatanInternalisasi(perangkat_daerah=pd, dicatat_oleh=aktor, **data), berkas, nilai)
