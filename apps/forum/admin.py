"""Admin of the forum: read-only (records change in the app, whose views check the rights on Lingkup; files
are served only by the scoped view)."""

from django.contrib import admin

from apps.agen.admin import ReadOnlyAdmin

from .models import Pertemuan, PraktikBaik


@admin.register(Pertemuan)
class PertemuanAdmin(ReadOnlyAdmin):
    list_display = ["tanggal", "topik", "perangkat_daerah", "dicatat_oleh"]
    exclude = ["peserta"]


@admin.register(PraktikBaik)
class PraktikBaikAdmin(ReadOnlyAdmin):
    list_display = ["judul", "perangkat_daerah", "ditulis_pada"]
    exclude = ["nilai"]
