from django.contrib import admin

from .models import DeklarasiNilai, KegiatanInternalisasi


@admin.register(DeklarasiNilai)
class DeklarasiNilaiAdmin(admin.ModelAdmin):
    list_display = ["perangkat_daerah", "tanggal", "bentuk", "dokumen"]
    list_filter = ["perangkat_daerah"]
    readonly_fields = ["dicatat_oleh", "dicatat_pada"]


@admin.register(KegiatanInternalisasi)
class KegiatanInternalisasiAdmin(admin.ModelAdmin):
    list_display = ["perangkat_daerah", "tanggal", "jenis", "bentuk", "jumlah_peserta"]
    list_filter = ["jenis", "perangkat_daerah"]
    readonly_fields = ["dicatat_oleh", "dicatat_pada"]
