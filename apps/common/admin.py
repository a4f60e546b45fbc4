from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Instansi
from .uploads import BerkasField, periksa_logo

BAWAAN = ["wilayah", "kepala_daerah", "tempat", "peraturan", "nama_aplikasi", "sekda"]


class InstansiForm(forms.ModelForm):
    berkas_logo = BerkasField(
        label=_("Logo (PNG atau JPEG, paling besar 512 KB)"),
        required=False,
        help_text=_("Tampil di kop surat dan laporan. Tanpa logo, kop hanya berisi teks."),
    )
    hapus_logo = forms.BooleanField(label=_("Hapus logo"), required=False)

    class Meta:
        model = Instansi
        fields = [
            "nama",
            "nama_aplikasi",
            "alamat",
            "wilayah",
            "kepala_daerah",
            "sekda",
            "tempat",
            "peraturan",
            "peraturan_judul",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in BAWAAN:
            self.fields[name].required = False

    def clean(self):
        # Left empty, a pemda word keeps its default rather than printing nothing on the documents.
        data = super().clean()
        for name in BAWAAN:
            if not (data.get(name) or "").strip():
                data[name] = Instansi._meta.get_field(name).default
        return data

    def clean_berkas_logo(self):
        berkas = self.cleaned_data.get("berkas_logo")
        if berkas:
            data = berkas.read()
            self.logo_jenis = periksa_logo(data)
            self.logo_data = data
        return berkas

    def save(self, commit=True):
        instansi = super().save(commit=False)
        if self.cleaned_data.get("hapus_logo"):
            instansi.logo, instansi.logo_jenis = None, ""
        elif getattr(self, "logo_data", None):
            instansi.logo, instansi.logo_jenis = self.logo_data, self.logo_jenis
        if commit:
            instansi.save()
        return instansi


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    form = InstansiForm
    list_display = ["nama", "alamat"]

    def has_add_permission(self, request) -> bool:
        return not Instansi.objects.exists()

    def get_changeform_initial_data(self, request) -> dict:
        # The first row starts from the words the pages show without one.
        awal = Instansi.tanpa_baris()
        return {name: getattr(awal, name) for name in self.form._meta.fields}


class AutocompleteAman(AutocompleteSelect):
    """Django's autocomplete select, where a submitted value that is not a key of the related model (a 40-digit
    number, a word) is left out of the options rather than sent to the database (SQLite: OverflowError, a 500 while
    the form with its errors is shown again; tests/security/test_fuzz.py)."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
        sah = []
        for v in value:
            try:
                target.run_validators(target.to_python(v))
            except (ValidationError, ValueError, TypeError):
                continue
            sah.append(v)
        return super().optgroups(name, sah, attr)


class PilihanBanyakAman(forms.ModelMultipleChoiceField):
    """Django's multiple choice of objects, where a submitted value that cannot be a key of the model (a 40-digit
    number, a word) is refused as an invalid choice before the database sees it (SQLite: OverflowError, a 500;
    tests/security/test_fuzz.py)."""

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        target = self.queryset.model._meta.pk if key == "pk" else self.queryset.model._meta.get_field(key)
        for pk in value:
            try:
                target.run_validators(target.to_python(pk))
            except (ValidationError, ValueError, TypeError):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class AutocompleteAmanMixin:
    """For a ModelAdmin or an inline with `autocomplete_fields`: their selects are `AutocompleteAman`."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteAman(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", PilihanBanyakAman)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class RiwayatAdmin(AutocompleteAmanMixin, SimpleHistoryAdmin):
    """simple-history's admin, where an object or version id that is not a key is a 404 (simple-history passed it to
    the database: ValueError, a 500; tests/security/test_fuzz.py)."""

    def _kunci_sah(self, object_id: str, version_id: str | None = None) -> None:
        try:
            self.model._meta.pk.to_python(unquote(object_id))
            if version_id is not None:
                int(version_id)
        except (ValidationError, ValueError):
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._kunci_sah(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._kunci_sah(object_id, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
