"""Read and check a pemda pack (docs/paket.md): the folder's JSON files as one document, checked against
paket/skema.json (JSON Schema) and then against the rules a schema cannot say (item numbers, bands, logo).

Every message is in Indonesian and names the file and the field, e.g.
«instrumen.json: bagian[2].band[0].skor_min: harus bilangan bulat».
"""

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator

from apps.survei.scoring import Band, Kategori, band_errors, section_range

PAKET_DIR = Path(settings.BASE_DIR) / "paket"
SKEMA = PAKET_DIR / "skema.json"
BAWAAN = "kupang"
# File -> the key of the merged document that holds it ("" = the top level).
BERKAS = {"paket.json": "", "nilai.json": "nilai", "instrumen.json": "instrumen", "demo.json": "demo"}
WAJIB = ("paket.json", "nilai.json", "instrumen.json")
LOGO_JENIS = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
LOGO_MAKS = 512 * 1024


class PaketTidakSahError(Exception):
    """The pack cannot be installed; `kesalahan` lists every reason found (Indonesian, naming file and field)."""

    def __init__(self, kesalahan: list[str]):
        self.kesalahan = kesalahan
        super().__init__("\n".join(kesalahan))


@dataclass(frozen=True)
class Paket:
    kode: str
    versi: str
    data: dict
    checksum: str
    folder: Path
    logo: bytes | None = None
    logo_jenis: str = ""

    def bands(self) -> dict[str, tuple[Band, ...]]:
        """Section code -> its bands as scoring.Band values (follow-up text per band or per category)."""
        instrumen = self.data["instrumen"]
        return {b["kode"]: _bands(b, instrumen["tindak_lanjut"]) for b in instrumen["bagian"]}


def kode_bawaan() -> str:
    """The pack of a new database and of the demo: env PAKET_PEMDA, else pack `kupang`."""
    return os.environ.get("PAKET_PEMDA", "").strip() or BAWAAN


def folder_paket(kode_atau_folder: str) -> Path:
    path = Path(kode_atau_folder)
    if path.is_dir() and (path / "paket.json").exists():
        return path
    return PAKET_DIR / kode_atau_folder


def daftar_paket() -> list[str]:
    return sorted(p.name for p in PAKET_DIR.iterdir() if (p / "paket.json").is_file())


def _bands(bagian: dict, tindak_lanjut: dict) -> tuple[Band, ...]:
    return tuple(
        Band(
            Kategori(b["kategori"]),
            b["skor_min"],
            b["skor_max"],
            b.get("tindak_lanjut") or tindak_lanjut[b["kategori"]],
        )
        for b in sorted(bagian["band"], key=lambda b: b["skor_min"])
    )


def _jalur(path) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _berkas_dari(path) -> tuple[str, list]:
    path = list(path)
    for nama, kunci in BERKAS.items():
        if kunci and path and path[0] == kunci:
            return nama, path[1:]
    return "paket.json", path


def _pesan(error) -> str:
    """A jsonschema error in Indonesian."""
    v, nilai = error.validator, error.validator_value
    if v == "required":
        hilang = [k for k in nilai if k not in (error.instance or {})]
        return f"kolom wajib tidak ada: {', '.join(hilang)}"
    if v == "additionalProperties":
        lebih = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"kolom tidak dikenal: {', '.join(lebih)}"
    jenis = {
        "string": "teks",
        "integer": "bilangan bulat",
        "boolean": "true/false",
        "array": "daftar",
        "object": "objek",
    }
    pesan = {
        "type": lambda: f"harus {jenis.get(nilai, nilai)}",
        "minLength": lambda: "tidak boleh kosong",
        "maxLength": lambda: f"paling panjang {nilai} karakter",
        "pattern": lambda: f"bentuknya tidak sah ({error.instance!r})",
        "enum": lambda: f"harus salah satu dari {', '.join(map(str, nilai))}",
        "const": lambda: f"harus {nilai}",
        "minItems": lambda: f"paling sedikit {nilai} isian",
        "maxItems": lambda: f"paling banyak {nilai} isian",
        "minimum": lambda: f"paling kecil {nilai}",
        "maximum": lambda: f"paling besar {nilai}",
        "oneOf": lambda: "harus teks atau daftar teks",
    }
    return pesan.get(v, lambda: error.message)()


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SKEMA.read_text(encoding="utf-8")))


def periksa_dokumen(data: dict) -> list[str]:
    """Every reason the merged document is not a valid pack (empty when it is)."""
    kesalahan = []
    for error in _validator().iter_errors(data):
        berkas, path = _berkas_dari(error.absolute_path)
        kolom = _jalur(path) or "(dokumen)"
        kesalahan.append((list(BERKAS).index(berkas), kolom, f"{berkas}: {kolom}: {_pesan(error)}"))
    if kesalahan:
        return [pesan for *_urut, pesan in sorted(kesalahan)]
    return _periksa_aturan(data)


def _periksa_aturan(data: dict) -> list[str]:
    """What the schema cannot say: item numbers 1..N without gaps, bands that partition each section's range,
    one band per category, unique value codes, a citation that names the number and year."""
    kesalahan = []
    peraturan = data["peraturan"]
    if peraturan["nomor"] not in peraturan["kutipan"] or str(peraturan["tahun"]) not in peraturan["kutipan"]:
        kesalahan.append("paket.json: peraturan.kutipan: harus menyebut nomor dan tahun peraturan")
    instrumen = data["instrumen"]
    nomor = []
    for i, bagian in enumerate(instrumen["bagian"]):
        dasar = f"instrumen.json: bagian[{i}]"
        nomor += [b["nomor"] for b in bagian["butir"]]
        kategori = [b["kategori"] for b in bagian["band"]]
        if sorted(kategori) != sorted(k.value for k in Kategori):
            kesalahan.append(f"{dasar}.band: setiap kategori harus tepat satu kali (ada: {', '.join(kategori)})")
            continue
        low, high = section_range(len(bagian["butir"]))
        for e in band_errors(_bands(bagian, instrumen["tindak_lanjut"]), low, high):
            kesalahan.append(f"{dasar}.band: bagian {bagian['kode']} ({len(bagian['butir'])} butir): {e}")
    if nomor != list(range(1, len(nomor) + 1)):
        kesalahan.append(
            f"instrumen.json: bagian[].butir[].nomor: nomor butir harus 1 sampai {len(nomor)} berurutan tanpa "
            "celah atau ganda"
        )
    kode_nilai = [n["kode"] for n in data["nilai"]["lokal"] + data["nilai"]["berakhlak"]]
    ganda = sorted({k for k in kode_nilai if kode_nilai.count(k) > 1})
    if ganda:
        kesalahan.append(f"nilai.json: kode: kode nilai ganda: {', '.join(ganda)}")
    return kesalahan


def _baca_json(folder: Path, nama: str, kesalahan: list[str]):
    path = folder / nama
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        kesalahan.append(f"{nama}: bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}): {exc.msg}")
    except UnicodeDecodeError:
        kesalahan.append(f"{nama}: harus teks UTF-8")
    return None


def baca(kode_atau_folder: str) -> Paket:
    """The pack in paket/<kode>/ (or the given folder), checked; raises PaketTidakSahError with every reason."""
    folder = folder_paket(kode_atau_folder)
    if not (folder / "paket.json").is_file():
        ada = ", ".join(daftar_paket())
        raise PaketTidakSahError(
            [f"Paket «{kode_atau_folder}» tidak ditemukan (tidak ada {folder}/paket.json). Paket yang ada: {ada}."]
        )
    kesalahan: list[str] = []
    for nama in WAJIB:
        if not (folder / nama).is_file():
            kesalahan.append(f"{nama}: berkas wajib tidak ada di {folder}")
    if kesalahan:
        raise PaketTidakSahError(kesalahan)
    data: dict = {}
    for nama, kunci in BERKAS.items():
        if not (folder / nama).is_file():
            continue
        isi = _baca_json(folder, nama, kesalahan)
        if kunci:
            data[kunci] = isi
        elif isinstance(isi, dict):
            data.update(isi)
        elif isi is not None:
            kesalahan.append(f"{nama}: harus objek JSON")
    if kesalahan:
        raise PaketTidakSahError(kesalahan)
    kesalahan = periksa_dokumen(data)
    logo, logo_jenis = None, ""
    if not kesalahan and data["instansi"].get("logo"):
        logo, logo_jenis = _baca_logo(folder, data["instansi"]["logo"], kesalahan)
    if not kesalahan and data["kode"] != folder.name:
        kesalahan.append(f"paket.json: kode: «{data['kode']}» harus sama dengan nama foldernya «{folder.name}»")
    if kesalahan:
        raise PaketTidakSahError(kesalahan)
    kanonik = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    checksum = hashlib.sha256(kanonik + (logo or b"")).hexdigest()
    return Paket(data["kode"], data["versi"], data, checksum, folder, logo, logo_jenis)


def _baca_logo(folder: Path, nama: str, kesalahan: list[str]) -> tuple[bytes | None, str]:
    path = folder / nama
    if not path.is_file():
        kesalahan.append(f"paket.json: instansi.logo: berkas {nama} tidak ada di folder paket")
        return None, ""
    isi = path.read_bytes()
    jenis = next((j for awal, j in LOGO_JENIS.items() if isi.startswith(awal)), "")
    if not jenis:
        kesalahan.append(f"paket.json: instansi.logo: {nama} bukan PNG atau JPEG")
    elif len(isi) > LOGO_MAKS:
        kesalahan.append(f"paket.json: instansi.logo: {nama} lebih dari {LOGO_MAKS // 1024} KB")
    return (isi, jenis) if jenis and len(isi) <= LOGO_MAKS else (None, "")
