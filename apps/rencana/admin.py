"""Admin of rencana tindak: read-only. Plans change only through apps.rencana.services; their history is
append-only; evidence files are not listed (they are served only through the scope-checking view)."""

from django.contrib import admin

from .models import LaporanKemajuan, Permasalahan, RencanaTindak, RiwayatRencana


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class RiwayatInline(admin.TabularInline):
    model = RiwayatRencana
    extra = 0
    can_delete = False
    fields = ["pada", "aksi", "dari_status", "ke_status", "oleh", "catatan"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RencanaTindak)
class RencanaTindakAdmin(ReadOnlyAdmin):
    list_display = ["judul", "versi", "perangkat_daerah", "unit_kerja", "status", "disetujui_pada"]
    list_filter = ["status", "perangkat_daerah"]
    search_fields = ["judul"]
    inlines = [RiwayatInline]


@admin.register(LaporanKemajuan)
class LaporanKemajuanAdmin(ReadOnlyAdmin):
    list_display = ["rencana", "periode_mulai", "periode_selesai", "status", "dikirim_pada"]
    list_filter = ["status"]


@admin.register(Permasalahan)
class PermasalahanAdmin(ReadOnlyAdmin):
    list_display = ["rencana", "kepada", "status", "diajukan_pada"]
    list_filter = ["status", "kepada"]
