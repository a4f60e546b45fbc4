"""The person's notices: a list page, and opening one (marks it read, goes to its page)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .models import Notifikasi
from .services import notifikasi_tandai_dibaca


def _get_notifikasi_for_user(request, pk: int) -> Notifikasi:
    """One of the user's own notices; anybody else's is a 404."""
    return get_object_or_404(Notifikasi, pk=pk, penerima=request.user)


def daftar(request):
    page = Paginator(Notifikasi.objects.filter(penerima=request.user), 30).get_page(request.GET.get("page"))
    # The list has been seen: the navigation badge clears (the items stay marked "baru" until opened).
    Notifikasi.objects.filter(penerima=request.user, dilihat__isnull=True).update(dilihat=timezone.now())
    return render(request, "notifikasi/daftar.html", {"page": page})


def buka(request, pk: int):
    notice = _get_notifikasi_for_user(request, pk)
    notifikasi_tandai_dibaca(request.user, pk=notice.pk)
    if not url_has_allowed_host_and_scheme(notice.url, allowed_hosts=None):
        return redirect("notifikasi:daftar")
    return redirect(notice.url)


@require_POST
def baca_semua(request):
    Notifikasi.objects.filter(penerima=request.user, dibaca__isnull=True).update(dibaca=timezone.now())
    return redirect("notifikasi:daftar")
