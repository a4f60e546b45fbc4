from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from . import services
from .forms import AktivasiForm, LoginForm


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "akun/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


@login_not_required
@sensitive_post_parameters("kode", "password1", "password2")
def aktivasi(request):
    """Set a password with NIP + one-time code (first login, or a forgotten password)."""
    form = AktivasiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.aktivasi(form.cleaned_data["nip"], form.cleaned_data["kode"], form.cleaned_data["password1"])
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
    """Home page: one card per role the user holds, with what that role can do."""
    return render(request, "beranda.html")
