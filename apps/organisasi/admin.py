from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Golongan, Pegawai, PerangkatDaerah, RiwayatUnit, SanksiDisiplin, UnitKerja


@admin.register(Golongan)
class GolonganAdmin(admin.ModelAdmin):
    list_display = ["kode", "pangkat", "jenis_asn", "urutan"]
    list_filter = ["jenis_asn"]


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "singkatan", "jenis", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["kode", "nama", "singkatan"]


@admin.register(UnitKerja)
class UnitKerjaAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "nama", "perangkat_daerah", "induk", "aktif"]
    list_filter = ["perangkat_daerah", "aktif"]
    search_fields = ["kode", "nama"]
    autocomplete_fields = ["induk"]
    list_select_related = ["perangkat_daerah", "induk"]


class SanksiInline(admin.TabularInline):
    model = SanksiDisiplin
    extra = 0


class RiwayatUnitInline(admin.TabularInline):
    model = RiwayatUnit
    extra = 0
    fields = ["unit_kerja", "mulai", "sampai", "dicatat_oleh", "dicatat_pada"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Pegawai)
class PegawaiAdmin(SimpleHistoryAdmin):
    list_display = ["nip", "nama", "jenis_asn", "golongan", "jabatan", "unit_kerja", "aktif"]
    list_filter = ["jenis_asn", "aktif", "unit_kerja__perangkat_daerah"]
    search_fields = ["nip", "nama", "jabatan"]
    autocomplete_fields = ["unit_kerja", "user"]
    list_select_related = ["golongan", "unit_kerja"]
    inlines = [SanksiInline, RiwayatUnitInline]


@admin.register(SanksiDisiplin)
class SanksiDisiplinAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "tingkat", "jenis", "mulai", "selesai"]
    list_filter = ["tingkat"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    autocomplete_fields = ["pegawai"]
