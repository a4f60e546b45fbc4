"""The data objects of the Laporan Evaluasi (Lampiran BAB IV.2) and their JSON form for the snapshot of a final
report: a row (`Baris`), its section values (`Nilai`), the signer (`Penandatangan`) and one report (`Laporan`)."""

import datetime
from dataclasses import asdict, dataclass
from decimal import Decimal

from apps.survei.scoring import Band, Kategori

BAGIAN = ("I", "II", "III")

KOSONG = "—"
KURANG = "< 3 responden"
DISEMBUNYIKAN = "disembunyikan"


@dataclass(frozen=True)
class Nilai:
    """TS and Ka of one section in one row."""

    ts: Decimal
    ka: Kategori

    @property
    def ka_label(self) -> str:
        return self.ka.label


@dataclass
class Baris:
    """One row of the Laporan Evaluasi. `nilai` is None when `tanda` says why ("—", "< 3 responden",
    "disembunyikan"); `alasan` explains a hidden row in words a reader understands."""

    nama: str
    n_responden: int
    n_asn: int | None
    nilai: tuple[Nilai, ...] | None = None
    tanda: str = ""
    catatan: str = ""
    kunci: str = ""  # "pd:<id>" or "unit:<id>": where a Tim Monev note attaches
    ref_id: int | None = None
    ref_kode: str = ""
    ada_sub_unit: bool = False
    alasan: str = ""

    @property
    def anker(self) -> str:
        return self.kunci.replace(":", "-")

    @property
    def partisipasi(self) -> str:
        return f"{self.n_responden} / {self.n_asn}" if self.n_asn is not None else str(self.n_responden)

    @property
    def keterangan(self) -> str:
        parts = [f"Partisipasi {self.partisipasi}", self.alasan.rstrip("."), self.catatan]
        return ". ".join(p for p in parts if p)


@dataclass(frozen=True)
class Penandatangan:
    """Penanggung Jawab Evaluasi: the Sekda (consolidated) or the Kepala PD (per PD)."""

    nama: str
    jabatan: str
    pangkat_golongan: str
    nip: str
    sebutan: str = ""

    @property
    def nama_tampil(self) -> str:
        return f"{self.sebutan} {self.nama}".strip()


@dataclass
class Laporan:
    """The Laporan Evaluasi of one level: consolidated (rows per PD) or one PD (rows per unit)."""

    tingkat: str  # "konsolidasi" or "pd"
    periode_kode: str
    periode_nama: str
    instansi: str
    agregat: bool
    baris: list[Baris]
    rata_rata: Baris | None
    seluruh: Baris | None
    bands: dict[str, list[Band]]
    penandatangan: Penandatangan | None
    tanggal: datetime.date
    pd_id: int | None = None
    pd_kode: str = ""
    induk_id: int | None = None
    induk_nama: str = ""
    versi: int | None = None  # the snapshot version of a FINAL periode's report

    @property
    def jumlah_responden(self) -> int:
        return sum(b.n_responden for b in self.baris)

    def to_json(self) -> dict:
        """Plain JSON (Decimals as strings) for the snapshot of a finalised report."""
        data = asdict(self)
        data["tanggal"] = self.tanggal.isoformat()
        return _jsonable(data)

    @classmethod
    def from_json(cls, data: dict) -> "Laporan":
        def baris(d: dict | None) -> Baris | None:
            if d is None:
                return None
            nilai = d.pop("nilai")
            return Baris(**d, nilai=tuple(Nilai(Decimal(n["ts"]), Kategori(n["ka"])) for n in nilai) if nilai else None)

        data = dict(data)
        return cls(
            **{
                **data,
                "baris": [baris(dict(b)) for b in data["baris"]],
                "rata_rata": baris(dict(data["rata_rata"])) if data["rata_rata"] else None,
                "seluruh": baris(dict(data["seluruh"])) if data["seluruh"] else None,
                "bands": {
                    k: [Band(Kategori(b["kategori"]), **_without(b, "kategori")) for b in v]
                    for k, v in data["bands"].items()
                },
                "penandatangan": Penandatangan(**data["penandatangan"]) if data["penandatangan"] else None,
                "tanggal": datetime.date.fromisoformat(data["tanggal"]),
            }
        )


def _without(d: dict, key: str) -> dict:
    return {k: v for k, v in d.items() if k != key}


def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
