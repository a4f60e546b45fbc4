from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.common.angka import AngkaField
from apps.common.uploads import BerkasBuktiField
from apps.nilai.models import Nilai

from .models import DeklarasiNilai, KegiatanInternalisasi


class _TidakDiMasaDepan:
    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError(_("Tanggal tidak boleh di masa depan: catat kegiatan yang sudah terjadi."))
        return tanggal


class DeklarasiForm(_TidakDiMasaDepan, forms.ModelForm):
    berkas = BerkasBuktiField(label=_("Berkas dokumen (opsional)"), required=False)

    class Meta:
        model = DeklarasiNilai
        fields = ["tanggal", "bentuk", "dokumen", "uraian"]
        widgets = {"tanggal": forms.DateInput(attrs={"type": "date"}), "uraian": forms.Textarea(attrs={"rows": 3})}


class KegiatanForm(_TidakDiMasaDepan, forms.ModelForm):
    nilai = forms.ModelMultipleChoiceField(
        label=_("Nilai yang dibahas"),
        queryset=Nilai.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    berkas = BerkasBuktiField(label=_("Bukti (opsional)"), required=False)
    jumlah_peserta = AngkaField(label=_("Jumlah peserta"), min_value=1, max_digits=7, bulat=True)

    class Meta:
        model = KegiatanInternalisasi
        fields = ["tanggal", "jenis", "bentuk", "jumlah_peserta", "nilai", "uraian"]
        widgets = {"tanggal": forms.DateInput(attrs={"type": "date"}), "uraian": forms.Textarea(attrs={"rows": 3})}
