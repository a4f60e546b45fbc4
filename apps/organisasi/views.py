from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from apps.akun.scope import lingkup, pegawai_for_user


def _get_pegawai_for_user(request, pk: int):
    return get_object_or_404(pegawai_for_user(request.user), pk=pk)


def profil(request):
    """The logged-in ASN's own registry record."""
    pegawai = lingkup(request.user).pegawai
    if pegawai is None:
        raise Http404
    return render(request, "organisasi/pegawai_detail.html", {"pegawai": pegawai, "milik_sendiri": True})


def pegawai_list(request):
    scope = lingkup(request.user)
    if not (scope.kabupaten or scope.pd_ids or scope.pimpinan_unit_ids):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    qs = pegawai_for_user(request.user).order_by("nama", "pk")
    q = request.GET.get("q", "").strip()[:100]
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nip__startswith=q) | Q(jabatan__icontains=q))
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(request, "organisasi/pegawai_list.html", {"page": page, "q": q})


def pegawai_detail(request, pk: int):
    pegawai = _get_pegawai_for_user(request, pk)
    return render(request, "organisasi/pegawai_detail.html", {"pegawai": pegawai, "milik_sendiri": False})
