"""The privacy notice and "Data saya" (docs/pdp.md; UU 27/2022 Pasal 5, 7 and 13)."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from apps.common.models import Instansi
from apps.common.pdf import PdfRenderTimeoutError, render_pdf
from apps.organisasi.akses import catat_akses
from apps.organisasi.models import AksesData, Pegawai, PemberitahuanDiterima

from .data_saya import kumpulkan


def _tujuan_aman(request) -> str | None:
    tujuan = request.POST.get("next") or request.GET.get("next") or ""
    if tujuan and url_has_allowed_host_and_scheme(tujuan, {request.get_host()}, require_https=request.is_secure()):
        return tujuan
    return None


@login_not_required
def pemberitahuan(request):
    """The notice, open to everyone (linked in the footer). A logged-in person acknowledges it by POST; Formulir 1
    sends them here first (apps/survei/views.py) and this sends them back (`next`)."""
    if request.method == "POST" and request.user.is_authenticated:
        PemberitahuanDiterima.terima(request.user, request.session)
        return redirect(_tujuan_aman(request) or "beranda")
    context = {
        "next": _tujuan_aman(request) or "",
        "sudah": PemberitahuanDiterima.sudah(request.user, request.session),
        "versi": PemberitahuanDiterima.VERSI,
        "retensi": settings.RETENSI,
        "pejabat_pdp": settings.PEJABAT_PDP,
        "instansi": Instansi.aktif(),
    }
    return render(request, "pdp/pemberitahuan.html", context)


def _subjek(request) -> Pegawai | None:
    return Pegawai.objects.filter(user=request.user).first()


@never_cache
def data_saya(request):
    catat_akses(request, AksesData.Jenis.DATA_SAYA, "Data saya (halaman)", subjek=_subjek(request))
    return render(request, "pdp/data_saya.html", {"data": kumpulkan(request.user)})


@never_cache
def data_saya_pdf(request):
    catat_akses(request, AksesData.Jenis.DATA_SAYA, "Data saya (PDF)", subjek=_subjek(request))
    try:
        pdf = render_pdf("pdp/pdf/data_saya.html", {"data": kumpulkan(request.user), "user": request.user})
    except PdfRenderTimeoutError:
        return HttpResponse("PDF belum dapat dibuat (batas waktu terlampaui). Coba lagi.", status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="data-saya.pdf"'
    return response


@never_cache
def data_saya_json(request):
    catat_akses(request, AksesData.Jenis.DATA_SAYA, "Data saya (JSON)", subjek=_subjek(request))
    data = kumpulkan(request.user)
    body = {"dibuat_pada": data["dibuat_pada"], **{b["kunci"]: b["baris"] for b in data["bagian"]}}
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = 'attachment; filename="data-saya.json"'
    return response
