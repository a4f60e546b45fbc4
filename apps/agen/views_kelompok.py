"""Views of the Kelompok Agen (Lampiran BAB III 2.2.4-2.2.5: agents work as individuals or groups): list, form,
change and disband. Each group comes through the scoped selector (404 outside scope); the right is
Lingkup.boleh_kelola_kelompok_agen; the writes are services.kelompok_agen_*."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from apps.akun.scope import lingkup
from apps.organisasi.models import PerangkatDaerah

from . import selectors, services
from .forms import BubarkanKelompokForm, KelompokAgenForm
from .models import SuratKeputusan

PER_PAGE = 25


def _page(request, qs):
    return Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))


def _get_kelompok_for_user(request, pk: int):
    return get_object_or_404(selectors.kelompok_agen_for_user(request.user), pk=pk)


def _kelompok_form(request, scope, kelompok=None) -> KelompokAgenForm:
    if kelompok is None:
        pd_ids = [pd_id for pd_id in scope.pd_ids if scope.boleh_kelola_kelompok_agen(pd_id)]
    else:
        pd_ids = [kelompok.perangkat_daerah_id]
    pd_qs = PerangkatDaerah.objects.filter(pk__in=pd_ids).order_by("kode")
    sk_pd = [pd_id for pd_id in pd_ids if scope.boleh_cantumkan_kelompok_dalam_sk(pd_id)]
    sk_qs = None
    if sk_pd:
        # A group is listed in a konsep SK only; the SK it is already listed in stays selectable.
        sk_qs = (
            selectors.surat_keputusan_for_user(request.user)
            .filter(perangkat_daerah_id__in=sk_pd)
            .filter(Q(ditetapkan_pada__isnull=True) | Q(pk=getattr(kelompok, "surat_keputusan_id", None)))
            .exclude(jenis=SuratKeputusan.Jenis.PENCABUTAN)
        )
    initial = {}
    if kelompok is not None:
        initial = {
            "perangkat_daerah": kelompok.perangkat_daerah_id,
            "nama": kelompok.nama,
            "anggota": list(kelompok.anggota.values_list("pk", flat=True)),
            "surat_keputusan": kelompok.surat_keputusan_id,
        }
    return KelompokAgenForm(
        request.POST or None,
        pd_qs=pd_qs,
        agen_qs=selectors.agen_untuk_kelompok(pd_ids, kelompok),
        sk_qs=sk_qs,
        initial=initial,
    )


def _simpan_kelompok(request, form, simpan) -> bool:
    try:
        simpan()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            for message in exc.messages:
                form.add_error(None, message)
        return False
    return True


def kelompok_list(request):
    """Kelompok Agen in the user's scope; the Kepala PD and the KBK form new ones here."""
    qs = (
        selectors.kelompok_agen_for_user(request.user)
        .prefetch_related("anggota__pegawai")
        .order_by(F("dibubarkan_pada").asc(nulls_first=True), "perangkat_daerah__kode", "nama", "pk")
    )
    return render(request, "agen/kelompok_list.html", {"page": _page(request, qs)})


def kelompok_tambah(request):
    scope = lingkup(request.user)
    if not scope.boleh_kelola_kelompok_agen_apa_pun:
        raise PermissionDenied
    form = _kelompok_form(request, scope)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        hasil = {}

        def simpan():
            hasil["kelompok"] = services.kelompok_agen_bentuk(
                data["perangkat_daerah"],
                nama=data["nama"],
                anggota=data["anggota"],
                surat_keputusan=data.get("surat_keputusan"),
                aktor=request.user,
            )

        if _simpan_kelompok(request, form, simpan):
            messages.success(request, _("Kelompok agen dibentuk."))
            return redirect("agen:kelompok_detail", pk=hasil["kelompok"].pk)
    return render(request, "agen/kelompok_form.html", {"form": form, "kelompok": None})


def _sk_kelompok_terbuka(user, kelompok, anggota) -> bool:
    """Whether the group's SK opens for this viewer (as `selectors.surat_keputusan_for_user`), read from what the
    page has already loaded: an agent outside the PD sees the SK's number without a link to a page it may not open
    (a konsep SK that lists the group but not the agent's own appointment)."""
    scope = lingkup(user)
    if scope.kabupaten or kelompok.perangkat_daerah_id in scope.pd_ids:
        return True
    return scope.pegawai is not None and any(
        a.pegawai_id == scope.pegawai.pk and a.surat_keputusan_id == kelompok.surat_keputusan_id for a in anggota
    )


def kelompok_detail(request, pk: int):
    kelompok = _get_kelompok_for_user(request, pk)
    anggota = kelompok.anggota.select_related("pegawai", "nominasi__unit_kerja", "surat_keputusan").order_by(
        "pegawai__nama", "pk"
    )
    context = {
        "kelompok": kelompok,
        "anggota": anggota,
        "riwayat": kelompok.riwayat.select_related("oleh__pegawai"),
        "agen_terbuka": selectors.penetapan_terbuka(request.user, [a.pk for a in anggota]),
        "sk_terbuka": _sk_kelompok_terbuka(request.user, kelompok, anggota),
        "boleh_kelola": not kelompok.dibubarkan
        and lingkup(request.user).boleh_kelola_kelompok_agen(kelompok.perangkat_daerah_id),
    }
    return render(request, "agen/kelompok_detail.html", context)


def kelompok_ubah(request, pk: int):
    kelompok = _get_kelompok_for_user(request, pk)
    scope = lingkup(request.user)
    if not scope.boleh_kelola_kelompok_agen(kelompok.perangkat_daerah_id):
        raise PermissionDenied
    if kelompok.dibubarkan:
        messages.warning(request, _("Kelompok ini sudah dibubarkan."))
        return redirect("agen:kelompok_detail", pk=pk)
    form = _kelompok_form(request, scope, kelompok)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def simpan():
            services.kelompok_agen_ubah(
                kelompok,
                nama=data["nama"],
                anggota=data["anggota"],
                surat_keputusan=data.get("surat_keputusan", kelompok.surat_keputusan),
                aktor=request.user,
            )

        if _simpan_kelompok(request, form, simpan):
            messages.success(request, _("Perubahan kelompok tersimpan."))
            return redirect("agen:kelompok_detail", pk=pk)
    return render(request, "agen/kelompok_form.html", {"form": form, "kelompok": kelompok})


def kelompok_bubarkan(request, pk: int):
    """Disband a group after a confirmation page (the step cannot be undone)."""
    kelompok = _get_kelompok_for_user(request, pk)
    if not lingkup(request.user).boleh_kelola_kelompok_agen(kelompok.perangkat_daerah_id):
        raise PermissionDenied
    if kelompok.dibubarkan:
        messages.warning(request, _("Kelompok ini sudah dibubarkan."))
        return redirect("agen:kelompok_detail", pk=pk)
    form = BubarkanKelompokForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _simpan_kelompok(
            request,
            form,
            lambda: services.kelompok_agen_bubarkan(kelompok, aktor=request.user, catatan=form.cleaned_data["catatan"]),
        ):
            messages.success(request, _("Kelompok agen dibubarkan."))
            return redirect("agen:kelompok_detail", pk=pk)
    return render(request, "agen/kelompok_bubarkan.html", {"form": form, "kelompok": kelompok})
