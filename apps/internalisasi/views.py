"""Declarations and activities of one PD (Pasal 6-7). A PD outside the user's scope is a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.akun.scope import lingkup, perangkat_daerah_utuh_for_user
from apps.common.uploads import respons_berkas
from apps.organisasi.akses import catat_akses
from apps.organisasi.models import AksesData, PerangkatDaerah

from . import services
from .forms import DeklarasiForm, KegiatanForm
from .models import DeklarasiNilai, KegiatanInternalisasi


def _get_pd_for_user(request, kode: str) -> PerangkatDaerah:
    scope = lingkup(request.user)
    if not scope.boleh_lihat_internalisasi_apa_pun:
        raise PermissionDenied
    pd = get_object_or_404(PerangkatDaerah, kode=kode)
    if not scope.boleh_lihat_internalisasi(pd.pk):
        raise Http404("Perangkat daerah tidak ditemukan.")
    return pd


def index(request):
    scope = lingkup(request.user)
    if not scope.boleh_lihat_internalisasi_apa_pun:
        raise PermissionDenied
    if scope.pd_tunggal is not None:
        return redirect("internalisasi:pd", kode=PerangkatDaerah.objects.get(pk=scope.pd_tunggal).kode)
    pds = perangkat_daerah_utuh_for_user(request.user).filter(aktif=True).order_by("kode")
    pds = pds.annotate(
        deklarasi_terakhir=Max("deklarasi_nilai__tanggal"),
        jumlah_kegiatan=Count("kegiatan_internalisasi", distinct=True),
    )
    return render(request, "internalisasi/index.html", {"pds": pds})


def _halaman(request, pd, deklarasi_form=None, kegiatan_form=None, status=200):
    boleh = lingkup(request.user).boleh_catat_internalisasi(pd.pk)
    context = {
        "pd": pd,
        "deklarasi": pd.deklarasi_nilai.select_related("dicatat_oleh__pegawai"),
        "kegiatan": pd.kegiatan_internalisasi.prefetch_related("nilai"),
        "boleh_catat": boleh,
        "deklarasi_form": (deklarasi_form or DeklarasiForm()) if boleh else None,
        "kegiatan_form": (kegiatan_form or KegiatanForm()) if boleh else None,
    }
    return render(request, "internalisasi/pd.html", context, status=status)


def pd(request, kode: str):
    return _halaman(request, _get_pd_for_user(request, kode))


@require_POST
def deklarasi_tambah(request, kode: str):
    pd = _get_pd_for_user(request, kode)
    if not lingkup(request.user).boleh_catat_internalisasi(pd.pk):
        raise PermissionDenied
    form = DeklarasiForm(request.POST, request.FILES)
    if not form.is_valid():
        return _halaman(request, pd, deklarasi_form=form, status=400)
    services.deklarasi_catat(pd, aktor=request.user, data=form.cleaned_data)
    messages.success(request, _("Deklarasi nilai tercatat."))
    return redirect("internalisasi:pd", kode=pd.kode)


@require_POST
def kegiatan_tambah(request, kode: str):
    pd = _get_pd_for_user(request, kode)
    if not lingkup(request.user).boleh_catat_internalisasi(pd.pk):
        raise PermissionDenied
    form = KegiatanForm(request.POST, request.FILES)
    if not form.is_valid():
        return _halaman(request, pd, kegiatan_form=form, status=400)
    services.kegiatan_catat(pd, aktor=request.user, data=form.cleaned_data)
    messages.success(request, _("Kegiatan tercatat."))
    return redirect("internalisasi:pd", kode=pd.kode)


def berkas(request, kode: str, jenis: str, pk: int):
    """A declaration's document or an activity's evidence, only to those who may read the PD (else 404)."""
    pd = _get_pd_for_user(request, kode)
    model = {"deklarasi": DeklarasiNilai, "kegiatan": KegiatanInternalisasi}.get(jenis)
    if model is None:
        raise Http404
    obj = get_object_or_404(model, perangkat_daerah=pd, pk=pk)
    if not obj.bukti:
        raise Http404
    catat_akses(request, AksesData.Jenis.BERKAS, f"Berkas {jenis} {obj.pk}: {obj.bukti_nama}")
    return respons_berkas(obj.bukti, nama_unduhan=obj.bukti_nama, content_type=obj.bukti_jenis)
