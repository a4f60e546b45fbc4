from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import formats
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from apps.akun.pimpinan import pd_tanpa_kepala
from apps.akun.tugas import kelompok_peran, tanpa_penanggung_jawab, tugas_untuk
from apps.organisasi.akses import catat_akses
from apps.organisasi.models import AksesData, Pegawai

from . import services, throttle
from .forms import AktivasiForm, CetakKodeForm, KodeSatuForm, LoginForm
from .models import KodeAktivasi
from .scope import lingkup, pegawai_for_kode_aktivasi, unit_kerja_for_kode_aktivasi


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "akun/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True
    # Beside axes' (NIP, IP) lock, an address that sprays many NIPs is slowed, then stopped:
    # throttle.PembatasMasukMiddleware, for this page and the admin's login.

    def form_valid(self, form):
        response = super().form_valid(form)
        reset = services.pemberitahuan_atur_ulang(form.get_user())
        if reset is not None:
            oleh = reset.dibuat_oleh
            messages.warning(
                self.request,
                _(
                    "Kata sandi akun Anda diatur ulang pada %(waktu)s WITA dengan kode dari %(oleh)s. "
                    "Bila bukan Anda yang memintanya, segera hubungi admin Bagian Organisasi."
                )
                % {
                    "waktu": formats.date_format(reset.dipakai_pada.astimezone(), "d-m-Y H:i"),
                    "oleh": (oleh.get_full_name() or oleh.username) if oleh else _("admin"),
                },
            )
        return response


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
    """Set a password with NIP + one-time code (first login, or a reset by the admin).

    Wrong codes never cancel the printed code: the guesser is slowed by IP and by (IP, NIP), never by NIP alone,
    so guesses from elsewhere cannot stop the genuine code (throttle.py).
    """
    form = AktivasiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        nip = form.cleaned_data["nip"]
        detik = max(throttle.tunggu_ip(request), throttle.tunggu_ip_nip(request, nip))
        if detik:
            return throttle.terlalu_banyak(request, detik)
        try:
            services.akun_aktifkan(nip, kode=form.cleaned_data["kode"], password=form.cleaned_data["password1"])
        except ValidationError as exc:
            if services.GENERIC_ERROR in exc.messages:
                throttle.catat_gagal(request, nip)
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
    with what that role can do (apps/akun/tugas.py)."""
    tasks = tugas_untuk(request.user)
    context = {"tugas_utama": tasks[0] if tasks else None, "tugas_lain": kelompok_peran(tasks[1:])}
    return render(request, "beranda.html", context)


def tanpa_penanggung_jawab_daftar(request):
    """Tim Monev's list of tasks that wait for a person who does not exist (no head, no acting head), and the
    PDs without a head: someone must be appointed (docs/keputusan.md, «Setiap tugas punya orang»)."""
    if not lingkup(request.user).monev:
        raise PermissionDenied
    context = {"baris": tanpa_penanggung_jawab(), "pd_tanpa_kepala": pd_tanpa_kepala()}
    return render(request, "akun/tanpa_penanggung_jawab.html", context)


def _get_unit_for_kode_aktivasi(request, pk: int):
    """The unit, if the user may print its codes: 403 without the role, 404 outside their PD."""
    if not lingkup(request.user).boleh_cetak_kode_aktivasi_apa_pun:
        raise PermissionDenied
    return get_object_or_404(unit_kerja_for_kode_aktivasi(request.user), pk=pk)


def _get_pegawai_for_kode_aktivasi(request, pk: int) -> Pegawai:
    """The pegawai, if within the user's code scope (PD, subtree, all for the admin): 403 without any code
    right, 404 outside the scope."""
    if not lingkup(request.user).boleh_cetak_kode_pegawai_apa_pun:
        raise PermissionDenied
    return get_object_or_404(pegawai_for_kode_aktivasi(request.user), pk=pk)


def kode_aktivasi_unit_list(request):
    """Choose a unit whose activation code sheet to print."""
    if not lingkup(request.user).boleh_cetak_kode_aktivasi_apa_pun:
        raise PermissionDenied
    units = unit_kerja_for_kode_aktivasi(request.user).order_by("perangkat_daerah__kode", "path")
    return render(request, "akun/kode_aktivasi_unit.html", {"units": units})


@never_cache
def kode_aktivasi_cetak(request, pk: int):
    """GET: who in the unit needs a code; POST: issue codes for the never-activated pegawai and show the sheet.

    Pegawai who already hold a valid code keep it (they are left off the sheet) unless "cetak ulang" is chosen.
    Activated accounts never get a code here: a reset is one person at a time, by the admin, with a reason.
    The plain codes exist only in this response (the database keeps their HMAC), so the page is not cached.
    """
    unit = _get_unit_for_kode_aktivasi(request, pk)
    form = CetakKodeForm(request.POST or None)
    punya_kode = Exists(KodeAktivasi.objects.berlaku().filter(pegawai=OuterRef("pk")))
    pegawai = (
        Pegawai.objects.filter(unit_kerja=unit, aktif=True)
        .select_related("user")
        .annotate(punya_kode=punya_kode)
        .order_by("nama", "pk")
    )
    belum_aktif = pegawai.filter(services.BELUM_AKTIF)
    if request.method == "POST" and form.is_valid():
        sasaran = belum_aktif if form.cleaned_data["cetak_ulang"] else belum_aktif.filter(punya_kode=False)
        lembar = services.kode_aktivasi_buat(list(sasaran), aktor=request.user)
        catat_akses(request, AksesData.Jenis.KODE, f"Lembar kode aktivasi unit {unit.pk} ({len(lembar)} orang)")
        context = {
            "unit": unit,
            "lembar": lembar,
            "berlaku_sampai": lembar[0][2].berlaku_sampai if lembar else None,
            "kembali_url": "akun:kode_aktivasi_unit_list",
        }
        return render(request, "akun/kode_aktivasi_lembar.html", context)
    pegawai = list(pegawai)
    scope = lingkup(request.user)
    for p in pegawai:
        p.boleh_atur_ulang = services.sudah_aktif(p) and scope.boleh_atur_ulang_sandi(p)
    context = {
        "unit": unit,
        "form": form,
        "pegawai": pegawai,
        "jumlah": len(pegawai),
        "jumlah_tanpa_akun": sum(1 for p in pegawai if not services.sudah_aktif(p)),
        "jumlah_punya_kode": sum(1 for p in pegawai if p.punya_kode and not services.sudah_aktif(p)),
    }
    return render(request, "akun/kode_aktivasi_konfirmasi.html", context)


@never_cache
def kode_aktivasi_pegawai(request, pk: int):
    """One code for one person: GET confirms, POST issues it and shows a one-row sheet.

    A never-activated account (a nominee, a newcomer): the admin, the Kepala PD or a unit head above them.
    An activated account: a reset, by the admin only, with a written reason (403 for anyone else).
    """
    pegawai = _get_pegawai_for_kode_aktivasi(request, pk)
    scope = lingkup(request.user)
    atur_ulang = services.sudah_aktif(pegawai)
    boleh = scope.boleh_atur_ulang_sandi(pegawai) if atur_ulang else scope.boleh_cetak_kode_pegawai(pegawai)
    if not boleh:
        raise PermissionDenied
    form = KodeSatuForm(request.POST or None, atur_ulang=atur_ulang)
    if request.method == "POST" and form.is_valid():
        hasil = services.kode_aktivasi_cetak_satu(
            pegawai, aktor=request.user, alasan=form.cleaned_data.get("alasan", "")
        )
        catat_akses(request, AksesData.Jenis.KODE, f"Kode aktivasi pegawai {pegawai.pk}", subjek=pegawai)
        context = {
            "unit": pegawai.unit_kerja,
            "lembar": [hasil],
            "berlaku_sampai": hasil[2].berlaku_sampai,
            "kembali_url": "akun:kode_aktivasi_unit_list" if scope.boleh_cetak_kode_aktivasi_apa_pun else "beranda",
        }
        return render(request, "akun/kode_aktivasi_lembar.html", context)
    context = {
        "pegawai": pegawai,
        "form": form,
        "atur_ulang": atur_ulang,
        "kode_berlaku": KodeAktivasi.objects.berlaku().filter(pegawai=pegawai).first(),
    }
    return render(request, "akun/kode_aktivasi_pegawai.html", context)
