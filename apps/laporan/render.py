"""The Laporan Evaluasi as HTML context, PDF and XLSX (Lampiran BAB IV.2; SPEC 9). Presentation only:
every number comes from `apps.laporan.selectors` as it is printed."""

from apps.common.export import xlsx_bytes
from apps.common.pdf import render_pdf

from .selectors import BAGIAN, Baris, Laporan
from .services import tanggal_indonesia

JUDUL = "Laporan Evaluasi Budaya Kerja Pada Pemerintah Kabupaten Kupang"
KOLOM = ["Satuan/Unit Kerja", "TS I", "Ka I", "TS II", "Ka II", "TS III", "Ka III", "Keterangan"]
TEMPAT = "Oelamasi"
NAMA_BAGIAN = {
    "I": "I. Implementasi Nilai-Nilai Organisasi MEDIASI",
    "II": "II. Nilai-Nilai Organisasi MEDIASI dalam Perilaku Bekerja",
    "III": "III. Nilai-Nilai Dasar ASN BerAKHLAK dalam Perilaku Bekerja",
}


def konteks(laporan: Laporan) -> dict:
    """What the HTML page and the PDF template print."""
    return {
        "laporan": laporan,
        "judul": JUDUL,
        "kolom": KOLOM,
        "tempat_tanggal": f"{TEMPAT}, {tanggal_indonesia(laporan.tanggal)}",
        "tanggal": tanggal_indonesia(laporan.tanggal),
        "band_tables": [(NAMA_BAGIAN[kode], laporan.bands[kode]) for kode in BAGIAN],
    }


def pdf_bytes(laporan: Laporan) -> bytes:
    return render_pdf("laporan/pdf/laporan.html", konteks(laporan))


def _cells(row: Baris) -> list:
    if row.nilai is None:
        return [row.tanda] + [""] * 5
    cells = []
    for nilai in row.nilai:
        cells += [nilai.ts, nilai.ka.label]
    return cells


def xlsx(laporan: Laporan) -> bytes:
    """The same table, numbers as numbers (TS), text cells neutralised by xlsx_bytes; a sheet of report data."""
    rows = [[b.nama, *_cells(b), b.keterangan, b.n_responden, b.n_asn] for b in laporan.baris]
    for extra in (laporan.rata_rata, laporan.seluruh):
        if extra is not None:
            rows.append([extra.nama, *_cells(extra), extra.keterangan, extra.n_responden, extra.n_asn])
    signer = laporan.penandatangan
    info = [
        ["Judul", JUDUL],
        ["Instansi", laporan.instansi],
        ["Periode", f"{laporan.periode_nama} ({laporan.periode_kode})"],
        ["Tanggal", f"{TEMPAT}, {tanggal_indonesia(laporan.tanggal)}"],
        ["Penanggung Jawab Evaluasi", signer.nama_tampil if signer else ""],
        ["Jabatan", signer.jabatan if signer else ""],
        ["Pangkat/Golongan", signer.pangkat_golongan if signer else ""],
        ["NIP", signer.nip if signer else ""],
        ["Versi", laporan.versi or "belum final"],
    ]
    bands = [
        [kode, band.kategori.label, band.skor_min, band.skor_max, band.tindak_lanjut]
        for kode in BAGIAN
        for band in laporan.bands[kode]
    ]
    return xlsx_bytes(
        [
            ("Laporan Evaluasi", [*KOLOM, "Responden", "ASN aktif"], rows),
            ("Keterangan laporan", ["Isian", "Nilai"], info),
            ("Tabel kategori", ["Bagian", "Kategori", "Skor minimum", "Skor maksimum", "Tindak lanjut"], bands),
        ]
    )
