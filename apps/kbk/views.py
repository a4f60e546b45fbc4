"""KBK / PMO pages: the PD's team and its chart (Gambar 3.2), membership changes, the Tim Monev."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.akun.scope import lingkup, perangkat_daerah_utuh_for_user
from apps.organisasi.models import Pegawai, PerangkatDaerah

from . import services
from .forms import AnggotaForm
from .models import AnggotaKBK, PeranKBK, TimMonev


def _get_pd_for_user(request, pk: int) -> PerangkatDaerah:
    return get_object_or_404(perangkat_daerah_utuh_for_user(request.user), pk=pk)


def _get_anggota_for_user(request, pk: int) -> AnggotaKBK:
    pd_ids = perangkat_daerah_utuh_for_user(request.user).values("pk")
    return get_object_or_404(
        AnggotaKBK.objects.select_related("kbk__perangkat_daerah").filter(kbk__perangkat_daerah__in=pd_ids), pk=pk
    )


def daftar(request):
    """KBK of every PD (kabupaten roles) or of the user's own PD(s)."""
    scope = lingkup(request.user)
    if not scope.boleh_lihat_kbk_apa_pun:
        raise PermissionDenied
    if scope.pd_tunggal is not None:
        return redirect("kbk:detail", pk=scope.pd_tunggal)
    pds = perangkat_daerah_utuh_for_user(request.user).filter(aktif=True).select_related("kbk").order_by("kode")
    return render(request, "kbk/daftar.html", {"pds": pds})


def _pegawai_pd(pd: PerangkatDaerah):
    return Pegawai.objects.filter(unit_kerja__perangkat_daerah=pd, aktif=True).order_by("nama")


def _detail(request, pd: PerangkatDaerah, form: AnggotaForm | None = None, status: int = 200):
    anggota = list(
        AnggotaKBK.objects.aktif()
        .filter(kbk__perangkat_daerah=pd)
        .select_related("pegawai", "peran")
        .order_by("peran__urutan", "pegawai__nama")
    )
    baris: dict[int, list] = {}
    for peran in PeranKBK.objects.order_by("urutan"):
        baris.setdefault(peran.tingkat, []).append((peran, [a for a in anggota if a.peran_id == peran.pk]))
    boleh_ubah = lingkup(request.user).boleh_ubah_kbk(pd.pk)
    if boleh_ubah and form is None:
        form = AnggotaForm(pegawai_qs=_pegawai_pd(pd))
    context = {
        "pd": pd,
        "kbk": getattr(pd, "kbk", None),
        "anggota": anggota,
        "bagan": [baris[k] for k in sorted(baris)],
        "boleh_ubah": boleh_ubah,
        "form": form if boleh_ubah else None,
        "peran_kbk": PeranKBK.objects.order_by("urutan"),
    }
    return render(request, "kbk/detail.html", context, status=status)


def detail(request, pk: int):
    return _detail(request, _get_pd_for_user(request, pk))


@require_POST
def anggota_tambah(request, pk: int):
    """Add a member; a jabatan that does not fit Tabel 3.1 comes back with the warning and a confirmation box,
    every choice kept."""
    pd = _get_pd_for_user(request, pk)
    if not lingkup(request.user).boleh_ubah_kbk(pd.pk):
        raise PermissionDenied
    form = AnggotaForm(request.POST, pegawai_qs=_pegawai_pd(pd))
    if not form.is_valid():
        return _detail(request, pd, form, status=400)
    try:
        services.anggota_kbk_tambah(
            pd,
            pegawai=form.cleaned_data["pegawai"],
            peran=form.cleaned_data["peran"],
            aktor=request.user,
            catatan_kesesuaian=form.cleaned_data["catatan_kesesuaian"] if form.cleaned_data["konfirmasi"] else "",
        )
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        form.minta_konfirmasi = "catatan_kesesuaian" in exc.message_dict
        return _detail(request, pd, form, status=400)
    messages.success(request, _("Anggota KBK ditambahkan."))
    return redirect("kbk:detail", pk=pd.pk)


@require_POST
def anggota_akhiri(request, pk: int):
    anggota = _get_anggota_for_user(request, pk)
    if not lingkup(request.user).boleh_ubah_kbk(anggota.kbk.perangkat_daerah_id):
        raise PermissionDenied
    services.anggota_kbk_akhiri(anggota, aktor=request.user)
    messages.success(request, _("Keanggotaan diakhiri."))
    return redirect("kbk:detail", pk=anggota.kbk.perangkat_daerah_id)


def tim_monev(request):
    """The kabupaten Tim Monev: decree number and members (kept by the admin)."""
    tim = TimMonev.objects.filter(aktif=True).first()
    anggota = tim.anggota.select_related("pegawai__unit_kerja__perangkat_daerah") if tim else []
    return render(request, "kbk/tim_monev.html", {"tim": tim, "anggota": anggota})
