from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from apps.common.admin import AutocompleteAmanMixin, RiwayatAdmin

from .models import KodeAktivasi, Peran, User


class PeranInline(AutocompleteAmanMixin, admin.TabularInline):
    model = Peran
    extra = 0
    autocomplete_fields = ["perangkat_daerah", "unit_kerja"]


@admin.register(User)
class PenggunaAdmin(UserAdmin):
    inlines = [PeranInline]
    list_display = ["username", "first_name", "last_name", "is_active", "is_staff"]


@admin.register(Peran)
class PeranAdmin(RiwayatAdmin):
    list_display = ["user", "jenis", "perangkat_daerah", "unit_kerja", "sebutan", "mulai", "sampai", "nomor_sk"]
    list_filter = ["jenis", "perangkat_daerah"]
    search_fields = ["user__username", "nomor_sk"]
    autocomplete_fields = ["user", "perangkat_daerah", "unit_kerja"]


@admin.register(KodeAktivasi)
class KodeAktivasiAdmin(admin.ModelAdmin):
    """Read-only and append-only: codes are issued from the printing pages; only their hash is stored.

    A row with `atur_ulang` is the record of a password reset (who printed it, when, why, when it was used).
    """

    list_display = [
        "pegawai",
        "dibuat_oleh",
        "dibuat_pada",
        "atur_ulang",
        "berlaku_sampai",
        "dipakai_pada",
        "dibatalkan",
        "percobaan_gagal",
    ]
    list_filter = ["atur_ulang", "dibatalkan"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    readonly_fields = [f.name for f in KodeAktivasi._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
