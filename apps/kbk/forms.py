from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PeranKBK


class AnggotaForm(forms.Form):
    pegawai = forms.ModelChoiceField(queryset=None, label=_("Pegawai"))
    peran = forms.ModelChoiceField(queryset=PeranKBK.objects.all(), label=_("Peran (Tabel 3.1)"))

    def __init__(self, *args, pegawai_qs, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = pegawai_qs
        self.fields["pegawai"].label_from_instance = lambda p: f"{p.nama_lengkap} — {p.jabatan} ({p.nip})"
