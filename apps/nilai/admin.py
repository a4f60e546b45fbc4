from django.contrib import admin

from .models import Nilai


@admin.register(Nilai)
class NilaiAdmin(admin.ModelAdmin):
    list_display = ["kode", "sistem", "nama", "urutan"]
    list_filter = ["sistem"]
