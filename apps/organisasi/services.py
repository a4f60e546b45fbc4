"""Writes to the registry that span models."""

import datetime

from django.db import transaction

from .models import Pegawai, RiwayatUnit, UnitKerja


@transaction.atomic
def mutasi(pegawai: Pegawai, unit_kerja: UnitKerja, mulai: datetime.date, oleh=None) -> RiwayatUnit:
    """Move `pegawai` to `unit_kerja` from `mulai`.

    Side effects: closes the open RiwayatUnit row the day before `mulai`, opens a new one, and updates
    Pegawai.unit_kerja (a historical record is written by django-simple-history).
    """
    pegawai = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    RiwayatUnit.objects.filter(pegawai=pegawai, sampai__isnull=True).update(sampai=mulai - datetime.timedelta(days=1))
    riwayat = RiwayatUnit.objects.create(pegawai=pegawai, unit_kerja=unit_kerja, mulai=mulai, dicatat_oleh=oleh)
    pegawai.unit_kerja = unit_kerja
    pegawai.save(update_fields=["unit_kerja"])
    return riwayat
