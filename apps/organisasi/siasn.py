"""The pegawai straight from a SIASN/SIMPEG export (docs/keputusan.md, «Impor SIASN»).

BKN's exports carry far more columns than we need, under header names that vary a little between exports. The
admin's column mapping (`PemetaanSiasn`, defaults in KOLOM_BAWAAN) names, for each datum, the header names that
hold it. `baca` reads the file row by row and keeps only those cells; `bandingkan` compares the rows with the
registry and returns the dry-run diff (`Selisih`): new pegawai, transfers (mutasi), leavers, changed data, heads
of units, unknown units, bad rows. `services.impor_siasn_terapkan` applies exactly the diff that was shown: it
recomputes it under lock and refuses when its digest differs.

Row numbers are those of the spreadsheet (the header row included). Units are matched by `kode` when a kode
column is mapped, else by name (case and spacing ignored); a name held by several units is told apart by the
unit's parent or PD name (`unit_induk`). A datum whose column is not mapped is left as it is in the registry.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.common.uploads import MAX_UPLOAD_BYTES, baris_berkas

from .models import Golongan, JenisASN, Pegawai, UnitKerja
from .nip import NIP_ANGKA, nip_errors

MAKS_BYTES = MAX_UPLOAD_BYTES  # as every import (nginx client_max_body_size); an XLSX of 20,000 rows fits
MAKS_BARIS = 20_000
BARIS_JUDUL_DICARI = 10  # exports may put a title above the header row
TAMPIL = 200  # rows listed per part of the diff; the counts are always whole

# datum -> header names accepted, in order of preference (compared without case, "_" read as a space)
KOLOM_BAWAAN: dict[str, tuple[str, ...]] = {
    "nip": ("NIP BARU", "NIP"),
    "nama": ("NAMA", "NAMA PEGAWAI"),
    "status": ("STATUS", "JENIS PEGAWAI", "JENIS PEGAWAI NAMA", "STATUS PEGAWAI", "STATUS CPNS PNS"),
    "golongan": ("GOL AKHIR NAMA", "GOLONGAN", "GOL RUANG AKHIR", "PANGKAT GOLONGAN"),
    "jabatan": ("JABATAN NAMA", "NAMA JABATAN", "JABATAN"),
    "eselon": ("ESELON", "ESELON NAMA"),
    "unit": ("UNOR NAMA", "UNIT ORGANISASI", "UNIT KERJA", "NAMA UNOR"),
    "unit_induk": ("UNOR INDUK NAMA", "UNIT INDUK", "PERANGKAT DAERAH"),
    "kode_unit": ("KODE UNIT KERJA",),
}
LABEL = {
    "nip": gettext_lazy("NIP"),
    "nama": gettext_lazy("Nama"),
    "status": gettext_lazy("Status (PNS/PPPK)"),
    "golongan": gettext_lazy("Golongan"),
    "jabatan": gettext_lazy("Jabatan"),
    "eselon": gettext_lazy("Eselon"),
    "unit": gettext_lazy("Unit organisasi"),
    "unit_induk": gettext_lazy("Unit induk / perangkat daerah"),
    "kode_unit": gettext_lazy("Kode unit kerja"),
}
WAJIB = ("nip", "nama", "unit")
PANJANG = {"nama": 150, "jabatan": 200}
# A jabatan that heads a unit even without an eselon (a PPPK or an export without the eselon column).
AWALAN_KEPALA = ("kepala ", "camat ", "lurah ", "sekretaris daerah", "inspektur", "direktur ")
RUMUS = ("=", "+", "@", "\t", "\r")
KOSONG = {"", "-", "--", "null", "none"}
NON_ESELON = {"non eselon", "noneselon", "non-eselon", "tidak ada", "0"}
_ESELON = re.compile(r"\A(I{1,3}|IV|V)\s*[./\- ]?\s*([AB])\Z", re.IGNORECASE)
_GOL_PNS = re.compile(r"\A(I{1,3}|IV)\s*[/.\- ]?\s*([A-E])\Z", re.IGNORECASE)
_ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]


def normal(teks) -> str:
    """Case and spacing ignored: how header names and unit names are compared."""
    return " ".join(str(teks or "").replace("_", " ").split()).casefold()


def kepala(eselon: str, jabatan: str) -> bool:
    """The pegawai heads their unit: a structural post (an eselon), or a jabatan that is a unit's head."""
    return bool(eselon) or normal(jabatan).startswith(AWALAN_KEPALA)


def pemetaan_sah(kolom: dict) -> dict[str, list[str]]:
    """The mapping with every datum present (defaults where the saved one lacks it), names stripped."""
    hasil = {}
    for kunci, bawaan in KOLOM_BAWAAN.items():
        nama = kolom.get(kunci) if isinstance(kolom, dict) else None
        if not isinstance(nama, list | tuple):
            nama = bawaan
        hasil[kunci] = [str(n).strip()[:100] for n in nama if str(n).strip()][:10]
    return hasil


# Reading ---------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Baris:
    """One good row of the file; `None` for a datum whose column is not mapped (left as it is)."""

    nomor: int
    nip: str
    nama: str
    jenis: str
    golongan_id: int | None
    jabatan: str | None
    eselon: str | None
    unit_id: int


@dataclass
class Bacaan:
    """What `baca` found: the good rows, the bad ones (row, datum label, reason), unknown units by name."""

    baris: list[Baris] = field(default_factory=list)
    galat: list[tuple[int, str, str]] = field(default_factory=list)
    jumlah_galat: int = 0
    unit_tidak_dikenal: dict[str, list[int]] = field(default_factory=dict)
    kolom: dict[str, str] = field(default_factory=dict)  # datum -> header found
    jumlah_baris: int = 0
    nip_berkas: dict[str, int] = field(default_factory=dict)  # every NIP of the file (bad rows too) -> its row

    def salah(self, nomor: int, kunci: str, alasan: str) -> None:
        self.jumlah_galat += 1
        if len(self.galat) < 1000:
            self.galat.append((nomor, str(LABEL[kunci]), alasan))


def _teks(nilai) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    return " ".join(str(nilai).split())


def _cari_judul(baris: list, pemetaan: dict[str, list[str]]) -> dict[str, int] | None:
    """The column index of each mapped datum in a header row, or None when a required one is missing."""
    judul = [normal(v) for v in baris]
    indeks = {}
    for kunci, nama in pemetaan.items():
        for n in nama:
            if normal(n) in judul:
                indeks[kunci] = judul.index(normal(n))
                break
    return indeks if all(k in indeks for k in WAJIB) else None


class BentukSalahError(ValidationError):
    """The file is no SIASN export as mapped: no row is read."""


class _Unit:
    """Units by kode and by name (and by parent or PD name where a name is shared), loaded once."""

    def __init__(self) -> None:
        rows = list(
            UnitKerja.objects.filter(aktif=True).values_list(
                "pk", "kode", "nama", "induk__nama", "perangkat_daerah__nama"
            )
        )
        self.kode = {kode: pk for pk, kode, *_rest in rows}
        self.nama: dict[str, list[int]] = {}
        self.induk: dict[tuple[str, str], list[int]] = {}
        for pk, _kode, nama, induk, pd in rows:
            self.nama.setdefault(normal(nama), []).append(pk)
            for atas in {normal(induk), normal(pd)} - {""}:
                self.induk.setdefault((normal(nama), atas), []).append(pk)

    def cari(self, kode: str, nama: str, induk: str) -> int | None:
        if kode and kode in self.kode:
            return self.kode[kode]
        calon = self.nama.get(normal(nama), [])
        if len(calon) == 1:
            return calon[0]
        calon = self.induk.get((normal(nama), normal(induk)), [])
        return calon[0] if len(calon) == 1 else None


def _status(teks: str, nip: str) -> str | None:
    t = normal(teks)
    if not t:
        # NIP digit 13 is a month digit (0 or 1) for PNS and always 2 for NI PPPK (nip.py).
        return JenisASN.PPPK if len(nip) == 18 and nip[12] == "2" else JenisASN.PNS
    if "pppk" in t or t == "p3k":
        return JenisASN.PPPK
    if t in {"p", "c", "pns", "cpns"} or t.startswith(("pns", "cpns")):
        return JenisASN.PNS
    return None


def _golongan(teks: str, jenis: str) -> str | None:
    """The registry's kode for a SIASN golongan: "III/a" (also "III/A", "IIIa", "III.a"), PPPK "IX" or "9"."""
    if jenis == JenisASN.PNS:
        m = _GOL_PNS.match(teks)
        return f"{m.group(1).upper()}/{m.group(2).lower()}" if m else None
    t = teks.upper().removeprefix("GOL.").removeprefix("GOLONGAN").strip()
    if t.isdigit() and 1 <= int(t) <= len(_ROMAWI):
        return _ROMAWI[int(t) - 1]
    return t if t in _ROMAWI else None


def _eselon(teks: str) -> str | None:
    """ "II.a" for "II.a", "IIa", "II/A", "II A"; "" for none; None when unreadable."""
    if normal(teks) in NON_ESELON or normal(teks) in KOSONG:
        return ""
    m = _ESELON.match(teks.strip())
    return f"{m.group(1).upper()}.{m.group(2).lower()}" if m else None


def baca(nama_berkas: str, data: bytes, kolom: dict) -> Bacaan:
    """Read a SIASN export with the mapping `kolom`. Raises ValidationError when the file is refused whole
    (unsafe, too large, over MAKS_BARIS rows, or no header row holds the required columns)."""
    pemetaan = pemetaan_sah(kolom)
    hasil = Bacaan()
    rows = baris_berkas(nama_berkas, data, MAKS_BYTES, MAKS_BARIS + BARIS_JUDUL_DICARI)
    indeks = None
    nomor_judul = 0
    dilihat = []
    for nomor_judul, row in enumerate(rows, start=1):
        indeks = _cari_judul(row, pemetaan)
        if indeks is not None:
            break
        dilihat.append(row)
        if nomor_judul >= BARIS_JUDUL_DICARI:
            break
    if indeks is None:
        kurang = []
        judul = {normal(v) for row in dilihat for v in row}
        for kunci in WAJIB:
            if not any(normal(n) in judul for n in pemetaan[kunci]):
                kurang.append(f"{LABEL[kunci]} ({', '.join(pemetaan[kunci]) or '-'})")
        raise BentukSalahError(
            _(
                "Berkas ini tidak berbentuk ekspor SIASN yang dikenal: kolom untuk %(kolom)s tidak ditemukan di "
                "%(n)s baris pertama. Periksa pemetaan kolom di bawah (nama judul kolom seperti tertulis di berkas)."
            )
            % {"kolom": "; ".join(kurang), "n": BARIS_JUDUL_DICARI}
        )
    judul_asli = {k: _teks(row[i]) for k, i in indeks.items()}
    ganda = [normal(h) for h in judul_asli.values()]
    if len(set(ganda)) != len(ganda):
        raise BentukSalahError(_("Satu kolom berkas dipetakan ke dua data; periksa pemetaan kolom."))
    hasil.kolom = judul_asli
    golongan = {(jenis, kode): pk for pk, jenis, kode in Golongan.objects.values_list("pk", "jenis_asn", "kode")}
    units = _Unit()
    dilihat_nip = hasil.nip_berkas
    lebar = max(indeks.values()) + 1
    for nomor, row in enumerate(rows, start=nomor_judul + 1):
        if len(row) < lebar:
            row = list(row) + [None] * (lebar - len(row))
        if all(v is None or not str(v).strip() for v in row):
            continue
        hasil.jumlah_baris += 1
        if hasil.jumlah_baris > MAKS_BARIS:
            raise ValidationError(_("Berkas memuat lebih dari %(max)s baris.") % {"max": MAKS_BARIS})
        baris = _baca_baris(hasil, nomor, {k: row[i] for k, i in indeks.items()}, golongan, units, dilihat_nip)
        if baris is not None:
            hasil.baris.append(baris)
    return hasil


def _baca_baris(hasil: Bacaan, nomor: int, sel: dict, golongan: dict, units: _Unit, dilihat: dict) -> Baris | None:
    jumlah = hasil.jumlah_galat
    nilai: dict[str, str | None] = {}
    ditolak = set()
    for kunci, isi in sel.items():
        if kunci == "nip" and isinstance(isi, int | float) and not isinstance(isi, bool):
            hasil.salah(nomor, "nip", str(NIP_ANGKA))
            isi = ""
        teks = _teks(isi)
        if teks.startswith(RUMUS) or (teks.startswith("-") and normal(teks) not in KOSONG):
            hasil.salah(nomor, kunci, _("Isi sel diawali tanda rumus (=, +, -, @); ditolak demi keamanan."))
            ditolak.add(kunci)
            teks = ""
        nilai[kunci] = "" if normal(teks) in KOSONG else teks
    nip = nilai["nip"].removeprefix("'").replace(" ", "")
    if not nip:
        if hasil.jumlah_galat == jumlah:
            hasil.salah(nomor, "nip", _("Wajib diisi."))
    elif nip in dilihat:
        hasil.salah(nomor, "nip", _("NIP ganda: sudah ada di baris %(row)s.") % {"row": dilihat[nip]})
    else:
        dilihat[nip] = nomor
    jenis = _status(nilai.get("status", ""), nip)
    if jenis is None:
        hasil.salah(nomor, "status", _("Status harus PNS atau PPPK (juga dibaca: CPNS, P, C, PNS Daerah)."))
    elif nip:
        for pesan in nip_errors(nip, jenis):
            hasil.salah(nomor, "nip", pesan)
    if not nilai["nama"] and "nama" not in ditolak:
        hasil.salah(nomor, "nama", _("Wajib diisi."))
    for kunci, batas in PANJANG.items():
        if len(nilai.get(kunci) or "") > batas:
            hasil.salah(nomor, kunci, _("Paling banyak %(limit)s karakter.") % {"limit": batas})
    golongan_id = None
    if nilai.get("golongan") and jenis is not None:
        kode = _golongan(nilai["golongan"], jenis)
        golongan_id = golongan.get((jenis, kode))
        if golongan_id is None:
            hasil.salah(
                nomor,
                "golongan",
                _("Golongan '%(gol)s' tidak dikenal untuk %(jenis)s.") % {"gol": nilai["golongan"], "jenis": jenis},
            )
    eselon = None
    if "eselon" in nilai:
        eselon = _eselon(nilai["eselon"])
        if eselon is None:
            hasil.salah(
                nomor, "eselon", _("Eselon '%(e)s' tidak dikenal (contoh: II.a, III.b, IV.a).") % {"e": nilai["eselon"]}
            )
    unit_id = None
    if not nilai["unit"]:
        if "unit" not in ditolak:
            hasil.salah(nomor, "unit", _("Wajib diisi."))
    else:
        unit_id = units.cari(nilai.get("kode_unit", ""), nilai["unit"], nilai.get("unit_induk", ""))
        if unit_id is None:
            nama_unit = nilai["unit"] + (f" ({nilai['unit_induk']})" if nilai.get("unit_induk") else "")
            hasil.unit_tidak_dikenal.setdefault(nama_unit, []).append(nomor)
    if hasil.jumlah_galat != jumlah or unit_id is None:
        return None
    return Baris(
        nomor=nomor,
        nip=nip,
        nama=nilai["nama"],
        jenis=jenis,
        golongan_id=golongan_id if "golongan" in nilai else None,
        jabatan=nilai["jabatan"] if "jabatan" in nilai else None,
        eselon=eselon,
        unit_id=unit_id,
    )


# The diff -------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Lama:
    """A pegawai as the registry holds them."""

    pk: int
    nip: str
    nama: str
    jenis: str
    golongan_id: int | None
    jabatan: str
    eselon: str
    unit_id: int
    aktif: bool


@dataclass
class Selisih:
    """The dry-run diff of a SIASN file against the registry. Every list is whole; pages show the first TAMPIL.

    `baru`: Baris; `mutasi`: (Lama, new unit id); `keluar`, `kembali`: Lama; `berubah`: (Lama, [(datum, old,
    new)]); `kepala`: (unit id, [names before], [names after]). `ubah` maps a pegawai's pk to the values the
    import writes (unit, data, active again).
    """

    bacaan: Bacaan
    baru: list = field(default_factory=list)
    mutasi: list = field(default_factory=list)
    keluar: list = field(default_factory=list)
    kembali: list = field(default_factory=list)
    berubah: list = field(default_factory=list)
    kepala: list = field(default_factory=list)
    ubah: dict[int, dict] = field(default_factory=dict)
    unit: dict[int, str] = field(default_factory=dict)
    golongan: dict[int, str] = field(default_factory=dict)
    digest: str = ""

    @property
    def boleh_diterapkan(self) -> bool:
        return not self.bacaan.jumlah_galat and not self.bacaan.unit_tidak_dikenal

    @property
    def kosong(self) -> bool:
        return not (self.baru or self.mutasi or self.keluar or self.kembali or self.berubah or self.kepala)

    def jumlah(self) -> dict[str, int]:
        return {
            "baris": self.bacaan.jumlah_baris,
            "baru": len(self.baru),
            "mutasi": len(self.mutasi),
            "keluar": len(self.keluar),
            "kembali": len(self.kembali),
            "berubah": len(self.berubah),
            "kepala": len(self.kepala),
            "unit_tidak_dikenal": len(self.bacaan.unit_tidak_dikenal),
            "galat": self.bacaan.jumlah_galat,
        }


def registri(kunci: bool = False) -> dict[str, Lama]:
    """Every pegawai by NIP; `kunci` locks their rows until the transaction ends (the apply)."""
    qs = Pegawai.objects.all()
    if kunci:
        qs = qs.select_for_update()
    kolom = ("pk", "nip", "nama", "jenis_asn", "golongan_id", "jabatan", "eselon", "unit_kerja_id", "aktif")
    return {row[1]: Lama(*row) for row in qs.values_list(*kolom)}


def bandingkan(bacaan: Bacaan, sha256: str, kunci: bool = False) -> Selisih:
    """The diff of `bacaan` (the file whose checksum is `sha256`) against the registry. No write."""
    selisih = Selisih(bacaan=bacaan)
    lama_semua = registri(kunci)
    dipetakan = bacaan.kolom.keys()
    sebelum: dict[int, set[str]] = {}
    sesudah: dict[int, set[str]] = {}
    nama_nip: dict[str, str] = {}
    for lama in lama_semua.values():
        if lama.aktif and kepala(lama.eselon, lama.jabatan):
            sebelum.setdefault(lama.unit_id, set()).add(lama.nip)
            nama_nip[lama.nip] = lama.nama
        if lama.aktif and lama.nip not in bacaan.nip_berkas:
            selisih.keluar.append(lama)
    dibaca = set()
    for baris in bacaan.baris:
        dibaca.add(baris.nip)
        lama = lama_semua.get(baris.nip)
        jabatan = baris.jabatan if "jabatan" in dipetakan else (lama.jabatan if lama else "")
        eselon = baris.eselon if "eselon" in dipetakan else (lama.eselon if lama else "")
        if kepala(eselon, jabatan):
            sesudah.setdefault(baris.unit_id, set()).add(baris.nip)
            nama_nip[baris.nip] = baris.nama
        if lama is None:
            selisih.baru.append(baris)
            continue
        ubah = {}
        if not lama.aktif:
            selisih.kembali.append(lama)
            ubah["aktif"] = True
        if baris.unit_id != lama.unit_id:
            selisih.mutasi.append((lama, baris.unit_id))
            ubah["unit_kerja_id"] = baris.unit_id
        beda = []
        data = [("nama", "nama", lama.nama, baris.nama), ("status", "jenis_asn", lama.jenis, baris.jenis)]
        if "golongan" in dipetakan:
            data.append(("golongan", "golongan_id", lama.golongan_id, baris.golongan_id))
        if "jabatan" in dipetakan:
            data.append(("jabatan", "jabatan", lama.jabatan, baris.jabatan))
        if "eselon" in dipetakan:
            data.append(("eselon", "eselon", lama.eselon, baris.eselon))
        for kunci_data, atribut, nilai_lama, baru in data:
            if nilai_lama != baru:
                beda.append((kunci_data, nilai_lama, baru))
                ubah[atribut] = baru
        if beda:
            selisih.berubah.append((lama, beda))
        if ubah:
            selisih.ubah[lama.pk] = ubah
    # A pegawai in the file whose row is bad keeps their place among the heads (the diff cannot be applied).
    for nip in set(bacaan.nip_berkas) - dibaca:
        lama = lama_semua.get(nip)
        if lama is not None and lama.aktif and kepala(lama.eselon, lama.jabatan):
            sesudah.setdefault(lama.unit_id, set()).add(nip)
    for unit_id in sorted(set(sebelum) | set(sesudah)):
        if sebelum.get(unit_id, set()) != sesudah.get(unit_id, set()):
            selisih.kepala.append(
                (
                    unit_id,
                    sorted(nama_nip[n] for n in sebelum.get(unit_id, ())),
                    sorted(nama_nip[n] for n in sesudah.get(unit_id, ())),
                )
            )
    selisih.keluar.sort(key=lambda p: p.nip)
    _nama(selisih)
    selisih.digest = _digest(selisih, sha256)
    return selisih


def _nama(selisih: Selisih) -> None:
    """Unit and golongan names for the page (one query each)."""
    ids = {b.unit_id for b in selisih.baru} | {u for _p, u in selisih.mutasi} | {p.unit_id for p, _u in selisih.mutasi}
    ids |= {p.unit_id for p in selisih.keluar} | {u for u, *_rest in selisih.kepala}
    for pk, nama, pd in UnitKerja.objects.filter(pk__in=ids).values_list("pk", "nama", "perangkat_daerah__singkatan"):
        selisih.unit[pk] = f"{nama} ({pd})" if pd else nama
    selisih.golongan = dict(Golongan.objects.values_list("pk", "kode"))


def _digest(selisih: Selisih, sha256: str) -> str:
    """A checksum of everything the apply would write: confirming is allowed only while it is unchanged."""
    isi = {
        "berkas": sha256,
        "kolom": sorted(selisih.bacaan.kolom.items()),
        "baru": [
            (b.nip, b.nama, b.jenis, b.golongan_id, b.jabatan, b.eselon, b.unit_id)
            for b in sorted(selisih.baru, key=lambda b: b.nip)
        ],
        "ubah": sorted((pk, sorted(ubah.items())) for pk, ubah in selisih.ubah.items()),
        "keluar": [lama.pk for lama in selisih.keluar],
        "galat": selisih.bacaan.jumlah_galat,
        "unit_tidak_dikenal": sorted(selisih.bacaan.unit_tidak_dikenal),
    }
    return hashlib.sha256(json.dumps(isi, default=str).encode()).hexdigest()
