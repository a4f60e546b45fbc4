"""Forms of the forum. Each lists its fields: the forum (PD), the writer and the dates never come from POST."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.common.instansi import kata_pemda
from apps.common.uploads import BerkasBuktiField
from apps.nilai.models import Nilai

from .models import Pertemuan, PraktikBaik

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _label_agen(penetapan) -> str:
    pd = penetapan.surat_keputusan.perangkat_daerah
    return f"{penetapan.pegawai.nama_lengkap} — {penetapan.nominasi.unit_kerja} ({pd.singkatan or pd.kode})"


class PertemuanForm(forms.ModelForm):
    berkas = BerkasBuktiField(label=_("Lampiran (opsional)"), required=False)

    class Meta:
        model = Pertemuan
        fields = ["tanggal", "topik", "fasilitator", "peserta", "catatan"]
        widgets = {
            "tanggal": DATE,
            "peserta": forms.CheckboxSelectMultiple,
            "catatan": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "fasilitator": _("Nama fasilitator pertemuan."),
            "catatan": _("Pokok bahasan, masalah yang dibahas, kesepakatan dan tindak lanjut."),
        }

    def __init__(self, *args, agen_qs, dengan_berkas: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["peserta"].queryset = agen_qs
        self.fields["peserta"].label_from_instance = _label_agen
        self.fields["peserta"].required = False
        if not dengan_berkas:
            del self.fields["berkas"]

    def clean(self):
        data = super().clean()
        tanggal = data.get("tanggal")
        for agen in data.get("peserta") or ():
            sk = agen.surat_keputusan
            if tanggal and not (sk.masa_mulai <= tanggal <= sk.masa_selesai):
                self.add_error(
                    "peserta",
                    _("%(nama)s belum atau tidak lagi menjadi agen pada tanggal pertemuan.")
                    % {"nama": agen.pegawai.nama_lengkap},
                )
        return data


class LampiranForm(forms.Form):
    berkas = BerkasBuktiField(label=_("Berkas"))


class PraktikBaikForm(forms.ModelForm):
    class Meta:
        model = PraktikBaik
        fields = ["judul", "nilai", "yang_dilakukan", "hasil", "kontak"]
        widgets = {
            "nilai": forms.CheckboxSelectMultiple,
            "yang_dilakukan": forms.Textarea(attrs={"rows": 5}),
            "hasil": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "nilai": kata_pemda("Nilai {nilai} dan/atau BerAKHLAK yang diterapkan.", nilai="nilai_organisasi"),
            "kontak": _("Agen yang dapat dihubungi unit lain yang ingin menerapkannya."),
        }

    def __init__(self, *args, agen_qs, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nilai"].queryset = Nilai.objects.order_by("sistem", "urutan")
        self.fields["nilai"].label_from_instance = lambda n: str(n)
        self.fields["kontak"].queryset = agen_qs
        self.fields["kontak"].label_from_instance = _label_agen


class CariPraktikForm(forms.Form):
    """Search of praktik baik: by value (its stable code), by words, by forum."""

    nilai = forms.ChoiceField(label=_("Nilai"), required=False)
    q = forms.CharField(label=_("Kata kunci"), required=False, max_length=100)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nilai"].choices = [("", _("Semua nilai"))] + [
            (n.kode, str(n)) for n in Nilai.objects.order_by("sistem", "urutan")
        ]
