from django import forms
from django.utils.translation import gettext_lazy as _

from apps.common.instansi import kata_pemda
from apps.common.models import SuratKeluar

from .models import CatatanLaporan


class CatatanForm(forms.ModelForm):
    class Meta:
        model = CatatanLaporan
        fields = ["teks"]
        widgets = {"teks": forms.Textarea(attrs={"rows": 3, "maxlength": 500})}
        labels = {"teks": _("Catatan Tim Monev (bagian Keterangan)")}


class FinalisasiForm(forms.Form):
    nomor_surat = forms.CharField(
        label=kata_pemda("Nomor surat pengantar kepada {kd}", kd="kepala_daerah_singkat"),
        max_length=100,
        help_text=_("Dari register surat keluar: nomor yang sudah dipesan atau nomor baru (misalnya 000.5/012/2026)."),
    )
    sifat = forms.ChoiceField(
        label=_("Sifat surat"), choices=SuratKeluar.Sifat.choices, initial=SuratKeluar.Sifat.BIASA
    )
    yakin = forms.BooleanField(
        label=_("Saya sudah memeriksa laporan ini. Angka, tanggal dan penanggung jawab dibekukan sebagai versi 1."),
        required=True,
    )
