from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "NIP/nama pengguna atau kata sandi salah. Periksa kembali; setelah 5 kali gagal akun dikunci sementara."
        ),
        "inactive": _("Akun ini tidak aktif. Hubungi admin Bagian Organisasi."),
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("NIP atau nama pengguna")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "inputmode": "text"})
        self.fields["password"].label = _("Kata sandi")


class AktivasiForm(forms.Form):
    """First login (or forgotten password): NIP, the one-time code from the printed sheet, a new password."""

    nip = forms.CharField(
        label=_("NIP"),
        max_length=18,
        min_length=18,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "username"}),
    )
    kode = forms.CharField(
        label=_("Kode aktivasi"), max_length=20, widget=forms.TextInput(attrs={"autocomplete": "one-time-code"})
    )
    password1 = forms.CharField(
        label=_("Kata sandi baru"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi baru"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_nip(self) -> str:
        nip = self.cleaned_data["nip"].strip()
        if not nip.isdigit():
            raise forms.ValidationError(_("NIP harus 18 digit angka."))
        return nip

    def clean(self) -> dict:
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Kedua kata sandi tidak sama."))
        return cleaned


class CetakKodeForm(forms.Form):
    """Confirm a unit's sheet. Codes already printed for others stay valid unless "cetak ulang" is chosen."""

    cetak_ulang = forms.BooleanField(
        label=_("Cetak ulang"),
        required=False,
        initial=False,
        help_text=_(
            "Buat kode baru juga bagi pegawai yang sudah punya kode yang masih berlaku; kode lama mereka dibatalkan. "
            "Biarkan kosong untuk mencetak kode hanya bagi yang belum punya."
        ),
    )
    konfirmasi = forms.BooleanField(
        label=_("Saya akan membagikan setiap kode langsung kepada pegawai yang bersangkutan."), required=True
    )


class KodeSatuForm(forms.Form):
    """Confirm one person's code; a reset of an activated account (admin only) needs a written reason."""

    alasan = forms.CharField(
        label=_("Alasan atur ulang kata sandi"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib untuk akun yang sudah aktif; tercatat dan diberitahukan kepada pemilik akun."),
    )
    konfirmasi = forms.BooleanField(
        label=_("Saya mengerti: kode lama pegawai ini yang belum dipakai dibatalkan; kode pegawai lain tidak."),
        required=True,
    )

    def __init__(self, *args, atur_ulang: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.atur_ulang = atur_ulang
        if not atur_ulang:
            del self.fields["alasan"]

    def clean_alasan(self) -> str:
        alasan = self.cleaned_data["alasan"].strip()
        if self.atur_ulang and len(alasan) < 10:
            raise forms.ValidationError(_("Tuliskan alasan atur ulang (paling sedikit 10 karakter)."))
        return alasan
