from django.contrib import admin

from .models import AnggotaKBK, AnggotaTimMonev, KelompokBudayaKerja, PeranKBK, TimMonev


@admin.register(PeranKBK)
class PeranKBKAdmin(admin.ModelAdmin):
    list_display = ["urutan", "nama", "penanggung_jawab", "tingkat", "memberi_hak_penelaah"]


class AnggotaKBKInline(admin.TabularInline):
    """Read-only here: members are added on the KBK page so that their reviewer Peran follows."""

    model = AnggotaKBK
    extra = 0
    fields = ["pegawai", "peran", "mulai", "sampai"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(KelompokBudayaKerja)
class KelompokBudayaKerjaAdmin(admin.ModelAdmin):
    list_display = ["perangkat_daerah", "nomor_sk", "tanggal_sk"]
    inlines = [AnggotaKBKInline]


class AnggotaTimMonevInline(admin.TabularInline):
    model = AnggotaTimMonev
    extra = 0
    autocomplete_fields = ["pegawai"]


@admin.register(TimMonev)
class TimMonevAdmin(admin.ModelAdmin):
    list_display = ["nama", "nomor_keputusan", "tanggal_keputusan", "aktif"]
    inlines = [AnggotaTimMonevInline]
