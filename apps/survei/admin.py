"""Django admin for instrument versions and periodes (Admin Bagian Organisasi).

Respon and Jawaban are deliberately NOT registered: only the respondent sees their answers (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»).
A version used by a periode is read-only here and refused by the models too; bands that leave a gap,
overlap or miss part of a section's score range are refused with scoring.band_errors messages.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet

from . import services
from .models import Bagian, BandKategori, Butir, InstrumenVersi, Periode, RiwayatPeriode
from .scoring import Band, Kategori, band_errors, section_range


class _TerkunciMixin:
    """Inlines and admins of a frozen version: view only."""

    def _terkunci(self, obj) -> bool:
        if obj is None:
            return False
        instrumen = obj if isinstance(obj, InstrumenVersi) else obj.instrumen
        return instrumen.terkunci

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and not self._terkunci(obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not self._terkunci(obj)

    def has_add_permission(self, request, obj=None) -> bool:
        if obj is None:
            return super().has_add_permission(request) if isinstance(self, admin.ModelAdmin) else True
        return not self._terkunci(obj)


class BagianInline(_TerkunciMixin, admin.TabularInline):
    model = Bagian
    extra = 0
    fields = ["kode", "judul", "urutan", "label_skala"]
    show_change_link = True


@admin.register(InstrumenVersi)
class InstrumenVersiAdmin(_TerkunciMixin, admin.ModelAdmin):
    list_display = ["kode", "nama", "sementara", "dibuat_pada"]
    inlines = [BagianInline]


class ButirInline(_TerkunciMixin, admin.TabularInline):
    model = Butir
    extra = 0
    fields = ["nomor", "teks", "kelompok", "rekonstruksi", "sumber", "catatan"]


class BandFormSet(BaseInlineFormSet):
    """Refuse bands that are not a partition of the section's score range; messages name the numbers."""

    butir_count: int | None = None

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        bands = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("skor_min") is None:
                continue
            bands.append(Band(Kategori(data["kategori"]), data["skor_min"], data["skor_max"]))
        if self.butir_count is not None:
            count = self.butir_count
        elif self.instance.pk is not None:
            count = self.instance.butir.count()
        else:
            return  # a new section whose items were refused: their errors come first (this was a 500)
        low, high = section_range(count)
        errors = band_errors(bands, low, high)
        if errors:
            raise ValidationError(errors)


class BandInline(_TerkunciMixin, admin.TabularInline):
    model = BandKategori
    formset = BandFormSet
    extra = 0
    fields = ["kategori", "skor_min", "skor_max", "tindak_lanjut", "sementara"]


@admin.register(Bagian)
class BagianAdmin(_TerkunciMixin, admin.ModelAdmin):
    list_display = ["__str__", "instrumen", "urutan"]
    list_filter = ["instrumen"]
    inlines = [ButirInline, BandInline]

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        # Count the items as they will be after this save (the item inline is validated first).
        butir_fs = next((f for f in formsets if f.model is Butir), None)
        if butir_fs is not None and butir_fs.is_bound and butir_fs.is_valid():
            count = sum(1 for f in butir_fs.forms if f.has_changed() or f.instance.pk) - len(butir_fs.deleted_forms)
            for fs in formsets:
                if isinstance(fs, BandFormSet):
                    fs.butir_count = count
        return formsets, inline_instances


class RiwayatPeriodeInline(admin.TabularInline):
    model = RiwayatPeriode
    extra = 0
    fields = ["pada", "dari", "ke", "oleh", "catatan"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Periode)
class PeriodeAdmin(admin.ModelAdmin):
    """Read-only here: Tim Monev manages periodes in the app, through services.periode_ubah_status and
    services.periode_finalkan (also the action «Finalkan» here)."""

    list_display = ["kode", "nama", "instrumen", "tanggal_buka", "tanggal_tutup", "status"]
    inlines = [RiwayatPeriodeInline]
    actions = ["finalkan"]

    @admin.action(description="Finalkan periode terpilih (laporan disimpan sebagai versi 1)")
    def finalkan(self, request, queryset) -> None:
        """The same one path to FINAL as the periode list and the report page (services.periode_finalkan)."""
        for periode in queryset.order_by("kode"):
            try:
                services.periode_finalkan(periode, aktor=request.user)
            except (ValidationError, PermissionDenied) as exc:
                pesan = " ".join(exc.messages) if isinstance(exc, ValidationError) else "Tidak berwenang."
                self.message_user(request, f"{periode.kode}: {pesan}", messages.ERROR)
            else:
                self.message_user(request, f"{periode.kode}: final.", messages.SUCCESS)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
