from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from apps.common.tugas import kelompok_peran, tugas_untuk
from apps.organisasi.models import Pegawai

from . import services
from .forms import AktivasiForm, CetakKodeForm, LoginForm
from .scope import lingkup, unit_kerja_for_kode_aktivasi


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "akun/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Logout; the browser also forgets what this site kept on the device (draft answers, the cached form page),
    so the next user of a shared phone finds nothing (docs/keamanan.md)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"storage"'
        return response


@method_decorator(sensitive_post_parameters(), name="dispatch")
class GantiSandiView(auth_views.PasswordChangeView):
    """A logged-in user changes their own password (Django's view: old password, new one twice, validators)."""

    template_name = "akun/ganti_sandi.html"
    success_url = reverse_lazy("beranda")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Kata sandi Anda sudah diganti."))
        return response


@login_not_required
@sensitive_post_parameters("kode", "password1", "password2")
def aktivasi(request):
    """Set a password with NIP + one-time code (first login, or a forgotten password)."""
    form = AktivasiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.akun_aktifkan(
                form.cleaned_data["nip"], kode=form.cleaned_data["kode"], password=form.cleaned_data["password1"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Kata sandi tersimpan. Silakan masuk dengan NIP dan kata sandi baru Anda."))
            return redirect("akun:login")
    return render(request, "akun/aktivasi.html", {"form": form})


@login_not_required
def lupa_sandi(request):
    return render(request, "akun/lupa_sandi.html")


def beranda(request):
    """Home page: the person's most urgent task first, then their other tasks by role, then one card per role
    with what that role can do (apps/common/tugas.py)."""
    tasks = tugas_untuk(request.user)
    context = {"tugas_utama": tasks[0] if tasks else None, "tugas_lain": kelompok_peran(tasks[1:])}
    return render(request, "beranda.html", context)


# Not yet activated: no account, or an account without a usable password (its hash starts with "!").
BELUM_AKTIF = Q(user__isnull=True) | Q(user__password__startswith=UNUSABLE_PASSWORD_PREFIX)


def _get_unit_for_kode_aktivasi(request, pk: int):
    """The unit, if the user may print its codes: 403 without the role, 404 outside their PD."""
    if not lingkup(request.user).boleh_cetak_kode_aktivasi_apa_pun:
        raise PermissionDenied
    return get_object_or_404(unit_kerja_for_kode_aktivasi(request.user), pk=pk)


def kode_aktivasi_unit_list(request):
    """Choose a unit whose activation code sheet to print."""
    if not lingkup(request.user).boleh_cetak_kode_aktivasi_apa_pun:
        raise PermissionDenied
    units = unit_kerja_for_kode_aktivasi(request.user).order_by("perangkat_daerah__kode", "path")
    return render(request, "akun/kode_aktivasi_unit.html", {"units": units})


@never_cache
def kode_aktivasi_cetak(request, pk: int):
    """GET: confirm; POST: issue one code per active pegawai of the unit and show the printable sheet.

    The plain codes exist only in this response (the database keeps their HMAC), so the page is not cached.
    """
    unit = _get_unit_for_kode_aktivasi(request, pk)
    form = CetakKodeForm(request.POST or None)
    pegawai = Pegawai.objects.filter(unit_kerja=unit, aktif=True).order_by("nama", "pk")
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["hanya_belum_punya_akun"]:
            pegawai = pegawai.filter(BELUM_AKTIF)
        lembar = services.kode_aktivasi_buat(list(pegawai), aktor=request.user)
        context = {"unit": unit, "lembar": lembar, "berlaku_sampai": lembar[0][2].berlaku_sampai if lembar else None}
        return render(request, "akun/kode_aktivasi_lembar.html", context)
    context = {
        "unit": unit,
        "form": form,
        "jumlah": pegawai.count(),
        "jumlah_tanpa_akun": pegawai.filter(BELUM_AKTIF).count(),
    }
    return render(request, "akun/kode_aktivasi_konfirmasi.html", context)
