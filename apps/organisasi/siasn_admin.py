"""The admin's SIASN import page (docs/keputusan.md, «Impor SIASN»): upload with the column mapping, the dry-run
diff, confirm or cancel. Between the diff and the confirmation the file waits in the preview folder
(apps/common/pratinjau.py); the confirmation carries the diff's digest, and services.impor_siasn_terapkan
applies only that diff."""

import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, SuspiciousOperation, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.common import pratinjau
from apps.common.uploads import BerkasField, periksa_unggahan

from . import hak, services, siasn
from .akses import catat_akses
from .models import AksesData, ImporSiasn


class SiasnForm(forms.Form):
    """The file and, for each datum, the header names that hold it (comma-separated, first found wins)."""

    berkas = BerkasField(label=gettext_lazy("Berkas ekspor SIASN/SIMPEG (XLSX atau CSV)"))

    def __init__(self, *args, kolom: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kunci, nama in siasn.pemetaan_sah(kolom).items():
            self.fields[f"kolom_{kunci}"] = forms.CharField(
                label=siasn.LABEL[kunci],
                required=kunci in siasn.WAJIB,
                max_length=400,
                initial=", ".join(nama),
                help_text=_("wajib")
                if kunci in siasn.WAJIB
                else _("boleh dikosongkan: data ini lalu tidak diubah oleh impor"),
            )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > siasn.MAKS_BYTES:
            raise ValidationError(
                _("Berkas terlalu besar; paling besar %(max)s MB.") % {"max": siasn.MAKS_BYTES // 1024 // 1024}
            )
        data = b"".join(berkas.chunks())
        periksa_unggahan(berkas.name, data, siasn.MAKS_BYTES)
        berkas.data = data
        return berkas

    def kolom(self) -> dict[str, list[str]]:
        return {
            kunci: [n.strip() for n in self.cleaned_data.get(f"kolom_{kunci}", "").split(",") if n.strip()]
            for kunci in siasn.KOLOM_BAWAAN
        }


def _simpan_berkas(data: bytes) -> str:
    storage = pratinjau.PratinjauStorage(read_mode="rb")
    storage.save(data)
    return storage.name


def _baca_berkas(nama: str) -> bytes | None:
    if not pratinjau.nama_sah(nama):
        return None
    try:
        return pratinjau.PratinjauStorage(name=nama, read_mode="rb").read()
    except SuspiciousOperation:  # expired (an hour) or already used
        return None


def _hapus_berkas(nama: str) -> None:
    if pratinjau.nama_sah(nama):
        pratinjau.PratinjauStorage(name=nama).remove()


def _bagian(selisih: siasn.Selisih) -> list[dict]:
    """The parts of the diff as the page shows them: a title, a note, the column names and the first TAMPIL rows
    as text (empty parts are left out)."""
    n = siasn.TAMPIL
    unit = selisih.unit.get
    gol = selisih.golongan.get

    def nilai(kunci, v):
        return (gol(v) if kunci == "golongan" else v) or "-"

    nip_nama = [_("NIP"), _("Nama")]
    bagian = [
        (
            "galat",
            _("Baris yang salah"),
            _(
                "Nomor baris sama dengan nomor baris di lembar kerja. Perbaiki di berkas, lalu unggah ulang; tidak ada "
                "yang disimpan selama masih ada baris salah."
            ),
            [_("Baris"), _("Data"), _("Alasan")],
            selisih.bacaan.galat[:n],
        ),
        (
            "unit-tidak-dikenal",
            _("Unit tidak dikenal"),
            _(
                "Nama unit ini tidak ada (atau ada lebih dari satu) di registri. Tambahkan unitnya di Unit kerja, atau "
                "petakan kolom unit induk agar nama yang sama dapat dibedakan, lalu unggah ulang."
            ),
            [_("Unit di berkas"), _("Baris")],
            [
                (nama, ", ".join(map(str, baris[:10])) + (f" … ({len(baris)})" if len(baris) > 10 else ""))
                for nama, baris in list(selisih.bacaan.unit_tidak_dikenal.items())[:n]
            ],
        ),
        (
            "baru",
            _("Pegawai baru"),
            _("Tanpa akun: mereka mengaktifkan akun dengan kode aktivasi."),
            [_("Baris"), *nip_nama, _("Unit")],
            [(b.nomor, b.nip, b.nama, unit(b.unit_id)) for b in selisih.baru[:n]],
        ),
        (
            "mutasi",
            _("Mutasi (pindah unit, sejak hari ini)"),
            "",
            [*nip_nama, _("Dari"), _("Ke")],
            [(p.nip, p.nama, unit(p.unit_id), unit(u)) for p, u in selisih.mutasi[:n]],
        ),
        (
            "keluar",
            _("Keluar: ada di aplikasi, tidak ada di berkas"),
            _(
                "Pegawai ini dinonaktifkan (tidak dihapus); peran mereka (kepala, pimpinan unit, KBK, agen) berakhir "
                'kemarin, sehingga tugasnya pindah ke pejabat berikutnya atau ke daftar "tanpa penanggung jawab".'
            ),
            [*nip_nama, _("Unit")],
            [(p.nip, p.nama, unit(p.unit_id)) for p in selisih.keluar[:n]],
        ),
        ("kembali", _("Aktif kembali"), "", nip_nama, [(p.nip, p.nama) for p in selisih.kembali[:n]]),
        (
            "berubah",
            _("Golongan, jabatan atau data lain berubah"),
            "",
            [*nip_nama, _("Perubahan")],
            [
                (p.nip, p.nama, "; ".join(f"{siasn.LABEL[k]}: {nilai(k, a)} → {nilai(k, b)}" for k, a, b in beda))
                for p, beda in selisih.berubah[:n]
            ],
        ),
        (
            "kepala",
            _("Kepala unit menurut eselon/jabatan"),
            _(
                "Impor tidak mengubah peran Kepala PD atau Pimpinan Unit (perlu akun dan nomor SK): sesuaikan di "
                "Akun › Peran."
            ),
            [_("Unit"), _("Sebelum"), _("Sesudah")],
            [(unit(u), ", ".join(a) or "-", ", ".join(b) or "-") for u, a, b in selisih.kepala[:n]],
        ),
    ]
    return [
        {"kunci": kunci, "judul": judul, "catatan": catatan, "kolom": kolom, "baris": baris}
        for kunci, judul, catatan, kolom, baris in bagian
        if baris
    ]


def _halaman(request, model_admin, **context) -> TemplateResponse:
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Impor pegawai dari SIASN"),
        "riwayat": ImporSiasn.objects.select_related("oleh")[:10],
        "batas": siasn.TAMPIL,
        **context,
    }
    return TemplateResponse(request, "organisasi/admin/siasn.html", context)


def _pratinjau(request, model_admin, form, nama_berkas: str, token: str, data: bytes):
    """Read and compare; the page with the diff (or the refusal). The file stays only when it can be applied."""
    try:
        bacaan = siasn.baca(nama_berkas, data, services.pemetaan_siasn().kolom)
    except ValidationError as exc:
        _hapus_berkas(token)
        form.add_error(None, exc.messages)
        return _halaman(request, model_admin, form=form)
    selisih = siasn.bandingkan(bacaan, hashlib.sha256(data).hexdigest())
    catat_akses(request, AksesData.Jenis.PEGAWAI, _("Impor SIASN: pratinjau %(file)s") % {"file": nama_berkas})
    if not selisih.boleh_diterapkan or selisih.kosong:
        _hapus_berkas(token)
        token = ""
    return _halaman(
        request,
        model_admin,
        form=form,
        selisih=selisih,
        jumlah=selisih.jumlah(),
        bagian=_bagian(selisih),
        token=token,
        nama_berkas=nama_berkas,
    )


def siasn_view(request, model_admin):
    if not hak.boleh_impor_pegawai(request.user):
        raise PermissionDenied
    pemetaan = services.pemetaan_siasn()
    aksi = request.POST.get("aksi") if request.method == "POST" else None
    if aksi in ("terapkan", "batal"):
        token = request.POST.get("token", "")
        nama_berkas = request.POST.get("nama_berkas", "")[:200]
        data = _baca_berkas(token)
        if aksi == "batal" or data is None:
            _hapus_berkas(token)
            if data is None:
                messages.error(request, _("Pratinjau sudah kedaluwarsa (lebih dari satu jam); unggah berkas lagi."))
            else:
                messages.info(request, _("Impor dibatalkan; berkas unggahan sudah dihapus."))
            return redirect(reverse("admin:organisasi_pegawai_siasn"))
        try:
            impor = services.impor_siasn_terapkan(
                nama_berkas, data, digest=request.POST.get("digest", ""), aktor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            form = SiasnForm(kolom=pemetaan.kolom)
            return _pratinjau(request, model_admin, form, nama_berkas, token, data)
        _hapus_berkas(token)
        messages.success(
            request,
            _(
                "Impor SIASN tersimpan: %(baru)s pegawai baru, %(mutasi)s mutasi, %(keluar)s keluar "
                "(dinonaktifkan), %(kembali)s aktif kembali, %(berubah)s data berubah."
            )
            % impor.jumlah,
        )
        return redirect(reverse("admin:organisasi_pegawai_siasn"))
    form = SiasnForm(request.POST or None, request.FILES or None, kolom=pemetaan.kolom)
    if request.method == "POST" and form.is_valid():
        services.pemetaan_siasn_simpan(form.kolom(), aktor=request.user)
        berkas = form.cleaned_data["berkas"]
        return _pratinjau(request, model_admin, form, berkas.name[:200], _simpan_berkas(berkas.data), berkas.data)
    return _halaman(request, model_admin, form=form)
