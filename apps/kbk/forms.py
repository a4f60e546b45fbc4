from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PeranKBK


class AnggotaForm(forms.Form):
    pegawai = forms.ModelChoiceField(queryset=None, label=_("Pegawai"))
    peran = forms.ModelChoiceField(queryset=PeranKBK.objects.all(), label=_("Peran (Tabel 3.1)"))
    konfirmasi = forms.BooleanField(label=_("Tetap tambahkan walau jabatan tidak sesuai Tabel 3.1"), required=False)
    catatan_kesesuaian = forms.CharField(
        label=_("Alasan"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wajib bila jabatan tidak sesuai pejabat yang disebut Tabel 3.1."),
    )
    minta_konfirmasi = False

    def clean(self):
        data = super().clean()
        if data.get("konfirmasi") and not (data.get("catatan_kesesuaian") or "").strip():
            self.add_error("catatan_kesesuaian", _("Tulis alasan mengapa pegawai ini tetap ditunjuk."))
        return data

    def __init__(self, *args, pegawai_qs, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = pegawai_qs
        self.fields["pegawai"].label_from_instance = lambda p: f"{p.nama_lengkap} — {p.jabatan} ({p.nip})"
