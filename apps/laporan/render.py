"""The Laporan Evaluasi as HTML context, PDF and XLSX (Lampiran BAB IV.2; docs/keputusan.md, «Laporan Evaluasi: angka per baris»). Presentation only:
every number comes from `apps.hasil.selectors` as it is printed."""

from apps.common.export import xlsx_bytes
from apps.common.models import Instansi
from apps.common.pdf import render_pdf
from apps.hasil.selectors import BAGIAN, Baris, Laporan, Penandatangan
from apps.survei.scoring import Kategori

from .selectors.ringkasan import perubahan, ringkasan
from .services import tanggal_indonesia

JUDUL = "Laporan Evaluasi Budaya Kerja Pada"  # + the instansi's name (apps.common.models.Instansi)
KOLOM = ["Satuan/Unit Kerja", "TS I", "Ka I", "TS II", "Ka II", "TS III", "Ka III", "Keterangan"]


def nama_bagian(instansi: Instansi) -> dict[str, str]:
    """The section headings of Formulir 1 (Lampiran BAB IV.1), with the name of the pemda's own values."""
    nilai = instansi.istilah_dari("nilai_organisasi")
    return {
        "I": f"I. Penerapan Nilai-Nilai Organisasi {nilai} dalam Kepemimpinan dan Manajemen",
        "II": f"II. Penerapan Nilai-Nilai Organisasi {nilai} dalam Pola Pikir dan Cara Kerja",
        "III": "III. Penerapan Nilai-Nilai Dasar (Core Value) ASN BerAKHLAK dalam Perilaku Bekerja",
    }


CARA_MEMBACA = (
    "Cara membaca: TS (Total Skor) adalah rata-rata jumlah nilai jawaban responden pada satu bagian Formulir 1, "
    "dan Ka (Kategori) adalah golongannya: BAIK, CUKUP BAIK, KURANG BAIK atau BURUK. Nilai jawaban 1 berarti "
    "\u201cYa\u201d/\u201cSangat tinggi\u201d dan 4 berarti \u201cTidak\u201d/\u201cKurang\u201d, sehingga "
    "skor lebih kecil berarti penerapan nilai lebih baik."
)


def tindak_lanjut_perhatian(instansi: Instansi, laporan: Laporan, *, pdf: bool) -> str:
    """The summary's note on what follows for rows in KURANG BAIK or BURUK (Lampiran BAB IV angka 1): the pemda's
    own sentence when its pack has one (`tindak_lanjut_laporan`, `_pdf` for the PDF; docs/paket.md), else the
    follow-up texts of the instrument's bands."""
    kunci = "tindak_lanjut_laporan_pdf" if pdf else "tindak_lanjut_laporan"
    bands = [b for b in laporan.bands[BAGIAN[0]] if b.kategori in (Kategori.KURANG_BAIK, Kategori.BURUK)]
    return instansi.teks_dari(kunci) or "; ".join(f"{b.kategori.label} \u2014 {b.tindak_lanjut}" for b in bands)


def konteks(
    laporan: Laporan,
    *,
    sebelumnya: Laporan | None = None,
    pelaksanaan: list | None = None,
    surat: Penandatangan | None = None,
    draf: bool | None = None,
) -> dict:
    """What the HTML page and the PDF template print: the table, and before it the summary a reader needs first
    (participation, the kabupaten's values, who needs attention and why), the change since the previous periode
    (rows printed in both), and for the consolidated report the implementation per PD and the covering letter."""
    delta = perubahan(laporan, sebelumnya)
    instansi = Instansi.aktif()
    judul_bagian = nama_bagian(instansi)
    # Beside each PD's change: its approved plans and their average achievement (Lampiran BAB III 2.2.5).
    rencana = {f"pd:{p.pd_id}": p.rencana for p in pelaksanaan or []}
    return {
        "laporan": laporan,
        "judul": f"{JUDUL} {instansi.nama}",
        "kolom": KOLOM,
        "cara_membaca": CARA_MEMBACA,
        "tempat_tanggal": f"{instansi.tempat}, {tanggal_indonesia(laporan.tanggal)}",
        "tanggal": tanggal_indonesia(laporan.tanggal),
        "tindak_lanjut_perhatian": tindak_lanjut_perhatian(instansi, laporan, pdf=False),
        "tindak_lanjut_perhatian_pdf": tindak_lanjut_perhatian(instansi, laporan, pdf=True),
        "band_tables": [(judul_bagian[kode], laporan.bands[kode]) for kode in BAGIAN],
        "nama_bagian": [judul_bagian[kode] for kode in BAGIAN],
        "ringkasan": ringkasan(laporan) if laporan.agregat else None,
        "sebelumnya": sebelumnya,
        "perubahan": [(b, delta[b.kunci], rencana.get(b.kunci)) for b in laporan.baris if b.kunci in delta],
        "perubahan_rata_rata": delta.get(""),
        "pelaksanaan": pelaksanaan,
        "surat": surat,
        "instansi": instansi,
        "draf": (not laporan.versi) if draf is None else draf,
    }


def pdf_bytes(laporan: Laporan, **extra) -> bytes:
    return render_pdf("laporan/pdf/laporan.html", konteks(laporan, **extra))


def _cells(row: Baris) -> list:
    if row.nilai is None:
        return [row.tanda] + [""] * 5
    cells = []
    for nilai in row.nilai:
        cells += [nilai.ts, nilai.ka.label]
    return cells


def xlsx(
    laporan: Laporan,
    *,
    sebelumnya: Laporan | None = None,
    pelaksanaan: list | None = None,
    surat: Penandatangan | None = None,
    draf: bool | None = None,
) -> bytes:
    """The same report as the PDF: the summary first, the table (numbers as numbers), the change since the
    previous periode, the implementation per PD, the report data and the band table. Text is neutralised by
    xlsx_bytes."""
    ctx = konteks(laporan, sebelumnya=sebelumnya, pelaksanaan=pelaksanaan, surat=surat, draf=draf)
    rows = [[b.nama, *_cells(b), b.keterangan, b.n_responden, b.n_asn] for b in laporan.baris]
    for extra in (laporan.rata_rata, laporan.seluruh):
        if extra is not None:
            rows.append([extra.nama, *_cells(extra), extra.keterangan, extra.n_responden, extra.n_asn])
    signer = laporan.penandatangan
    info = [
        ["Judul", ctx["judul"]],
        ["Instansi", laporan.instansi],
        ["Periode", f"{laporan.periode_nama} ({laporan.periode_kode})"],
        ["Tanggal", ctx["tempat_tanggal"]],
        ["Penanggung Jawab Evaluasi", signer.nama_tampil if signer else ""],
        ["Jabatan", signer.jabatan if signer else ""],
        ["Pangkat/Golongan", signer.pangkat_golongan if signer else ""],
        ["NIP", signer.nip if signer else ""],
        ["Versi", "DRAF (belum final)" if ctx["draf"] else laporan.versi],
    ]
    bands = [
        [kode, band.kategori.label, band.skor_min, band.skor_max, band.tindak_lanjut]
        for kode in BAGIAN
        for band in laporan.bands[kode]
    ]
    sheets = [("Ringkasan", ["Isian", "Nilai"], _ringkasan_rows(ctx["ringkasan"]))] if ctx["ringkasan"] else []
    sheets.append(("Laporan Evaluasi", [*KOLOM, "Partisipasi: responden", "Partisipasi: ASN aktif"], rows))
    if sebelumnya is not None:
        delta = [
            [b.nama, *d, r.jumlah_disetujui if r else 0, r.rata_rata_capaian if r else None]
            for b, d, r in ctx["perubahan"]
        ]
        if ctx["perubahan_rata_rata"]:
            delta.append(["RATA-RATA", *ctx["perubahan_rata_rata"]])
        sheets.append(
            (
                f"Perubahan sejak {sebelumnya.periode_kode}",
                ["Satuan/Unit Kerja", "Δ TS I", "Δ TS II", "Δ TS III"],
                delta,
            )
        )
    if pelaksanaan is not None:
        sheets.append(
            (
                "Pelaksanaan",
                [
                    "Perangkat daerah",
                    "Deklarasi nilai",
                    "Kegiatan",
                    "Peserta",
                    "Agen aktif",
                    "Rencana disetujui",
                    "Capaian rata-rata (%)",
                    "Tindak lanjut",
                ],
                [
                    [
                        p.nama,
                        p.deklarasi.strftime("%d-%m-%Y") if p.deklarasi else "belum ada",
                        p.kegiatan,
                        p.peserta,
                        p.agen,
                        p.rencana.jumlah_disetujui if p.rencana else 0,
                        p.rencana.rata_rata_capaian if p.rencana else None,
                        p.tindak_lanjut.teks if p.tindak_lanjut else "tidak ada",
                    ]
                    for p in pelaksanaan
                ],
            )
        )
    sheets += [
        ("Keterangan laporan", ["Isian", "Nilai"], info),
        ("Tabel kategori", ["Bagian", "Kategori", "Skor minimum", "Skor maksimum", "Tindak lanjut"], bands),
    ]
    return xlsx_bytes(sheets)


def _ringkasan_rows(r) -> list[list]:
    rows = [["Cara membaca", CARA_MEMBACA], ["Partisipasi: responden", r.responden]]
    if r.asn is not None:
        rows += [["Partisipasi: ASN aktif", r.asn], ["Partisipasi (%)", r.persen]]
    if r.kabupaten:
        for kode, n in zip(BAGIAN, r.kabupaten, strict=True):
            rows += [[f"RATA-RATA TS {kode}", n.ts], [f"RATA-RATA Ka {kode}", n.ka.label]]
    rows += [["Perlu perhatian", f"{s.nama}: {s.alasan}"] for s in r.perlu_perhatian]
    rows += [["Terkuat", f"{s.nama} (rata-rata per butir {s.indeks})"] for s in r.terkuat]
    rows += [["Terlemah", f"{s.nama} (rata-rata per butir {s.indeks})"] for s in r.terlemah]
    return rows
