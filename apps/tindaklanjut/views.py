"""Follow-up pages (Lampiran BAB IV.2): the list (late first), one record, the due date and the transitions.

Rights are the named predicates of `Lingkup`; every record is looked up through `_get_tindak_lanjut_for_user`
(outside the user's scope: 404).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.akun.scope import lingkup
from apps.common.uploads import respons_berkas
from apps.organisasi.akses import catat_akses
from apps.organisasi.models import AksesData
from apps.survei.models import Periode

from . import services
from .forms import CatatanForm, JadwalForm, LaporanForm
from .models import TindakLanjut
from .selectors import tindak_lanjut_for_user
from .workflow import CATATAN_WAJIB, MENUNGGU, Aksi, Status, aksi_dari

LABEL_CATATAN = {
    Aksi.LAPORKAN: _("Yang telah dilakukan"),
    Aksi.KEMBALIKAN: _("Alasan dikembalikan"),
}


def _form(aksi: str, data=None, files=None):
    if aksi == Aksi.LAPORKAN:
        return LaporanForm(data, files, label=LABEL_CATATAN[aksi])
    if aksi in CATATAN_WAJIB:
        return CatatanForm(data, label=LABEL_CATATAN.get(aksi))
    return None


def _get_tindak_lanjut_for_user(request, pk: int) -> TindakLanjut:
    if not lingkup(request.user).boleh_lihat_tindak_lanjut_apa_pun:
        raise PermissionDenied
    return get_object_or_404(tindak_lanjut_for_user(request.user), pk=pk)


def daftar(request):
    scope = lingkup(request.user)
    if not scope.boleh_lihat_tindak_lanjut_apa_pun:
        raise PermissionDenied
    qs = tindak_lanjut_for_user(request.user)
    periodes = Periode.objects.filter(tindak_lanjut__in=qs).distinct().order_by("-tanggal_buka")
    kode = request.GET.get("periode", "")
    if kode:
        qs = qs.filter(periode__kode=kode)
    status = request.GET.get("status", "")
    if status in Status.values:
        qs = qs.filter(status=status)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "tindaklanjut/daftar.html",
        {"page": page, "periodes": periodes, "kode": kode, "status": status, "statuses": Status.choices},
    )


def detail(request, pk: int):
    return _halaman(request, _get_tindak_lanjut_for_user(request, pk))


def _halaman(request, tl: TindakLanjut, terikat=None, status: int = 200):
    """The record with a form per available step; `terikat` is (aksi, bound form) of a refused step, shown with
    its errors and everything typed."""
    tersedia = aksi_dari(tl.status, services.pelaku(tl, request.user))
    forms = [
        (aksi, Aksi(aksi).label, terikat[1] if terikat and terikat[0] == aksi else _form(aksi)) for aksi in tersedia
    ]
    scope = lingkup(request.user)
    context = {
        "tl": tl,
        "forms": forms,
        "menunggu": MENUNGGU.get(tl.status),
        "jadwal_form": JadwalForm(initial={"batas_waktu": tl.batas_waktu})
        if scope.boleh_periksa_tindak_lanjut and tl.status != Status.SELESAI
        else None,
        "riwayat": tl.riwayat.select_related("oleh__pegawai"),
    }
    return render(request, "tindaklanjut/detail.html", context, status=status)


@require_POST
def jadwal(request, pk: int):
    tl = _get_tindak_lanjut_for_user(request, pk)
    if not lingkup(request.user).boleh_periksa_tindak_lanjut:
        raise PermissionDenied
    form = JadwalForm(request.POST)
    if form.is_valid():
        try:
            services.tindak_lanjut_jadwalkan(tl, batas_waktu=form.cleaned_data["batas_waktu"], aktor=request.user)
            messages.success(request, _("Batas waktu tersimpan."))
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
    else:
        messages.error(request, _("Isi batas waktu dengan tanggal yang benar."))
    return redirect("tindaklanjut:detail", pk=tl.pk)


@require_POST
def transisi(request, pk: int, aksi: str):
    if aksi not in Aksi.values:
        raise Http404
    tl = _get_tindak_lanjut_for_user(request, pk)
    if not services.pelaku(tl, request.user):
        raise PermissionDenied
    catatan, bukti = "", None
    form = _form(aksi, request.POST, request.FILES)
    if form is not None:
        if not form.is_valid():
            return _halaman(request, tl, terikat=(aksi, form), status=400)
        catatan = form.cleaned_data["catatan"]
        bukti = form.cleaned_data.get("bukti")
    try:
        services.tindak_lanjut_transisi(tl, aksi=aksi, aktor=request.user, catatan=catatan, bukti=bukti)
        messages.success(request, _("Tersimpan: %(aksi)s.") % {"aksi": Aksi(aksi).label})
    except services.SudahBerubahError:
        messages.warning(request, _("Status tindak lanjut ini sudah berubah; lihat riwayat di bawah."))
    return redirect("tindaklanjut:detail", pk=tl.pk)


def bukti(request, pk: int):
    """The evidence file of a follow-up, only to those who may read it (outside the scope: 404)."""
    tl = _get_tindak_lanjut_for_user(request, pk)
    if not tl.bukti:
        raise Http404
    catat_akses(request, AksesData.Jenis.BERKAS, f"Bukti tindak lanjut {tl.pk}: {tl.bukti_nama}")
    return respons_berkas(tl.bukti, nama_unduhan=tl.bukti_nama, content_type=tl.bukti_jenis)
