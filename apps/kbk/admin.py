from django.contrib import admin

from apps.common.admin import AutocompleteAmanMixin
from apps.common.instansi import kata_pemda

from . import services
from .models import AnggotaKBK, AnggotaTimMonev, KelompokBudayaKerja, PeranKBK, TimMonev

# The decree's name as the pemda writes it ("Nomor Keputusan Bupati"; docs/paket.md).
NOMOR_KEPUTUSAN = kata_pemda("Nomor Keputusan {kd}", kd="kepala_daerah_singkat")


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


class AnggotaTimMonevInline(AutocompleteAmanMixin, admin.TabularInline):
    model = AnggotaTimMonev
    extra = 0
    autocomplete_fields = ["pegawai"]


@admin.register(TimMonev)
class TimMonevAdmin(admin.ModelAdmin):
    """Members named in the decree get the TIM_MONEV role (apps.kbk.services.tim_monev_sinkronkan_peran)."""

    list_display = ["nama", "nomor", "tanggal_keputusan", "aktif"]
    inlines = [AnggotaTimMonevInline]

    @admin.display(description=NOMOR_KEPUTUSAN, ordering="nomor_keputusan")
    def nomor(self, obj: TimMonev) -> str:
        return obj.nomor_keputusan

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "nomor_keputusan":
            field.label = NOMOR_KEPUTUSAN
        return field

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        services.tim_monev_sinkronkan_peran(form.instance)
