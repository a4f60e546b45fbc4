"""Install a pemda pack (docs/paket.md): compare it with the database (`rencanakan`, the dry run), then write it in
one transaction (`terapkan`) with a history row. An instrument version a periode uses is never changed: a new
version (`<kode>-V2`, `-V3`, ...) is made and becomes the current one."""

import getpass
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import transaction

from apps.common.models import Instansi
from apps.nilai import katalog
from apps.nilai.models import Nilai
from apps.survei import instrumen as instrumen_data
from apps.survei.models import InstrumenVersi

from .models import RiwayatPaket
from .muat import Paket, PaketTidakSahError, baca, kode_bawaan

KOLOM_INSTANSI = ("nama", "alamat", "wilayah", "kepala_daerah", "tempat", "nama_aplikasi", "sekda")
LABEL_INSTRUMEN = {
    "sama": "tidak berubah",
    "baru": "dibuat",
    "ubah": "diperbarui (belum dipakai periode mana pun)",
    "versi_baru": "versi baru dibuat (versi lama dipakai periode dan tidak diubah)",
}


def isi_instansi(paket: Paket) -> dict:
    """The Instansi fields the pack sets (the logo only when the pack has one: else the admin's upload stays)."""
    data = paket.data
    isi = {k: data["instansi"][k] for k in KOLOM_INSTANSI}
    isi |= {
        "peraturan": data["peraturan"]["kutipan"],
        "peraturan_judul": data["peraturan"]["judul"],
        "istilah": data["istilah"],
        "teks": data["teks"],
        "paket_kode": paket.kode,
        "paket_versi": paket.versi,
    }
    if paket.logo:
        isi |= {"logo": paket.logo, "logo_jenis": paket.logo_jenis}
    return isi


def isi_instrumen(paket: Paket) -> dict:
    """The pack's instrument in the shape of survei.instrumen.isi_versi."""
    ins = paket.data["instrumen"]
    bands = paket.bands()
    return {
        "nama": ins["nama"],
        "petunjuk": ins["petunjuk"],
        "catatan": "\n".join(ins.get("catatan", [])),
        "sementara": ins["sementara"],
        "bagian": [
            {
                "kode": bg["kode"],
                "judul": bg["judul"],
                "urutan": urutan,
                "label_skala": bg["label_skala"],
                "butir": [
                    {
                        "nomor": b["nomor"],
                        "teks": b["teks"],
                        "kelompok": b.get("kelompok", ""),
                        "rekonstruksi": b.get("rekonstruksi", False),
                        "sumber": b.get("sumber", ""),
                        "catatan": b.get("catatan", ""),
                    }
                    for b in sorted(bg["butir"], key=lambda b: b["nomor"])
                ],
                "band": [
                    {
                        "kategori": band.kategori.value,
                        "skor_min": band.skor_min,
                        "skor_max": band.skor_max,
                        "tindak_lanjut": band.tindak_lanjut,
                        "sementara": bg["band_sementara"],
                    }
                    for band in bands[bg["kode"]]
                ],
            }
            for urutan, bg in enumerate(ins["bagian"], start=1)
        ],
    }


def isi_nilai(paket: Paket) -> list[dict]:
    """The pack's values in the shape of nilai.katalog.isi_katalog (local values are stored as sistem MEDIASI,
    the model's code for "the pemda's own values")."""
    baris = []
    for sistem, kunci in (("BERAKHLAK", "berakhlak"), ("MEDIASI", "lokal")):
        for urutan, n in enumerate(paket.data["nilai"][kunci], start=1):
            baris.append(
                {
                    "kode": n["kode"],
                    "sistem": sistem,
                    "nama": n["nama"],
                    "urutan": urutan,
                    "definisi": n.get("definisi", ""),
                    "indikator": n.get("indikator", []),
                    "situasi": n.get("situasi", []),
                    "perilaku": n.get("perilaku", []),
                }
            )
    return baris


def _beda_instrumen(lama: dict, baru: dict) -> list[str]:
    beda = [f"kolom {k}" for k in instrumen_data.KOLOM_VERSI if lama[k] != baru[k]]
    per_kode = {bg["kode"]: bg for bg in lama["bagian"]}
    for bg in baru["bagian"]:
        old = per_kode.get(bg["kode"])
        if old is None:
            beda.append(f"bagian {bg['kode']} baru")
            continue
        for k, label in (("judul", "judul"), ("label_skala", "label skala"), ("urutan", "urutan")):
            if old[k] != bg[k]:
                beda.append(f"bagian {bg['kode']}: {label}")
        if len(old["butir"]) != len(bg["butir"]):
            beda.append(f"bagian {bg['kode']}: {len(old['butir'])} → {len(bg['butir'])} butir")
        elif old["butir"] != bg["butir"]:
            nomor = [b["nomor"] for b, o in zip(bg["butir"], old["butir"], strict=True) if b != o]
            beda.append(f"bagian {bg['kode']}: butir {', '.join(map(str, nomor))}")
        if old["band"] != bg["band"]:
            rentang = ", ".join(f"{b['kategori']} {b['skor_min']}-{b['skor_max']}" for b in bg["band"])
            beda.append(f"bagian {bg['kode']}: kategori/tindak lanjut ({rentang})")
    beda += [f"bagian {k} dihapus" for k in per_kode.keys() - {bg["kode"] for bg in baru["bagian"]}]
    return beda


def _tampil(nilai) -> str:
    if isinstance(nilai, bytes | memoryview):
        return "(berkas)"
    return repr(nilai)


@dataclass
class Rencana:
    """What installing the pack would change (the dry run prints `baris()`)."""

    paket: Paket
    instansi: dict[str, tuple] = field(default_factory=dict)  # field -> (now, after)
    instansi_baru: bool = False
    nilai_baru: list[str] = field(default_factory=list)
    nilai_ubah: list[str] = field(default_factory=list)
    nilai_hapus: list[str] = field(default_factory=list)
    nilai_dipakai: dict[str, int] = field(default_factory=dict)
    instrumen: str = "sama"  # a key of LABEL_INSTRUMEN
    instrumen_kode: str = ""  # the version that is current after the install
    instrumen_beda: list[str] = field(default_factory=list)
    sudah_terpasang: bool = False  # the last install was this pack with this checksum

    @property
    def ada_perubahan(self) -> bool:
        return bool(self.instansi or self.instansi_baru or self.nilai_baru or self.nilai_ubah or self.nilai_hapus) or (
            self.instrumen != "sama"
        )

    def kesalahan(self) -> list[str]:
        return [
            f"nilai.json: nilai «{kode}» tidak ada di paket tetapi dipakai {n} catatan (rencana tindak, praktik "
            "baik, internalisasi): tambahkan kembali ke paket"
            for kode, n in sorted(self.nilai_dipakai.items())
        ]

    def baris(self) -> list[str]:
        p = self.paket
        out = [f"Paket {p.kode} versi {p.versi} (SHA-256 {p.checksum[:12]}…)"]
        if self.instansi_baru:
            out.append("Instansi: baris dibuat")
        for k, (lama, baru) in self.instansi.items():
            if isinstance(lama, dict) and isinstance(baru, dict):
                berubah = sorted(kunci for kunci in lama.keys() | baru.keys() if lama.get(kunci) != baru.get(kunci))
                out.append(f"Instansi.{k}: kunci berubah: {', '.join(berubah)}")
            else:
                out.append(f"Instansi.{k}: {_tampil(lama)} → {_tampil(baru)}")
        for label, kode in (("baru", self.nilai_baru), ("diubah", self.nilai_ubah), ("dihapus", self.nilai_hapus)):
            if kode:
                out.append(f"Nilai {label}: {', '.join(kode)}")
        out.append(f"Instrumen {self.instrumen_kode}: {LABEL_INSTRUMEN[self.instrumen]}")
        out += [f"  - {b}" for b in self.instrumen_beda]
        if not self.ada_perubahan:
            out.append("Tidak ada perubahan.")
        return out

    def ringkasan(self) -> str:
        return "\n".join(self.baris()[1:])


def _kandidat(kode: str) -> list[InstrumenVersi]:
    """The pack's versions in order: `kode`, then `kode-V2`, `kode-V3`, ... as long as they exist."""
    ada = []
    n = 1
    while True:
        versi = InstrumenVersi.objects.filter(kode=kode if n == 1 else f"{kode}-V{n}").first()
        if versi is None:
            return ada
        ada.append(versi)
        n += 1


def rencanakan(paket: Paket) -> Rencana:
    """Compare the pack with the database; writes nothing."""
    rencana = Rencana(paket)
    instansi = Instansi.objects.order_by("pk").first()
    isi = isi_instansi(paket)
    if instansi is None:
        # Compared with what a database without the row shows (Instansi.tanpa_baris).
        rencana.instansi_baru, instansi = True, Instansi.tanpa_baris()
    rencana.instansi = {
        k: (getattr(instansi, k), v)
        for k, v in isi.items()
        if (bytes(getattr(instansi, k)) if k == "logo" and getattr(instansi, k) else getattr(instansi, k)) != v
    }

    sekarang = {n["kode"]: n for n in katalog.isi_katalog()}
    baru = isi_nilai(paket)
    rencana.nilai_baru = [n["kode"] for n in baru if n["kode"] not in sekarang]
    rencana.nilai_ubah = [n["kode"] for n in baru if n["kode"] in sekarang and sekarang[n["kode"]] != n]
    rencana.nilai_hapus = sorted(sekarang.keys() - {n["kode"] for n in baru})
    rencana.nilai_dipakai = katalog.dipakai(rencana.nilai_hapus)

    kode = paket.data["instrumen"]["kode"]
    target = isi_instrumen(paket)
    versi = _kandidat(kode)
    rencana.instrumen_kode = kode
    if not versi:
        rencana.instrumen = "baru"
    else:
        sama = next((v for v in versi if instrumen_data.isi_versi(v) == target), None)
        terakhir = versi[-1]
        if sama is not None:
            rencana.instrumen_kode = sama.kode
        elif not terakhir.terkunci:
            rencana.instrumen, rencana.instrumen_kode = "ubah", terakhir.kode
            rencana.instrumen_beda = _beda_instrumen(instrumen_data.isi_versi(terakhir), target)
        else:
            rencana.instrumen, rencana.instrumen_kode = "versi_baru", f"{kode}-V{len(versi) + 1}"
            rencana.instrumen_beda = _beda_instrumen(instrumen_data.isi_versi(terakhir), target)
    terakhir_pasang = RiwayatPaket.objects.order_by("-dipasang_pada", "-pk").first()
    rencana.sudah_terpasang = terakhir_pasang is not None and terakhir_pasang.checksum == paket.checksum
    return rencana


def terapkan(paket: Paket, oleh: str = "") -> RiwayatPaket:
    """Install the pack in one transaction: the Instansi row, the values, the instrument, and a history row.
    Raises PaketTidakSahError (and writes nothing) when a value to remove is in use."""
    with transaction.atomic():
        rencana = rencanakan(paket)
        if rencana.kesalahan():
            raise PaketTidakSahError(rencana.kesalahan())
        isi = isi_instansi(paket)
        instansi = Instansi.objects.order_by("pk").first() or Instansi()
        for k, v in isi.items():
            setattr(instansi, k, v)
        instansi.save()
        if rencana.nilai_baru or rencana.nilai_ubah or rencana.nilai_hapus:
            katalog.tulis_katalog(isi_nilai(paket))
        target = isi_instrumen(paket)
        if rencana.instrumen in ("baru", "versi_baru"):
            instrumen_data.tulis_versi(rencana.instrumen_kode, target)
        elif rencana.instrumen == "ubah":
            versi = InstrumenVersi.objects.get(kode=rencana.instrumen_kode)
            instrumen_data.tulis_versi(versi.kode, target, versi=versi)
        return RiwayatPaket.objects.create(
            kode=paket.kode,
            versi=paket.versi,
            checksum=paket.checksum,
            instrumen_kode=rencana.instrumen_kode,
            ringkasan=rencana.ringkasan(),
            oleh=oleh or _pengguna_os(),
        )


def _pengguna_os() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "tidak diketahui"


def instrumen_aktif_kode() -> str:
    """The instrument version the last install made current (the pack's own code before any install)."""
    terakhir = RiwayatPaket.objects.order_by("-dipasang_pada", "-pk").first()
    if terakhir is not None:
        return terakhir.instrumen_kode
    return _paket(paket_terpasang_kode()).data["instrumen"]["kode"]


def paket_terpasang_kode() -> str:
    """The pack of this database: the Instansi row's, else the default (env PAKET_PEMDA, else pack `kupang`.."""
    kode = Instansi.objects.order_by("pk").values_list("paket_kode", flat=True).first()
    return kode or kode_bawaan()


@lru_cache(maxsize=8)
def _paket(kode: str) -> Paket:
    return baca(kode)


def ensure() -> None:
    """Reference data (apps.common.reference): after a flush, put back the installed pack's values and instrument
    (and the Instansi row of a pack other than the one a database without a row shows, Instansi.tanpa_baris())."""
    paket = _paket(paket_terpasang_kode())
    kode_nilai = {n["kode"] for n in isi_nilai(paket)}
    lengkap = (
        set(Nilai.objects.values_list("kode", flat=True)) == kode_nilai
        and InstrumenVersi.objects.filter(kode__startswith=paket.data["instrumen"]["kode"]).exists()
        and (Instansi.objects.exists() or Instansi.tanpa_baris().paket_kode == paket.kode)
    )
    if not lengkap:
        terapkan(paket, oleh="sistem (data acuan)")


def pasang_untuk_demo(kode: str) -> tuple[dict, str]:
    """`seed_demo --paket <kode>`: install the pack unless it is installed as it is (same checksum, nothing to
    change), and return its document and the current instrument version's code."""
    paket = _paket(kode)
    terakhir = RiwayatPaket.objects.order_by("-dipasang_pada", "-pk").first()
    if terakhir is None or terakhir.checksum != paket.checksum or rencanakan(paket).ada_perubahan:
        terapkan(paket, oleh="seed_demo")
    return paket.data, instrumen_aktif_kode()
