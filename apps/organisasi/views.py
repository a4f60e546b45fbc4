from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from apps.akun.scope import lingkup, pegawai_for_user

from . import hak, services
from .akses import catat_akses
from .forms import PermintaanPerbaikanForm
from .models import AksesData, UnitKerja
from .template_impor import template_pegawai

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _get_pegawai_for_user(request, pk: int):
    return get_object_or_404(pegawai_for_user(request.user), pk=pk)


def profil(request):
    """The logged-in ASN's own registry record, and their requests to correct it (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»)."""
    pegawai = lingkup(request.user).pegawai
    if pegawai is None:
        raise Http404
    form = PermintaanPerbaikanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.permintaan_perbaikan_ajukan(pegawai, **form.cleaned_data, aktor=request.user)
        messages.success(request, _("Permintaan perbaikan terkirim ke admin Bagian Organisasi."))
        return redirect("organisasi:profil")
    context = {
        "pegawai": pegawai,
        "milik_sendiri": True,
        "form": form,
        "permintaan": pegawai.permintaan_perbaikan.order_by("-diajukan_pada", "-pk"),
    }
    return render(request, "organisasi/pegawai_detail.html", context)


# The staff search words live in the session, not in the URL: a NIP typed in the search is sent by POST and
# never appears in an address, a browser history or an access log (docs/pdp.md, «Log akses»).
CARI_PEGAWAI = "cari_pegawai"


def pegawai_list(request):
    if not lingkup(request.user).boleh_lihat_pegawai_apa_pun:
        raise PermissionDenied
    if request.method == "POST":
        request.session[CARI_PEGAWAI] = request.POST.get("q", "").strip()[:100]
        return redirect("organisasi:pegawai_list")
    qs = pegawai_for_user(request.user).order_by("nama", "pk")
    q = request.session.get(CARI_PEGAWAI, "")
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nip__startswith=q) | Q(jabatan__icontains=q))
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    catat_akses(request, AksesData.Jenis.PEGAWAI, f"Daftar pegawai, halaman {page.number}")
    # Passed as "cari", not "q": _pagination.html would put "q" in the page links.
    return render(request, "organisasi/pegawai_list.html", {"page": page, "cari": q})


def pegawai_detail(request, pk: int):
    pegawai = _get_pegawai_for_user(request, pk)
    catat_akses(request, AksesData.Jenis.PEGAWAI, f"Pegawai {pegawai.pk}", subjek=pegawai)
    return render(request, "organisasi/pegawai_detail.html", {"pegawai": pegawai, "milik_sendiri": False})


def impor_template(request):
    """The pegawai import template (XLSX) for those who may import pegawai."""
    if not hak.boleh_impor_pegawai(request.user):
        raise PermissionDenied
    unit = UnitKerja.objects.order_by("perangkat_daerah__kode", "path").first()
    response = HttpResponse(template_pegawai(unit.kode if unit else "KODE.UNIT"), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="templat-impor-pegawai.xlsx"'
    return response
