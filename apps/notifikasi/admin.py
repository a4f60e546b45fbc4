from django.contrib import admin

from .models import Notifikasi


@admin.register(Notifikasi)
class NotifikasiAdmin(admin.ModelAdmin):
    list_display = ["penerima", "teks", "dibuat", "dibaca"]
    list_filter = ["dibaca"]
    raw_id_fields = ["penerima"]
