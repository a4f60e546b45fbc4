from django.contrib import admin
from django.db import models

from apps.common.admin import AutocompleteAmanMixin
from apps.common.uploads import BerkasBuktiField

from .models import DeklarasiNilai, KegiatanInternalisasi

# An evidence file uploaded here is checked as in the app's own forms, and a full disk shows the form again with
# its message (apps/common/uploads.py, BerkasField).
BERKAS = {models.FileField: {"form_class": BerkasBuktiField}}


@admin.register(DeklarasiNilai)
class DeklarasiNilaiAdmin(admin.ModelAdmin):
    list_display = ["perangkat_daerah", "tanggal", "bentuk", "dokumen"]
    list_filter = ["perangkat_daerah"]
    readonly_fields = ["dicatat_oleh", "dicatat_pada"]
    formfield_overrides = BERKAS


@admin.register(KegiatanInternalisasi)
class KegiatanInternalisasiAdmin(AutocompleteAmanMixin, admin.ModelAdmin):
    list_display = ["perangkat_daerah", "tanggal", "jenis", "bentuk", "jumlah_peserta"]
    list_filter = ["jenis", "perangkat_daerah"]
    readonly_fields = ["dicatat_oleh", "dicatat_pada"]
    formfield_overrides = BERKAS
