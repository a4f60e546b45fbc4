"""Admin of the agen app: reference data is editable; the workflow is read-only (it changes only through
services.nominasi_transisi, and its history is append-only)."""

from django.contrib import admin

from .models import (
    KelompokAgen,
    Nominasi,
    Pembinaan,
    Penetapan,
    Penghargaan,
    PutaranRekrutmen,
    RiwayatKelompokAgen,
    RiwayatNominasi,
    RubrikItem,
    SuratKeputusan,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RubrikItem)
class RubrikItemAdmin(admin.ModelAdmin):
    list_display = ["kode", "aspek", "uraian", "urutan", "aktif"]


@admin.register(PutaranRekrutmen)
class PutaranRekrutmenAdmin(admin.ModelAdmin):
    list_display = ["perangkat_daerah", "tahun", "dibuka", "ditutup"]
    list_filter = ["tahun"]
    fields = ["perangkat_daerah", "tahun", "dibuka", "ditutup"]


class RiwayatInline(admin.TabularInline):
    model = RiwayatNominasi
    extra = 0
    fields = ["pada", "oleh", "aksi", "dari_status", "ke_status", "catatan"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Nominasi)
class NominasiAdmin(ReadOnlyAdmin):
    list_display = ["pegawai", "putaran", "unit_kerja", "status"]
    list_filter = ["status", "putaran__tahun"]
    inlines = [RiwayatInline]


@admin.register(RiwayatNominasi)
class RiwayatNominasiAdmin(ReadOnlyAdmin):
    list_display = ["nominasi", "aksi", "dari_status", "ke_status", "oleh", "pada"]


@admin.register(SuratKeputusan)
class SuratKeputusanAdmin(ReadOnlyAdmin):
    list_display = ["nomor", "perangkat_daerah", "tanggal", "masa_mulai", "masa_selesai"]


@admin.register(Penetapan)
class PenetapanAdmin(ReadOnlyAdmin):
    list_display = ["pegawai", "surat_keputusan", "dicabut_pada"]


@admin.register(KelompokAgen)
class KelompokAgenAdmin(ReadOnlyAdmin):
    """Read-only: groups change in the app (services.kelompok_agen_*), which keeps their history."""

    list_display = ["nama", "perangkat_daerah", "dibentuk_pada", "dibubarkan_pada"]


@admin.register(RiwayatKelompokAgen)
class RiwayatKelompokAgenAdmin(ReadOnlyAdmin):
    list_display = ["kelompok", "aksi", "oleh", "pada"]


@admin.register(Pembinaan)
class PembinaanAdmin(ReadOnlyAdmin):
    list_display = ["penetapan", "topik", "bentuk", "judul", "tanggal"]


@admin.register(Penghargaan)
class PenghargaanAdmin(ReadOnlyAdmin):
    list_display = ["penetapan", "jenis", "uraian", "tanggal"]
