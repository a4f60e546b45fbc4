from django.contrib import admin

from .models import RiwayatTindakLanjut, TindakLanjut


class RiwayatInline(admin.TabularInline):
    model = RiwayatTindakLanjut
    extra = 0
    can_delete = False
    readonly_fields = ["aksi", "dari_status", "ke_status", "catatan", "oleh", "pada"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(TindakLanjut)
class TindakLanjutAdmin(admin.ModelAdmin):
    """Read-only: follow-ups change through apps.tindaklanjut.services only."""

    list_display = ["periode", "perangkat_daerah", "unit_kerja", "bagian", "kategori", "status", "batas_waktu"]
    list_filter = ["periode", "status", "kategori"]
    inlines = [RiwayatInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
