from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CatatanLaporan


class CatatanForm(forms.ModelForm):
    class Meta:
        model = CatatanLaporan
        fields = ["teks"]
        widgets = {"teks": forms.Textarea(attrs={"rows": 3, "maxlength": 500})}
        labels = {"teks": _("Catatan Tim Monev (bagian Keterangan)")}


class FinalisasiForm(forms.Form):
    yakin = forms.BooleanField(
        label=_("Saya sudah memeriksa laporan ini. Angka, tanggal dan penanggung jawab dibekukan sebagai versi 1."),
        required=True,
    )
