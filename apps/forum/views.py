"""Views of the Forum Agen Perubahan. Objects come through the scoped selectors (404 outside scope); a write
the user lacks on a visible forum is a 403 (rights on Lingkup: boleh_catat_pertemuan_forum,
boleh_tulis_praktik_baik)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.akun.scope import lingkup
from apps.common.uploads import respons_berkas
from apps.nilai.models import Nilai
from apps.organisasi.akses import catat_akses
from apps.organisasi.models import AksesData

from . import selectors, services
from .forms import CariPraktikForm, LampiranForm, PertemuanForm, PraktikBaikForm
from .selectors import Forum

PER_PAGE = 20


def _page(request, qs):
    return Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))


def _get_pertemuan_for_user(request, pk: int):
    return get_object_or_404(selectors.pertemuan_for_user(request.user), pk=pk)


def _get_praktik_for_user(request, pk: int):
    return get_object_or_404(selectors.praktik_baik_for_user(request.user), pk=pk)


def _forum_dari(pd) -> Forum:
    return Forum(pd)


def _praktik_dengan_nilai(qs):
    return qs.prefetch_related(Prefetch("nilai", queryset=Nilai.objects.order_by("sistem", "urutan")))


def _form_error(form, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error("berkas" if "berkas" in form.fields else None, message)


def index(request):
    """The forums the user reads (the kabupaten's first) and the latest praktik baik."""
    scope = lingkup(request.user)
    forums = [(f, scope.boleh_catat_pertemuan_forum(f.pd_id)) for f in selectors.forum_list_for_user(request.user)]
    terbaru = _praktik_dengan_nilai(selectors.praktik_baik_for_user(request.user))[:5]
    return render(request, "forum/index.html", {"forums": forums, "terbaru": terbaru})


def forum_detail(request, kode: str):
    forum = selectors.forum_for_user(request.user, kode)
    scope = lingkup(request.user)
    pertemuan = (
        selectors.pertemuan_for_user(request.user)
        .filter(perangkat_daerah_id=forum.pd_id)
        .prefetch_related("peserta__pegawai")
        .order_by("-tanggal", "-pk")
    )
    praktik = _praktik_dengan_nilai(
        selectors.praktik_baik_for_user(request.user).filter(perangkat_daerah_id=forum.pd_id)
    )[:10]
    context = {
        "forum": forum,
        "page": _page(request, pertemuan),
        "praktik": praktik,
        "boleh_catat": scope.boleh_catat_pertemuan_forum(forum.pd_id),
        "boleh_tulis": scope.boleh_tulis_praktik_baik(forum.pd_id),
    }
    return render(request, "forum/forum_detail.html", context)


# Meetings -----------------------------------------------------------------------------------------------------


def pertemuan_tambah(request, kode: str):
    forum = selectors.forum_for_user(request.user, kode)
    if not lingkup(request.user).boleh_catat_pertemuan_forum(forum.pd_id):
        raise PermissionDenied
    form = PertemuanForm(request.POST or None, request.FILES or None, agen_qs=selectors.agen_forum(forum.pd_id))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pertemuan = services.pertemuan_catat(
                forum,
                tanggal=data["tanggal"],
                topik=data["topik"],
                fasilitator=data["fasilitator"],
                peserta=data["peserta"],
                catatan=data["catatan"],
                berkas=data.get("berkas"),
                aktor=request.user,
            )
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Pertemuan dicatat."))
            return redirect("forum:pertemuan_detail", pk=pertemuan.pk)
    return render(request, "forum/pertemuan_form.html", {"form": form, "forum": forum, "pertemuan": None})


def pertemuan_detail(request, pk: int):
    return _halaman_pertemuan(request, _get_pertemuan_for_user(request, pk))


def _halaman_pertemuan(request, pertemuan, form_lampiran=None, status: int = 200):
    """The meeting page; a refused attachment shows its bound form with the error beside the file field."""
    boleh_catat = lingkup(request.user).boleh_catat_pertemuan_forum(pertemuan.perangkat_daerah_id)
    context = {
        "pertemuan": pertemuan,
        "forum": _forum_dari(pertemuan.perangkat_daerah),
        "peserta": pertemuan.peserta.select_related("pegawai", "nominasi__unit_kerja").order_by("pegawai__nama"),
        "lampiran": pertemuan.lampiran.all(),
        "boleh_catat": boleh_catat,
        "form_lampiran": (form_lampiran or LampiranForm()) if boleh_catat else None,
    }
    return render(request, "forum/pertemuan_detail.html", context, status=status)


def pertemuan_ubah(request, pk: int):
    pertemuan = _get_pertemuan_for_user(request, pk)
    if not lingkup(request.user).boleh_catat_pertemuan_forum(pertemuan.perangkat_daerah_id):
        raise PermissionDenied
    agen_qs = selectors.agen_forum(pertemuan.perangkat_daerah_id, pertemuan.peserta.values_list("pk", flat=True))
    form = PertemuanForm(request.POST or None, instance=pertemuan, agen_qs=agen_qs, dengan_berkas=False)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.pertemuan_ubah(
            pertemuan,
            tanggal=data["tanggal"],
            topik=data["topik"],
            fasilitator=data["fasilitator"],
            peserta=data["peserta"],
            catatan=data["catatan"],
            aktor=request.user,
        )
        messages.success(request, _("Catatan pertemuan diperbarui."))
        return redirect("forum:pertemuan_detail", pk=pk)
    forum = _forum_dari(pertemuan.perangkat_daerah)
    return render(request, "forum/pertemuan_form.html", {"form": form, "forum": forum, "pertemuan": pertemuan})


@require_POST
def lampiran_tambah(request, pk: int):
    pertemuan = _get_pertemuan_for_user(request, pk)
    if not lingkup(request.user).boleh_catat_pertemuan_forum(pertemuan.perangkat_daerah_id):
        raise PermissionDenied
    form = LampiranForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.lampiran_unggah(pertemuan, berkas=form.cleaned_data["berkas"], aktor=request.user)
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Lampiran diunggah."))
            return redirect("forum:pertemuan_detail", pk=pk)
    return _halaman_pertemuan(request, pertemuan, form_lampiran=form, status=400)


def lampiran_unduh(request, kunci):
    """A meeting file, only to those who read the meeting (404 otherwise), never at a public URL."""
    lampiran = get_object_or_404(selectors.lampiran_for_user(request.user), kunci=kunci)
    catat_akses(request, AksesData.Jenis.BERKAS, f"Lampiran forum {lampiran.pk}: {lampiran.nama_asli}")
    return respons_berkas(lampiran.berkas, nama_unduhan=lampiran.nama_asli, content_type=lampiran.content_type)


# Praktik baik -------------------------------------------------------------------------------------------------


def praktik_list(request):
    """Every praktik baik, searchable by value and words, so one unit's progress can be replicated."""
    form = CariPraktikForm(request.GET or None)
    qs = selectors.praktik_baik_for_user(request.user)
    if form.is_valid():
        if form.cleaned_data["nilai"]:
            qs = qs.filter(nilai__kode=form.cleaned_data["nilai"])
        for kata in form.cleaned_data["q"].split()[:5]:
            qs = qs.filter(Q(judul__icontains=kata) | Q(yang_dilakukan__icontains=kata) | Q(hasil__icontains=kata))
    qs = _praktik_dengan_nilai(qs.order_by("-ditulis_pada", "-pk"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": _page(request, qs),
        "query": query.urlencode(),
        "boleh_tulis": lingkup(request.user).boleh_tulis_forum_apa_pun,
    }
    return render(request, "forum/praktik_list.html", context)


def praktik_tambah(request, kode: str):
    forum = selectors.forum_for_user(request.user, kode)
    if not lingkup(request.user).boleh_tulis_praktik_baik(forum.pd_id):
        raise PermissionDenied
    form = PraktikBaikForm(request.POST or None, agen_qs=selectors.agen_forum(forum.pd_id))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        praktik = services.praktik_baik_tulis(
            forum,
            judul=data["judul"],
            nilai=data["nilai"],
            yang_dilakukan=data["yang_dilakukan"],
            hasil=data["hasil"],
            kontak=data["kontak"],
            aktor=request.user,
        )
        messages.success(request, _("Praktik baik tersimpan."))
        return redirect("forum:praktik_detail", pk=praktik.pk)
    return render(request, "forum/praktik_form.html", {"form": form, "forum": forum, "praktik": None})


def praktik_detail(request, pk: int):
    praktik = _get_praktik_for_user(request, pk)
    context = {
        "praktik": praktik,
        "forum": _forum_dari(praktik.perangkat_daerah),
        "nilai": praktik.nilai.order_by("sistem", "urutan"),
        "boleh_tulis": lingkup(request.user).boleh_tulis_praktik_baik(praktik.perangkat_daerah_id),
    }
    return render(request, "forum/praktik_detail.html", context)


def praktik_ubah(request, pk: int):
    praktik = _get_praktik_for_user(request, pk)
    if not lingkup(request.user).boleh_tulis_praktik_baik(praktik.perangkat_daerah_id):
        raise PermissionDenied
    agen_qs = selectors.agen_forum(praktik.perangkat_daerah_id, [praktik.kontak_id])
    form = PraktikBaikForm(request.POST or None, instance=praktik, agen_qs=agen_qs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.praktik_baik_ubah(
            praktik,
            judul=data["judul"],
            nilai=data["nilai"],
            yang_dilakukan=data["yang_dilakukan"],
            hasil=data["hasil"],
            kontak=data["kontak"],
            aktor=request.user,
        )
        messages.success(request, _("Praktik baik diperbarui."))
        return redirect("forum:praktik_detail", pk=pk)
    forum = _forum_dari(praktik.perangkat_daerah)
    return render(request, "forum/praktik_form.html", {"form": form, "forum": forum, "praktik": praktik})
