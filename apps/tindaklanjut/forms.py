from django import forms
from django.utils.translation import gettext_lazy as _


class JadwalForm(forms.Form):
    batas_waktu = forms.DateField(label=_("Batas waktu"), widget=forms.DateInput(attrs={"type": "date"}))


class CatatanForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["catatan"].label = label
