"""Import and export of the registry with django-import-export (docs/keputusan.md, «Registri dan impor» / «Kode aktivasi», docs/keamanan.md, «Kendali»).

- PD by `kode`; Unit Kerja by `kode` with `kode_perangkat_daerah` and `kode_induk` (a parent comes in an
  earlier row or already exists); Pegawai by `nip` with the columns of PEGAWAI_COLUMNS.
- All-or-nothing: run `import_data(..., use_transactions=True, rollback_on_validation_errors=True)`
  (the admin and `import_pegawai` do); one bad row means nothing is written.
- Every bad row is reported per column, keyed by the column name the user sees. Data row i of the
  dataset is row i + 1 of the spreadsheet (row 1 holds the column names): `baris_spreadsheet(i)`.
- Pegawai rows are checked against lookups loaded once (units, golongan, existing NIPs) and written with
  simple_history's bulk functions, so 5,000 rows take seconds and the import is in the history.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from . import services
from .models import Golongan, JenisASN, Pegawai, PerangkatDaerah, UnitKerja
from .nip import NIP_ANGKA, nip_errors

PEGAWAI_COLUMNS = [
    "nip",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "jenis_asn",
    "golongan",
    "jabatan",
    "kode_unit_kerja",
    "email",
    "telepon",
]


def baris_spreadsheet(row_number: int) -> int:
    """The row the user sees in the spreadsheet for data row `row_number` (1-based; row 1 = header)."""
    return row_number + 1


MAX_GALAT = 1000  # problems listed; the rest are counted ("dan N masalah lain")


def jumlah_galat(result) -> int:
    """How many problems the import found, listed or not."""
    return getattr(result, "jumlah_galat", None) or len(_semua_galat(result))


def galat_baris(result) -> list[tuple[int, str, str]]:
    """The first MAX_GALAT problems of an import result as (spreadsheet row, column, reason), in row order."""
    return _semua_galat(result)[:MAX_GALAT]


def _semua_galat(result) -> list[tuple[int, str, str]]:
    out = []
    for invalid in result.invalid_rows:
        for column, messages in invalid.field_specific_errors.items():
            for message in messages:
                out.append((baris_spreadsheet(invalid.number), column, str(message)))
        for message in invalid.non_field_specific_errors:
            out.append((baris_spreadsheet(invalid.number), "-", str(message)))
    for number, errors in result.row_errors():
        for error in errors:
            out.append((baris_spreadsheet(number), "-", str(error.error)))
    return out


def _text(value) -> str:
    """A cell as text: None -> "", a whole float (Excel stores numbers as floats) without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class KolomSalahError(Exception):
    """The header row does not hold the expected columns; no row is read."""


def _check_columns(dataset, expected: list[str], optional: tuple[str, ...] = ()) -> None:
    """Refuse a header row with missing, unknown or doubled columns; drop the rows so none is imported."""
    headers = [h for h in (dataset.headers or []) if h]
    missing = [c for c in expected if c not in headers and c not in optional]
    unknown = [h for h in headers if h not in expected]
    duplicate = sorted({h for h in headers if headers.count(h) > 1})
    problems = []
    if missing:
        problems.append(_("kolom wajib tidak ada: %(cols)s") % {"cols": ", ".join(missing)})
    if unknown:
        problems.append(_("kolom tidak dikenal: %(cols)s") % {"cols": ", ".join(unknown)})
    if duplicate:
        problems.append(_("kolom ganda: %(cols)s") % {"cols": ", ".join(duplicate)})
    if problems:
        del dataset[0 : len(dataset)]
        raise KolomSalahError(
            _("Judul kolom salah (%(problems)s). Kolom yang diharapkan: %(expected)s.")
            % {"problems": "; ".join(problems), "expected": ", ".join(expected)}
        )


class AktifWidget(widgets.BooleanWidget):
    """An empty `aktif` cell means active."""

    def clean(self, value, row=None, **kwargs):
        cleaned = super().clean(value, row, **kwargs)
        return True if cleaned is None else cleaned


class KodeWidget(widgets.ForeignKeyWidget):
    """A foreign key by `kode`, with an Indonesian message when the kode is unknown."""

    def __init__(self, model, label: str, required: bool = True) -> None:
        super().__init__(model, field="kode")
        self.label = label
        self.required = required

    def clean(self, value, row=None, **kwargs):
        kode = _text(value)
        if not kode:
            if self.required:
                raise ValueError(_("Wajib diisi."))
            return None
        found = self.model.objects.filter(kode=kode).first()
        if found is None:
            raise ValueError(
                _("%(label)s dengan kode '%(kode)s' tidak ditemukan.") % {"label": self.label, "kode": kode}
            )
        return found


class RegistriResource(resources.ModelResource):
    """Row-by-row import for the small tables (PD, units); errors keyed by column name."""

    COLUMNS: list[str] = []
    OPTIONAL: tuple[str, ...] = ()
    # model field -> column, for errors raised by the model's full_clean()
    FIELD_COLUMN: dict[str, str] = {}

    def before_import(self, dataset, **kwargs) -> None:
        _check_columns(dataset, self.COLUMNS, self.OPTIONAL)

    def import_instance(self, instance, row, **kwargs) -> None:
        errors = {}
        for field in self.get_import_fields():
            try:
                self.import_field(field, instance, row, **kwargs)
            except ValueError as exc:
                errors[field.column_name] = [str(exc)]
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True) -> None:
        errors = dict(import_validation_errors or {})
        exclude = [f for f, c in self.FIELD_COLUMN.items() if c in errors] + list(errors)
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors.setdefault(self.FIELD_COLUMN.get(name, name), []).extend(messages)
        if errors:
            raise ValidationError(errors)


class PerangkatDaerahResource(RegistriResource):
    COLUMNS = ["kode", "nama", "singkatan", "jenis", "aktif"]
    OPTIONAL = ("singkatan", "aktif")
    aktif = fields.Field(attribute="aktif", column_name="aktif", widget=AktifWidget())

    class Meta:
        model = PerangkatDaerah
        fields = ["kode", "nama", "singkatan", "jenis", "aktif"]
        import_id_fields = ["kode"]
        skip_unchanged = True
        report_skipped = True


class UnitKerjaResource(RegistriResource):
    COLUMNS = ["kode", "nama", "kode_perangkat_daerah", "kode_induk", "aktif"]
    OPTIONAL = ("kode_induk", "aktif")
    FIELD_COLUMN = {"perangkat_daerah": "kode_perangkat_daerah", "induk": "kode_induk"}
    kode_perangkat_daerah = fields.Field(
        attribute="perangkat_daerah",
        column_name="kode_perangkat_daerah",
        widget=KodeWidget(PerangkatDaerah, _("Perangkat daerah")),
    )
    kode_induk = fields.Field(
        attribute="induk", column_name="kode_induk", widget=KodeWidget(UnitKerja, _("Unit induk"), required=False)
    )
    aktif = fields.Field(attribute="aktif", column_name="aktif", widget=AktifWidget())

    class Meta:
        model = UnitKerja
        fields = ["kode", "nama", "kode_perangkat_daerah", "kode_induk", "aktif"]
        import_id_fields = ["kode"]
        skip_unchanged = True
        report_skipped = True


class _Bakal:
    """Stands in for a Pegawai while rows are only checked (building 20,000 model instances costs seconds)."""


class PegawaiResource(resources.ModelResource):
    """Pegawai by NIP. New pegawai get no account (they activate with a code, docs/keputusan.md, «Registri dan impor» / «Kode aktivasi»)."""

    nip = fields.Field(attribute="nip", column_name="nip")
    golongan = fields.Field(
        attribute="golongan", column_name="golongan", widget=widgets.ForeignKeyWidget(Golongan, "kode")
    )
    kode_unit_kerja = fields.Field(
        attribute="unit_kerja", column_name="kode_unit_kerja", widget=widgets.ForeignKeyWidget(UnitKerja, "kode")
    )
    # The attributes an import may change, compared to decide "unchanged" and written by bulk_update.
    ATTRIBUTES = [
        "nama",
        "gelar_depan",
        "gelar_belakang",
        "jenis_asn",
        "golongan_id",
        "jabatan",
        "unit_kerja_id",
        "email",
        "telepon",
    ]
    MAX_LENGTH = {"nama": 150, "gelar_depan": 40, "gelar_belakang": 60, "jabatan": 200, "telepon": 30, "email": 254}

    class Meta:
        model = Pegawai
        fields = PEGAWAI_COLUMNS
        export_order = PEGAWAI_COLUMNS
        import_id_fields = ["nip"]
        skip_unchanged = True
        use_bulk = True
        batch_size = 1000
        skip_html_diff = True
        clean_model_instances = False

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        """Check every row first, cheaply; a file with problems stops here (nothing is written).

        django-import-export keeps a full result object per row: on a 20,000-row bad workbook that held a
        worker for 85 s and 414 MB. This check keeps only the first MAX_GALAT problems and counts the rest
        (`result.jumlah_galat`), so time and memory stay bounded; a clean file then goes through the normal
        import (bench/impor_besar.py measures both).
        """
        hasil = self._periksa_semua(dataset, **kwargs)
        if hasil is not None:
            return hasil
        return super().import_data(
            dataset, dry_run=dry_run, raise_errors=raise_errors, use_transactions=use_transactions, **kwargs
        )

    def _periksa_semua(self, dataset, **kwargs):
        """A Result listing the first MAX_GALAT problems of `dataset`, or None when every row is fine."""
        try:
            self.before_import(dataset, **kwargs)
        except KolomSalahError:
            return None  # the normal import reports the header problem
        result = self.get_result_class()()
        result.diff_headers = self.get_diff_headers()
        result.total_rows = len(dataset)
        jumlah = 0
        dicatat = 0
        headers = dataset.headers
        for number, values in enumerate(dataset, start=1):
            row = dict(zip(headers, values, strict=False))
            try:
                self.import_instance(_Bakal(), row, row_number=number)
            except ValidationError as exc:
                n = sum(len(m) for m in exc.message_dict.values())
                jumlah += n
                if dicatat < MAX_GALAT:
                    result.append_invalid_row(number, row, exc)
                    result.totals["invalid"] += 1
                    dicatat += n
        if not jumlah:
            return None
        result.jumlah_galat = jumlah
        return result

    def before_import(self, dataset, **kwargs) -> None:
        self._user = kwargs.get("user")
        self._file_name = kwargs.get("file_name") or ""
        _check_columns(dataset, PEGAWAI_COLUMNS)
        self._units = {u.kode: u for u in UnitKerja.objects.all()}
        self._golongan = {(g.jenis_asn, g.kode): g for g in Golongan.objects.all()}
        nips = [v.strip() for v in dataset["nip"] if isinstance(v, str)]
        existing = Pegawai.objects.filter(nip__in=nips).select_related("golongan", "unit_kerja")
        self._existing = {p.nip: p for p in existing}
        self._seen: dict[str, int] = {}
        self._originals: dict[int, tuple] = {}
        self._original_unit: dict[int, int] = {}

    def get_instance(self, instance_loader, row):
        value = row.get("nip")
        return self._existing.get(value.strip()) if isinstance(value, str) else None

    def after_init_instance(self, instance, new, row, **kwargs) -> None:
        if not new:
            self._originals[instance.pk] = tuple(getattr(instance, a) for a in self.ATTRIBUTES)
            self._original_unit[instance.pk] = instance.unit_kerja_id

    def import_instance(self, instance, row, **kwargs) -> None:
        """Check every column of one row and fill `instance`; raise all the row's problems at once."""
        errors: dict[str, list[str]] = {}

        def fail(column: str, message: str) -> None:
            errors.setdefault(column, []).append(message)

        raw_nip = row.get("nip")
        jenis = _text(row.get("jenis_asn")).upper()
        if jenis not in JenisASN.values:
            fail("jenis_asn", _("Jenis ASN harus PNS atau PPPK."))
        if isinstance(raw_nip, int | float) and not isinstance(raw_nip, bool):
            fail("nip", NIP_ANGKA)
            nip = ""
        else:
            nip = _text(raw_nip)
            if not nip:
                fail("nip", _("Wajib diisi."))
            elif jenis in JenisASN.values:
                for message in nip_errors(nip, jenis):
                    fail("nip", message)
            if nip:
                first = self._seen.setdefault(nip, kwargs.get("row_number", 0))
                if first != kwargs.get("row_number", 0):
                    fail("nip", _("NIP ganda: sudah ada di baris %(row)s.") % {"row": baris_spreadsheet(first)})
        values = {name: _text(row.get(name)) for name in ("nama", "gelar_depan", "gelar_belakang", "jabatan")}
        values["email"] = _text(row.get("email")).lower()
        values["telepon"] = _text(row.get("telepon"))
        if not values["nama"]:
            fail("nama", _("Wajib diisi."))
        for name, limit in self.MAX_LENGTH.items():
            if len(values[name]) > limit:
                fail(name, _("Paling banyak %(limit)s karakter.") % {"limit": limit})
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError:
                fail("email", _("Alamat email tidak sah."))
        kode_golongan = _text(row.get("golongan"))
        golongan = None
        if kode_golongan and jenis in JenisASN.values:
            golongan = self._golongan.get((jenis, kode_golongan))
            if golongan is None:
                lain = "PPPK" if jenis == "PNS" else "PNS"
                if (lain, kode_golongan) in self._golongan:
                    message = _("Golongan %(gol)s adalah golongan %(lain)s, tidak sesuai dengan jenis ASN %(jenis)s.")
                else:
                    message = _("Golongan '%(gol)s' tidak dikenal untuk %(jenis)s.")
                fail("golongan", message % {"gol": kode_golongan, "lain": lain, "jenis": jenis})
        kode_unit = _text(row.get("kode_unit_kerja"))
        unit = self._units.get(kode_unit)
        if not kode_unit:
            fail("kode_unit_kerja", _("Wajib diisi."))
        elif unit is None:
            fail("kode_unit_kerja", _("Unit kerja dengan kode '%(kode)s' tidak ditemukan.") % {"kode": kode_unit})
        if errors:
            raise ValidationError(errors)
        instance.nip = nip
        instance.jenis_asn = jenis
        instance.golongan = golongan
        instance.unit_kerja = unit
        for name, value in values.items():
            setattr(instance, name, value)

    def skip_row(self, instance, original, row, import_validation_errors=None) -> bool:
        if import_validation_errors or instance.pk is None:
            return False
        return self._originals.get(instance.pk) == tuple(getattr(instance, a) for a in self.ATTRIBUTES)

    def _reason(self) -> str:
        return (_("Impor pegawai: %(file)s") % {"file": self._file_name})[:100]

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None) -> None:
        if self.create_instances and (using_transactions or not dry_run):
            try:
                bulk_create_with_history(
                    self.create_instances,
                    Pegawai,
                    batch_size=batch_size,
                    default_user=self._user if getattr(self._user, "pk", None) else None,
                    default_change_reason=self._reason(),
                )
            except Exception as exc:
                self.handle_import_error(result, exc, raise_errors)
            finally:
                self.create_instances.clear()

    def _catat_mutasi(self, pegawai: list[Pegawai]) -> None:
        """A unit changed by the import is a mutasi from today (services.mutasi_massal)."""
        moved = [
            (p.pk, p.unit_kerja_id) for p in pegawai if self._original_unit.get(p.pk) not in (None, p.unit_kerja_id)
        ]
        user = self._user if getattr(self._user, "pk", None) else None
        services.mutasi_massal(moved, mulai=timezone.localdate(), aktor=user)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None) -> None:
        if self.update_instances and (using_transactions or not dry_run):
            try:
                self._catat_mutasi(self.update_instances)
                bulk_update_with_history(
                    self.update_instances,
                    Pegawai,
                    [a.removesuffix("_id") for a in self.ATTRIBUTES],
                    batch_size=batch_size,
                    default_user=self._user if getattr(self._user, "pk", None) else None,
                    default_change_reason=self._reason(),
                )
            except Exception as exc:
                self.handle_import_error(result, exc, raise_errors)
            finally:
                self.update_instances.clear()


def impor(resource_class, dataset, dry_run: bool, user=None, file_name: str = ""):
    """Import `dataset` all-or-nothing: any bad row (or a dry run) rolls the whole transaction back."""
    return resource_class().import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
        user=user,
        file_name=file_name,
    )


def ringkasan(result) -> dict[str, int]:
    """Counts of an import: baru (new), diperbarui (updated), tidak_berubah (unchanged), salah (bad rows)."""
    totals = result.totals
    return {
        "baru": totals["new"],
        "diperbarui": totals["update"],
        "tidak_berubah": totals["skip"],
        "salah": totals["invalid"] + totals["error"],
    }
