from django.contrib import admin

from .models import RiwayatPaket


@admin.register(RiwayatPaket)
class RiwayatPaketAdmin(admin.ModelAdmin):
    """Read-only: rows are written by `manage.py pasang_paket --terapkan` only (docs/paket.md)."""

    list_display = ["kode", "versi", "instrumen_kode", "oleh", "dipasang_pada"]
    readonly_fields = ["kode", "versi", "checksum", "instrumen_kode", "ringkasan", "oleh", "dipasang_pada"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
