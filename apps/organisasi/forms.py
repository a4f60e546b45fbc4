from django import forms

from .models import PermintaanPerbaikan


class PermintaanPerbaikanForm(forms.ModelForm):
    """An ASN proposes a correction of their own data; pegawai and status are set by the view."""

    class Meta:
        model = PermintaanPerbaikan
        fields = ["data", "nilai_usulan", "catatan"]
        widgets = {"catatan": forms.Textarea(attrs={"rows": 3})}
