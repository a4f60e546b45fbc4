"""Registry admin (Bagian Organisasi): search, filters, imports with a dry-run preview, mutasi."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportMixin
from import_export.forms import ImportForm

from apps.akun.models import Peran
from apps.common import pratinjau
from apps.common.admin import RiwayatAdmin
from apps.common.import_formats import FORMATS
from apps.common.uploads import MAX_UPLOAD_BYTES, BerkasField, periksa_unggahan

from . import services, siasn_admin, workflow
from .akses import catat_akses
from .models import (
    AksesData,
    Golongan,
    ImporSiasn,
    Pegawai,
    PerangkatDaerah,
    PermintaanPerbaikan,
    RiwayatUnit,
    SanksiDisiplin,
    UnitKerja,
)
from .resources import (
    PegawaiResource,
    PerangkatDaerahResource,
    UnitKerjaResource,
    galat_baris,
    jumlah_galat,
    ringkasan,
)


class UnggahanForm(ImportForm):
    """The admin's import form: the upload is checked (size, type, zip/XML bombs) before it is read. Labels in
    Indonesian (django-import-export ships no Indonesian translation)."""

    import_file = BerkasField()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["import_file"].label = _("Berkas yang diimpor (XLSX atau CSV)")
        if "format" in self.fields:
            self.fields["format"].label = _("Format berkas")
        if "resource" in self.fields:
            self.fields["resource"].label = _("Jenis data")

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("Berkas terlalu besar; paling besar %(max)s MB.") % {"max": 5})
        periksa_unggahan(upload.name, b"".join(upload.chunks()))
        return upload


class ImporAdminMixin(ImportExportMixin):
    """All-or-nothing imports with a preview (dry run) that lists every bad row by row, column and reason.

    Import needs the model's `import_<model>` permission, export `export_<model>`
    (IMPORT_EXPORT_IMPORT_PERMISSION_CODE / IMPORT_EXPORT_EXPORT_PERMISSION_CODE).
    """

    formats = FORMATS
    import_form_class = UnggahanForm
    import_template_name = "organisasi/admin/import.html"
    skip_admin_log = True  # django-simple-history keeps the record of every imported change

    def get_export_queryset(self, request):
        # A filter in the query string that is no field of the model: the changelist answers it with "?e=1", the
        # export view let the error through as a 500 (tests/security/test_fuzz.py).
        try:
            return super().get_export_queryset(request)
        except IncorrectLookupParameters:
            raise BadRequest(_("Saringan ekspor tidak sah."))

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def add_data_read_fail_error_to_form(self, form, e) -> None:
        if isinstance(e, ValidationError):
            form.add_error("import_file", e.messages)
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_import_batal"
        return [
            path("import/batal/", self.admin_site.admin_view(self.batal_impor), name=name),
            *super().get_urls(),
        ]

    def import_action(self, request, **kwargs):
        """The preview. A refused file is deleted at once; an accepted one waits for confirm or cancel
        (at most an hour, apps/common/pratinjau.py)."""
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", {})
        result = context.get("result")
        if result is not None:
            galat = galat_baris(result)
            response.context_data["galat"] = galat
            response.context_data["jumlah_galat"] = jumlah_galat(result)
            response.context_data["galat_lain"] = jumlah_galat(result) - len(galat)
            response.context_data["ringkasan"] = ringkasan(result)
            response.context_data["galat_berkas"] = [str(e.error) for e in result.base_errors]
        form = context.get("form")
        upload = getattr(form, "cleaned_data", {}).get("import_file") if form is not None else None
        name = getattr(upload, "tmp_storage_name", None)
        if name and "confirm_form" not in context:
            pratinjau.PratinjauStorage(name=name).remove()
        return response

    def process_import(self, request, **kwargs):
        """Confirm: django-import-export reads and deletes the preview file; delete it also when that fails."""
        try:
            return super().process_import(request, **kwargs)
        finally:
            name = request.POST.get("import_file_name", "")
            if pratinjau.nama_sah(name):
                pratinjau.PratinjauStorage(name=name).remove()

    def batal_impor(self, request):
        """Cancel after the preview: the uploaded file is deleted and nothing is imported."""
        if request.method != "POST" or not self.has_import_permission(request):
            raise PermissionDenied
        name = request.POST.get("import_file_name", "")
        if pratinjau.nama_sah(name):
            pratinjau.PratinjauStorage(name=name).remove()
        messages.info(request, _("Impor dibatalkan; berkas unggahan sudah dihapus."))
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"))

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The data changed between preview and confirmation: nothing was written (rolled back).
            for row, column, reason in galat_baris(result)[:50]:
                messages.error(
                    request,
                    _("Baris %(row)s, kolom %(col)s: %(reason)s") % {"row": row, "col": column, "reason": reason},
                )
            messages.error(request, _("Impor dibatalkan; tidak ada data yang disimpan."))
            return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"))
        return super().process_result(result, request)

    def add_success_message(self, result, request) -> None:
        counts = ringkasan(result)
        messages.success(
            request,
            _("Impor selesai: %(baru)s baru, %(diperbarui)s diperbarui, %(tidak_berubah)s tidak berubah.") % counts,
        )


@admin.register(Golongan)
class GolonganAdmin(admin.ModelAdmin):
    list_display = ["kode", "pangkat", "jenis_asn", "urutan"]
    list_filter = ["jenis_asn"]
    search_fields = ["kode", "pangkat"]


def _ada_kepala() -> Exists:
    """A PD has a head today: an active Kepala PD role, definitive or acting (apps.akun.pimpinan)."""
    return Exists(Peran.objects.aktif().filter(jenis=Peran.Jenis.KEPALA_PD, perangkat_daerah_id=OuterRef("pk")))


class KepalaFilter(admin.SimpleListFilter):
    """The PDs whose tasks have nobody to go to (docs/keputusan.md, «Setiap tugas punya orang»)."""

    title = gettext_lazy("kepala")
    parameter_name = "kepala"

    def lookups(self, request, model_admin):
        return [("ada", _("Ada Kepala atau Plt./Plh.")), ("tidak", _("Tanpa Kepala"))]

    def queryset(self, request, queryset):
        if self.value() in ("ada", "tidak"):
            return queryset.filter(ada_kepala=self.value() == "ada")
        return queryset


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(ImporAdminMixin, RiwayatAdmin):
    resource_classes = [PerangkatDaerahResource]
    list_display = ["kode", "nama", "singkatan", "jenis", "jabatan_kepala", "aktif", "kepala"]
    list_filter = ["jenis", "aktif", KepalaFilter]
    search_fields = ["kode", "nama", "singkatan"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(ada_kepala=_ada_kepala())

    @admin.display(description=gettext_lazy("Kepala (atau Plt./Plh.) hari ini"), boolean=True, ordering="ada_kepala")
    def kepala(self, obj: PerangkatDaerah) -> bool:
        return obj.ada_kepala


@admin.register(UnitKerja)
class UnitKerjaAdmin(ImporAdminMixin, RiwayatAdmin):
    resource_classes = [UnitKerjaResource]
    list_display = ["kode", "nama_bertingkat", "perangkat_daerah", "induk", "aktif"]
    list_filter = ["perangkat_daerah", "aktif"]
    search_fields = ["kode", "nama"]
    autocomplete_fields = ["induk"]
    list_select_related = ["perangkat_daerah", "induk"]
    ordering = ["perangkat_daerah__kode", "path"]

    @admin.display(description=gettext_lazy("nama (pohon unit)"), ordering="path")
    def nama_bertingkat(self, obj: UnitKerja) -> str:
        depth = max(obj.path.count("/") - 2, 0)
        return format_html("{}{}", "— " * depth, obj.nama)


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


class MutasiForm(forms.Form):
    unit_kerja = forms.ModelChoiceField(
        label=gettext_lazy("Unit kerja baru"),
        queryset=UnitKerja.objects.filter(aktif=True).select_related("perangkat_daerah"),
    )
    mulai = forms.DateField(label=gettext_lazy("Mulai tanggal"), widget=forms.DateInput(attrs={"type": "date"}))


@admin.register(Pegawai)
class PegawaiAdmin(ImporAdminMixin, RiwayatAdmin):
    resource_classes = [PegawaiResource]
    list_display = ["nip", "nama", "jenis_asn", "golongan", "jabatan", "unit_kerja", "aktif"]
    list_filter = ["jenis_asn", "aktif", "unit_kerja__perangkat_daerah", "golongan"]
    search_fields = ["nip", "nama", "jabatan"]
    autocomplete_fields = ["user"]
    list_select_related = ["golongan", "unit_kerja"]
    inlines = [SanksiInline, RiwayatUnitInline]
    change_form_template = "organisasi/admin/pegawai_change_form.html"
    import_export_change_list_template = "organisasi/admin/pegawai_change_list.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET" and str(object_id).isdigit():
            catat_akses(request, AksesData.Jenis.PEGAWAI, f"Admin: pegawai {object_id}", subjek_id=int(object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change) -> None:
        """Unticking `aktif` is a leave: it goes through services.pegawai_keluar (roles end, history kept)."""
        keluar = change and "aktif" in form.changed_data and not obj.aktif
        if keluar:
            obj.aktif = True
        super().save_model(request, obj, form, change)
        if keluar:
            services.pegawai_keluar([obj.pk], aktor=request.user, alasan=_("Dinonaktifkan di admin"))
            obj.aktif = False

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        # A pegawai changes unit only through mutasi (kept in RiwayatUnit).
        return ["unit_kerja"] if obj is not None else []

    def get_autocomplete_fields(self, request) -> list[str]:
        return ["user", "unit_kerja"]

    def get_urls(self):
        return [
            path("<int:pk>/mutasi/", self.admin_site.admin_view(self.mutasi_view), name="organisasi_pegawai_mutasi"),
            path(
                "siasn/",
                self.admin_site.admin_view(lambda request: siasn_admin.siasn_view(request, self)),
                name="organisasi_pegawai_siasn",
            ),
            *super().get_urls(),
        ]

    def mutasi_view(self, request, pk: int):
        """Move a pegawai to another unit from a date, through services.pegawai_mutasi (history kept)."""
        pegawai = get_object_or_404(Pegawai, pk=pk)
        if not self.has_change_permission(request, pegawai):
            raise PermissionDenied
        form = MutasiForm(request.POST or None, initial={"mulai": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            services.pegawai_mutasi(
                pegawai,
                unit_kerja=form.cleaned_data["unit_kerja"],
                mulai=form.cleaned_data["mulai"],
                aktor=request.user,
            )
            messages.success(
                request,
                _("Mutasi %(nama)s ke %(unit)s tercatat.")
                % {"nama": pegawai.nama, "unit": form.cleaned_data["unit_kerja"]},
            )
            return redirect(reverse("admin:organisasi_pegawai_change", args=[pegawai.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": pegawai,
            "form": form,
            "title": _("Mutasi pegawai"),
        }
        return TemplateResponse(request, "organisasi/admin/mutasi.html", context)


@admin.register(SanksiDisiplin)
class SanksiDisiplinAdmin(RiwayatAdmin):
    list_display = ["pegawai", "tingkat", "jenis", "mulai", "selesai"]
    list_filter = ["tingkat"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    autocomplete_fields = ["pegawai"]
    date_hierarchy = "mulai"


class PermintaanPerbaikanAdminForm(forms.ModelForm):
    """The status field offers only what workflow.TRANSISI_PERBAIKAN allows from the current status."""

    class Meta:
        model = PermintaanPerbaikan
        fields = ["status", "catatan_admin"]

    def clean_status(self) -> str:
        dari, ke = self.instance.status, self.cleaned_data["status"]
        if ke != dari and workflow.aksi_perbaikan_ke(dari, ke) is None:
            raise ValidationError(_("Status tidak dapat diubah dari %(dari)s ke %(ke)s.") % {"dari": dari, "ke": ke})
        return ke


@admin.register(PermintaanPerbaikan)
class PermintaanPerbaikanAdmin(RiwayatAdmin):
    """Correction requests of ASN (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»): the admin corrects the record, then marks the request.

    Every decision goes through services.permintaan_perbaikan_transisi."""

    form = PermintaanPerbaikanAdminForm
    list_display = ["pegawai", "data", "nilai_usulan", "status", "diajukan_pada", "diputus_oleh"]
    list_filter = ["status", "data"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    readonly_fields = ["pegawai", "data", "nilai_usulan", "catatan", "diajukan_pada", "diputus_oleh", "diputus_pada"]
    fields = [*readonly_fields[:5], "status", "catatan_admin", "diputus_oleh", "diputus_pada"]
    actions = ["tandai_selesai", "tandai_ditolak"]

    def has_add_permission(self, request) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        if "status" not in form.changed_data:
            super().save_model(request, obj, form, change)
            return
        ke, obj.status = obj.status, form.initial["status"]
        try:
            services.permintaan_perbaikan_transisi(obj, ke=ke, aktor=request.user, catatan=obj.catatan_admin)
        except ValidationError as exc:  # decided meanwhile by someone else
            messages.error(request, " ".join(exc.messages))

    def _putus(self, request, queryset, status: str) -> None:
        count = 0
        for permintaan in queryset.filter(status=PermintaanPerbaikan.Status.DIAJUKAN):
            try:
                services.permintaan_perbaikan_transisi(permintaan, ke=status, aktor=request.user)
            except ValidationError:  # decided meanwhile by someone else
                continue
            count += 1
        messages.success(request, _("%(count)s permintaan diperbarui.") % {"count": count})

    @admin.action(description=gettext_lazy("Tandai selesai (data sudah diperbaiki)"))
    def tandai_selesai(self, request, queryset) -> None:
        self._putus(request, queryset, PermintaanPerbaikan.Status.SELESAI)

    @admin.action(description=gettext_lazy("Tandai ditolak"))
    def tandai_ditolak(self, request, queryset) -> None:
        self._putus(request, queryset, PermintaanPerbaikan.Status.DITOLAK)


@admin.register(AksesData)
class AksesDataAdmin(admin.ModelAdmin):
    """The read audit (docs/pdp.md, «Jejak baca»): searchable by reader, owner (name or NIP) and what was read;
    nobody adds, changes or deletes a row here (append-only; the retention rule removes old rows)."""

    list_display = ["waktu", "pembaca_nama", "jenis", "subjek", "objek", "alamat"]
    list_filter = ["jenis", ("waktu", admin.DateFieldListFilter)]
    search_fields = ["pembaca_nama", "pembaca__username", "subjek__nip", "subjek__nama", "objek"]
    date_hierarchy = "waktu"
    list_select_related = ["subjek"]
    list_per_page = 50

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ImporSiasn)
class ImporSiasnAdmin(admin.ModelAdmin):
    """The history of SIASN imports (docs/keputusan.md, «Impor SIASN»): read-only, append-only."""

    list_display = ["pada", "oleh", "nama_berkas", "jumlah_baris", "jumlah", "sha256"]
    date_hierarchy = "pada"
    list_select_related = ["oleh"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
