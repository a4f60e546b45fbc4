"""Checks on an uploaded spreadsheet before any parser opens it (docs/keamanan.md, «Kendali»).

`periksa_unggahan(name, data)` refuses, with a message in Indonesian, a file that is too large, whose
extension or first bytes do not match XLSX or CSV, an XLSX (a zip) with too many entries or too much
uncompressed data (zip bomb), and an XLSX whose XML declares a DTD or entities (billion laughs, XXE).
Only then does `baca_tabel` open it, with openpyxl in read-only mode (which itself parses through
defusedxml when it is installed) or the csv module. Reusable by every app that accepts uploads.

Evidence files (PDF, JPEG, PNG): `periksa_bukti`, the form field `BerkasBuktiField`, the private storage
`penyimpanan_privat` with random names (`NamaAcak`), and `respons_berkas` for the view that checks scope.
"""

import contextlib
import csv
import errno
import io
import os
import secrets
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

import openpyxl
import tablib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ZIP_ENTRIES = 100
MAX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024
MAX_ROWS = 20_000
XLSX_MAGIC = b"PK\x03\x04"
XLSX = "xlsx"
CSV = "csv"
JENIS = (XLSX, CSV)


def jenis_berkas(name: str) -> str:
    """The kind of file by its extension (xlsx or csv); anything else is refused."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in JENIS:
        raise ValidationError(_("Jenis berkas tidak didukung: gunakan .xlsx atau .csv."))
    return ext


def periksa_unggahan(name: str, data: bytes, maks_bytes: int = MAX_UPLOAD_BYTES) -> str:
    """Refuse unsafe or malformed uploads; return the kind ("xlsx" or "csv")."""
    if len(data) > maks_bytes:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s MB); paling besar %(max)s MB.")
            % {"size": round(len(data) / 1024 / 1024, 1), "max": maks_bytes // 1024 // 1024}
        )
    if not data:
        raise ValidationError(_("Berkas kosong."))
    kind = jenis_berkas(name)
    if kind == XLSX:
        periksa_xlsx(data)
    else:
        periksa_csv(data)
    return kind


def periksa_csv(data: bytes) -> None:
    if data.startswith(XLSX_MAGIC) or b"\x00" in data:
        raise ValidationError(_("Isi berkas bukan CSV teks. Simpan sebagai CSV (UTF-8) atau unggah .xlsx."))
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Berkas CSV harus berupa teks UTF-8 (di Excel: Simpan sebagai CSV UTF-8)."))


def periksa_xlsx(data: bytes) -> None:
    if not data.startswith(XLSX_MAGIC):
        raise ValidationError(_("Isi berkas bukan XLSX yang sah."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ValidationError(_("Isi berkas bukan XLSX yang sah."))
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ValidationError(_("Berkas XLSX memuat terlalu banyak bagian; berkas ditolak."))
    # Python's zipfile never yields more than an entry's declared size, so the declared sizes bound
    # what openpyxl can decompress.
    if sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
        raise ValidationError(_("Isi berkas XLSX terlalu besar setelah diekstrak (kemungkinan zip bomb); ditolak."))
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels")):
            _periksa_xml(archive, entry)


def _periksa_xml(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """A DTD can only come before the root element: parse up to the first element with defusedxml."""
    try:
        with archive.open(entry) as stream:
            for _event in iterparse(stream, events=("start",), forbid_dtd=True):
                break
    except DefusedXmlException:
        raise ValidationError(_("Berkas XLSX memuat deklarasi XML yang dilarang (DTD/entitas); ditolak."))
    except Exception:
        raise ValidationError(_("Isi berkas XLSX rusak."))


def _normal_header(values: Iterable) -> list[str]:
    return [str(v).strip().lower() if v is not None else "" for v in values]


def _trim_trailing_blank(rows: list[list]) -> list[list]:
    while rows and all(v is None or (isinstance(v, str) and not v.strip()) for v in rows[-1]):
        rows.pop()
    return rows


def baris_berkas(name: str, data: bytes, maks_bytes: int = MAX_UPLOAD_BYTES, maks_baris: int = MAX_ROWS):
    """Check `data`, then yield the rows of its first sheet (lists of cells as stored), header included, one at a
    time, so a reader keeps only what it needs. More than `maks_baris` data rows raise ValidationError.

    A CSV may be separated by commas, semicolons (Excel in an Indonesian locale) or tabs: the header line decides.
    """
    kind = periksa_unggahan(name, data, maks_bytes)
    terlalu_banyak = ValidationError(_("Berkas memuat lebih dari %(max)s baris.") % {"max": maks_baris})
    if kind == XLSX:
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:
            raise ValidationError(_("Isi berkas XLSX rusak atau bukan lembar kerja."))
        try:
            for n, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True)):
                if n > maks_baris:
                    raise terlalu_banyak
                yield list(row)
        finally:
            workbook.close()
    else:
        text = data.decode("utf-8-sig")
        pertama = text.split("\n", 1)[0]
        pemisah = max((",", ";", "\t"), key=pertama.count)
        for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=pemisah)):
            if n > maks_baris:
                raise terlalu_banyak
            yield row


def baca_tabel(name: str, data: bytes) -> tablib.Dataset:
    """Check `data`, then read its first sheet into a Dataset; header names lower-case, cells as stored.

    An XLSX cell keeps its type (a number stays int/float, so a NIP typed as a number can be refused).
    Data row i of the Dataset (1-based) is row i + 1 of the spreadsheet. Trailing blank rows are dropped.
    """
    rows = _trim_trailing_blank(list(baris_berkas(name, data)))
    if not rows:
        raise ValidationError(_("Berkas tidak memuat baris judul kolom."))
    header = _normal_header(rows[0])
    while header and header[-1] == "":
        header.pop()
    dataset = tablib.Dataset(headers=header)
    width = len(header)
    for row in rows[1:]:
        row = (row + [None] * width)[:width]
        dataset.append(row)
    return dataset


# Evidence files (bukti) --------------------------------------------------------------------------------------
# PDF, JPEG and PNG up to 5 MB (Lampiran BAB III 2.2.4 1c: evidence of progress): the type is read from the first bytes, never from
# the name or the browser's Content-Type; the name must agree with it. Files go to a private storage under
# MEDIA_ROOT, which no URL serves, under random names; a view that checks scope serves them
# (`respons_berkas`). Used by the forum's meeting files and reusable for the rencana's evidence.

BUKTI_MAX_BYTES = 5 * 1024 * 1024
# kind: (content type, magic prefix, allowed extensions)
JENIS_BUKTI = {
    "pdf": ("application/pdf", b"%PDF-", (".pdf",)),
    "jpg": ("image/jpeg", b"\xff\xd8\xff", (".jpg", ".jpeg")),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n", (".png",)),
}
# Every private file lives under MEDIA_ROOT/privat (the backup takes the whole MEDIA_ROOT, docs/operasi.md).
FOLDER_PRIVAT = "privat"


@dataclass(frozen=True)
class Bukti:
    """What `periksa_bukti` found: the kind (pdf, jpg, png), its content type and the size in bytes."""

    jenis: str
    content_type: str
    ukuran: int


def periksa_bukti(berkas) -> Bukti:
    """Refuse an evidence file that is empty, larger than 5 MB, not a PDF/JPEG/PNG by its first bytes, or whose
    name does not match its content. `berkas` is an UploadedFile (or any file with `name`, `size`, `read`)."""
    ukuran = berkas.size
    if ukuran > BUKTI_MAX_BYTES:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s MB); paling besar %(max)s MB.")
            % {"size": round(ukuran / 1024 / 1024, 1), "max": BUKTI_MAX_BYTES // 1024 // 1024}
        )
    if not ukuran:
        raise ValidationError(_("Berkas kosong."))
    berkas.seek(0)
    awal = berkas.read(16)
    berkas.seek(0)
    for jenis, (content_type, magic, ekstensi) in JENIS_BUKTI.items():
        if awal.startswith(magic):
            if not (berkas.name or "").lower().endswith(ekstensi):
                raise ValidationError(
                    _("Nama berkas tidak sesuai isinya (%(jenis)s): gunakan akhiran %(ext)s.")
                    % {"jenis": jenis.upper(), "ext": " atau ".join(ekstensi)}
                )
            return Bukti(jenis=jenis, content_type=content_type, ukuran=ukuran)
    raise ValidationError(_("Isi berkas bukan PDF, JPEG, atau PNG. Hanya ketiga jenis itu yang diterima."))


class PenyimpananPenuhError(OSError):
    """The server's disk (or the folder's quota) is full: the file was not stored, and nothing partial was left.
    `apps.common.permintaan` answers it by showing the form again with `PESAN_PENYIMPANAN_PENUH`."""


# What the user reads, at the top of the page and beside the file field, when the disk was full (docs/operasi.md,
# «Sehat dan gangguan»).
PESAN_PENYIMPANAN_PENUH = gettext_lazy(
    "Penyimpanan server penuh; berkas tidak tersimpan. Isian Anda tidak hilang; coba lagi nanti atau hubungi admin."
)
KODE_PENYIMPANAN_PENUH = "penyimpanan_penuh"


def tulis_utuh(full_path: str, chunks: Iterable[bytes], mode: int | None = None) -> None:
    """Write a new file whole or not at all: into a hidden temporary file in the same folder, flushed to disk, then
    linked under `full_path` (link() refuses an existing name: FileExistsError). A full disk (ENOSPC, EDQUOT)
    raises PenyimpananPenuhError; on any error the temporary file is removed, so no truncated file is left."""
    directory = os.path.dirname(full_path)
    try:
        os.makedirs(directory, exist_ok=True)
        handle, tmp_path = tempfile.mkstemp(dir=directory, prefix=".unggah-")
    except OSError as exc:
        raise _penuh_atau(exc)
    try:
        try:
            with os.fdopen(handle, "wb") as tmp:
                for chunk in chunks:
                    tmp.write(chunk)
                tmp.flush()
                os.fsync(tmp.fileno())
            if mode is not None:
                os.chmod(tmp_path, mode)
            os.link(tmp_path, full_path)
        except FileExistsError:
            raise
        except OSError as exc:
            raise _penuh_atau(exc)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_path)


class PenyimpananPrivat(FileSystemStorage):
    """Files under MEDIA_ROOT, which no URL serves (only static files are served): there is no public URL.

    A file is written whole or not at all (`tulis_utuh`), so no truncated file is left for a record to point at.
    """

    def url(self, name):
        raise ValueError("A private file has no URL: serve it through a view that checks scope.")

    def _save(self, name, content):
        while True:
            try:
                # An existing name is refused, as FileSystemStorage's O_EXCL does: take the next free one.
                tulis_utuh(self.path(name), content.chunks(), self.file_permissions_mode)
                break
            except FileExistsError:
                name = self.get_available_name(name)
        return str(name).replace("\\", "/")


def _penuh_atau(exc: OSError) -> OSError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return PenyimpananPenuhError(exc.errno, exc.strerror)
    return exc


def disk_penuh(exception: BaseException | None) -> bool:
    """True when the exception (or one it was raised from or during) says the disk is full: a file write
    (ENOSPC, EDQUOT) or the database's own files (PostgreSQL SQLSTATE 53100 disk_full, SQLite "database or disk is
    full"). A logo is stored in the database, so its full disk is the database's."""
    seen = 0
    while exception is not None and seen < 10:
        if isinstance(exception, OSError) and exception.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if getattr(exception, "sqlstate", None) == "53100" or "database or disk is full" in str(exception):
            return True
        exception = exception.__cause__ or exception.__context__
        seen += 1
    return False


_PRIVAT = PenyimpananPrivat()


def penyimpanan_privat() -> PenyimpananPrivat:
    """The storage of a FileField for private files (a callable, so migrations do not freeze a path)."""
    return _PRIVAT


@deconstructible
class NamaAcak:
    """An `upload_to` giving a random, non-guessable name in `privat/<folder>/`, keeping only the extension
    (the original name is kept in the model for the download, never used on disk)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
        return f"{FOLDER_PRIVAT}/{self.folder}/{secrets.token_urlsafe(24)}.{ext}"

    def __eq__(self, other) -> bool:
        return isinstance(other, NamaAcak) and other.folder == self.folder


def tandai_tidak_tersimpan(files) -> None:
    """Mark every uploaded file of a request (`request.FILES`) as not stored because the disk was full: the view
    that runs again then sees each upload field refuse it (`BerkasField`), and shows its form with everything else
    that was typed (apps/common/permintaan.py)."""
    for _name, uploads in files.lists():
        for upload in uploads:
            upload.tidak_tersimpan = True


def _tidak_tersimpan(data) -> bool:
    if isinstance(data, list | tuple):
        return any(_tidak_tersimpan(d) for d in data)
    return bool(getattr(data, "tidak_tersimpan", False))


class BerkasField(forms.FileField):
    """Every upload field of the app (forms and admin): Django's FileField, which refuses a file the server could
    not store because the disk was full (`tandai_tidak_tersimpan`) with `PESAN_PENYIMPANAN_PENUH` beside it."""

    def clean(self, data, initial=None):
        if _tidak_tersimpan(data):
            raise ValidationError(PESAN_PENYIMPANAN_PENUH, code=KODE_PENYIMPANAN_PENUH)
        return super().clean(data, initial)


class BerkasBuktiField(BerkasField):
    """A form field that runs `periksa_bukti`; the result is on the file as `.bukti`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("help_text", _("PDF, JPEG, atau PNG; paling besar 5 MB."))
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png")

    def clean(self, data, initial=None):
        berkas = super().clean(data, initial)
        if berkas and berkas is not initial:
            berkas.bukti = periksa_bukti(berkas)
        return berkas


def respons_berkas(fieldfile, *, nama_unduhan: str, content_type: str) -> FileResponse:
    """Serve a private file (after the caller checked scope) with its checked content type, inline, under a
    safe download name. A file missing on disk is a 404."""
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError:
        raise Http404
    aman = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in nama_unduhan)[:100] or "berkas"
    response = FileResponse(handle, content_type=content_type, filename=aman)
    response["Cache-Control"] = "private, no-store"
    return response


MAX_LOGO_BYTES = 512 * 1024
_GAMBAR = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def periksa_logo(data: bytes) -> str:
    """A logo for the kop: PNG or JPEG by content (not by name), at most 512 KB; returns its MIME type."""
    if not data:
        raise ValidationError(_("Berkas kosong."))
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(_("Logo terlalu besar; paling besar 512 KB."))
    for magic, mime in _GAMBAR.items():
        if data.startswith(magic):
            return mime
    raise ValidationError(_("Logo harus berupa gambar PNG atau JPEG."))


def bukti_lampirkan(obj, berkas) -> None:
    """Check `berkas` (periksa_bukti) and store it on `obj.bukti` under a random private name, with its original
    name and checked type in `obj.bukti_nama` / `obj.bukti_jenis`. The caller saves `obj`, and deletes the stored
    file with `obj.bukti.delete(save=False)` if that save fails."""
    bukti = getattr(berkas, "bukti", None) or periksa_bukti(berkas)
    obj.bukti.save(berkas.name, berkas, save=False)
    obj.bukti_nama = berkas.name[:200]
    obj.bukti_jenis = bukti.content_type
