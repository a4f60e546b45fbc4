"""Everything the app holds about one person, for "Data saya" (UU 27/2022 Pasal 6-7 and 15: the right to see and
to obtain a copy of one's personal data; docs/pdp.md, «Hak subjek data»).

Only the person's own records: their registry data and its history, their roles, their own Formulir 1 answers
(never a colleague's, never an aggregate), their nominations and appointments, their own rencana tindak and
reports, their notices, and who read their data (the read audit). Plain values only, so the same dict renders as
HTML, PDF and JSON.
"""

from django.utils import timezone

from apps.agen.models import Nominasi, Penetapan
from apps.akun.models import Peran
from apps.notifikasi.models import Notifikasi
from apps.organisasi.models import AksesData, Pegawai, PemberitahuanDiterima
from apps.rencana.models import RencanaTindak
from apps.survei.models import Jawaban, Respon


def _waktu(value) -> str:
    return timezone.localtime(value).strftime("%d-%m-%Y %H:%M") if value else ""


def _tanggal(value) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def kumpulkan(user) -> dict:
    """{"dibuat_pada": ..., "bagian": [{"kunci", "judul", "baris": [{label: value}]}]} for this user."""
    pegawai = Pegawai.objects.select_related("golongan", "unit_kerja__perangkat_daerah").filter(user=user).first()
    bagian = [
        _bagian(
            "akun",
            "Akun",
            [
                {
                    "Nama pengguna": user.get_username(),
                    "Email akun": user.email,
                    "Aktif": "ya" if user.is_active else "tidak",
                    "Terdaftar": _waktu(user.date_joined),
                    "Terakhir masuk": _waktu(user.last_login),
                }
            ],
        )
    ]
    bagian.append(
        _bagian(
            "peran",
            "Peran",
            [
                {
                    "Peran": peran.get_jenis_display(),
                    "Lingkup": str(peran.unit_kerja or peran.perangkat_daerah or "Kabupaten"),
                    "Mulai": _tanggal(peran.mulai),
                    "Sampai": _tanggal(peran.sampai),
                    "Nomor SK": peran.nomor_sk,
                }
                for peran in Peran.objects.filter(user=user).select_related("unit_kerja", "perangkat_daerah")
            ],
        )
    )
    if pegawai is not None:
        bagian += _bagian_pegawai(pegawai)
    bagian.append(
        _bagian(
            "pemberitahuan_pdp",
            "Pemberitahuan Pelindungan Data Pribadi yang diterima",
            [
                {"Versi": t.versi, "Diterima": _waktu(t.pada)}
                for t in PemberitahuanDiterima.objects.filter(user=user).order_by("pada")
            ],
        )
    )
    bagian.append(
        _bagian(
            "pemberitahuan",
            "Pemberitahuan dalam aplikasi",
            [
                {"Waktu": _waktu(n.dibuat), "Teks": n.teks, "Dibaca": _waktu(n.dibaca)}
                for n in Notifikasi.objects.filter(penerima=user).order_by("-dibuat")
            ],
        )
    )
    return {"dibuat_pada": _waktu(timezone.now()), "bagian": bagian}


def _bagian(kunci: str, judul: str, baris: list[dict]) -> dict:
    return {"kunci": kunci, "judul": judul, "baris": baris}


def _bagian_pegawai(pegawai: Pegawai) -> list[dict]:
    unit = pegawai.unit_kerja
    out = [
        _bagian(
            "pegawai",
            "Data registri",
            [
                {
                    "NIP": pegawai.nip,
                    "Nama": pegawai.nama,
                    "Gelar depan": pegawai.gelar_depan,
                    "Gelar belakang": pegawai.gelar_belakang,
                    "Jenis ASN": pegawai.get_jenis_asn_display(),
                    "Pangkat/golongan": str(pegawai.golongan or ""),
                    "Jabatan": pegawai.jabatan,
                    "Unit kerja": unit.nama,
                    "Perangkat Daerah": unit.perangkat_daerah.nama,
                    "Email": pegawai.email,
                    "Telepon": pegawai.telepon,
                    "Aktif": "ya" if pegawai.aktif else "tidak",
                }
            ],
        ),
        _bagian(
            "riwayat_unit",
            "Riwayat unit kerja (mutasi)",
            [
                {"Unit kerja": str(r.unit_kerja), "Mulai": _tanggal(r.mulai), "Sampai": _tanggal(r.sampai)}
                for r in pegawai.riwayat_unit.select_related("unit_kerja").order_by("mulai", "pk")
            ],
        ),
        _bagian(
            "riwayat_data",
            "Riwayat perubahan data registri",
            [
                {
                    "Waktu": _waktu(h.history_date),
                    "Perubahan": {"+": "dibuat", "~": "diubah", "-": "dihapus"}.get(h.history_type, h.history_type),
                    "Nama": h.nama,
                    "Jabatan": h.jabatan,
                    "Email": h.email,
                    "Telepon": h.telepon,
                    "Aktif": "ya" if h.aktif else "tidak",
                }
                for h in pegawai.history.order_by("history_date", "history_id")
            ],
        ),
        _bagian(
            "sanksi_disiplin",
            "Sanksi disiplin",
            [
                {
                    "Tingkat": s.get_tingkat_display(),
                    "Jenis": s.jenis,
                    "Nomor SK": s.nomor_sk,
                    "Mulai": _tanggal(s.mulai),
                    "Selesai": _tanggal(s.selesai),
                }
                for s in pegawai.sanksi.order_by("mulai", "pk")
            ],
        ),
        _bagian(
            "permintaan_perbaikan",
            "Permintaan perbaikan data",
            [
                {
                    "Diajukan": _waktu(p.diajukan_pada),
                    "Data": p.get_data_display(),
                    "Seharusnya": p.nilai_usulan,
                    "Status": p.get_status_display(),
                    "Catatan admin": p.catatan_admin,
                }
                for p in pegawai.permintaan_perbaikan.order_by("diajukan_pada", "pk")
            ],
        ),
    ]
    out += _bagian_formulir(pegawai)
    out.append(
        _bagian(
            "nominasi_agen",
            "Nominasi agen perubahan",
            [
                {
                    "Putaran": str(n.putaran),
                    "Status": n.get_status_display(),
                    "Diusulkan": _waktu(n.dibuat_pada),
                    "(c) bertanggung jawab": n.alasan_c,
                    "(d) taat disiplin": n.alasan_d,
                    "(e) pengaruh positif": n.alasan_e,
                    "(f) inovatif dan proaktif": n.alasan_f,
                }
                for n in Nominasi.objects.filter(pegawai=pegawai).select_related("putaran").order_by("dibuat_pada")
            ],
        )
    )
    out.append(
        _bagian(
            "agen_perubahan",
            "Penetapan agen perubahan",
            [
                {
                    "Nomor SK": p.surat_keputusan.nomor,
                    "Tanggal SK": _tanggal(p.surat_keputusan.tanggal),
                    "Masa tugas": f"{_tanggal(p.surat_keputusan.masa_mulai)} s.d. {_tanggal(p.surat_keputusan.masa_selesai)}",
                    "Peran": ", ".join(p.peran_label),
                    "Tugas": p.tugas,
                    "Status": str(p.StatusMasa(p.status_pada()).label),
                }
                for p in Penetapan.objects.filter(pegawai=pegawai).select_related("surat_keputusan")
            ],
        )
    )
    rencana = RencanaTindak.objects.filter(penetapan__pegawai=pegawai).order_by("dibuat_pada", "pk")
    out.append(
        _bagian(
            "rencana_tindak",
            "Rencana tindak",
            [
                {
                    "Judul": r.judul,
                    "Versi": r.versi,
                    "Status": r.get_status_display(),
                    "Mulai": _tanggal(r.mulai),
                    "Selesai": _tanggal(r.selesai),
                    "Baris": "; ".join(
                        f"{b.nomor}. {b.sasaran} ({b.target_angka or ''} {b.target_satuan})".strip()
                        for b in r.baris.order_by("nomor")
                    ),
                    "Laporan kemajuan": "; ".join(
                        f"{_tanggal(lk.periode_mulai)} s.d. {_tanggal(lk.periode_selesai)}: {lk.get_status_display()}"
                        for lk in r.laporan.order_by("periode_mulai")
                    ),
                }
                for r in rencana
            ],
        )
    )
    out.append(
        _bagian(
            "jejak_baca",
            "Siapa membaca data Anda",
            [
                {"Waktu": _waktu(a.waktu), "Pembaca": a.pembaca_nama, "Jenis": a.get_jenis_display(), "Apa": a.objek}
                for a in AksesData.objects.filter(subjek=pegawai).order_by("waktu", "pk")
            ],
        )
    )
    return out


def _bagian_formulir(pegawai: Pegawai) -> list[dict]:
    """The person's own responses and answers (only theirs: the filter is on their own pegawai)."""
    respon = list(Respon.objects.filter(pegawai=pegawai).select_related("periode").order_by("dibuat_pada", "pk"))
    out = [
        _bagian(
            "formulir1",
            "Formulir 1: respon Anda",
            [
                {
                    "Periode": r.periode.kode,
                    "Status": r.get_status_display(),
                    "Dikirim": _waktu(r.dikirim_pada),
                    "TS I": r.total_1,
                    "TS II": r.total_2,
                    "TS III": r.total_3,
                }
                for r in respon
            ],
        )
    ]
    jawaban = Jawaban.objects.filter(respon__pegawai=pegawai).select_related("butir__bagian")
    per_respon: dict[int, list] = {}
    for j in jawaban.order_by("butir__bagian__urutan", "butir__nomor"):
        per_respon.setdefault(j.respon_id, []).append(j)
    for r in respon:
        out.append(
            _bagian(
                f"jawaban_{r.periode.kode}",
                f"Formulir 1 periode {r.periode.kode}: jawaban Anda",
                [
                    {"Bagian": j.butir.bagian.kode, "Butir": j.butir.nomor, "Teks": j.butir.teks, "Jawaban": j.nilai}
                    for j in per_respon.get(r.pk, [])
                ],
            )
        )
    return out
