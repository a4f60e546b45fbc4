from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from .models import Butir, InstrumenVersi, Periode


def nama_field(butir: Butir) -> str:
    return f"p{butir.nomor}"


class FormulirForm(forms.Form):
    """Answers of Formulir 1: p1..p35, each optional and 1-4 (completeness is checked on "Kirim").

    The values are read straight from the data rather than through 35 TypedChoiceFields with radio widgets:
    building those fields for every request cost more CPU than the rest of a submission (bench/kirim.py). The
    page renders its radios itself (apps/survei/versi.py). An absent or invalid value is simply not an answer.
    """

    PILIHAN = {"1": 1, "2": 2, "3": 3, "4": 4}

    def __init__(self, butir_list, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.butir_list = butir_list
        self.galat: dict[int, str] = {}

    def full_clean(self) -> None:
        self._errors = ErrorDict()
        self.cleaned_data = {}
        if self.is_bound:
            get = self.data.get
            for butir in self.butir_list:
                name = nama_field(butir)
                self.cleaned_data[name] = self.PILIHAN.get(get(name))

    def answers(self) -> dict[int, int]:
        """Item number -> answer for the items answered (call after is_valid())."""
        return {
            b.nomor: self.cleaned_data[nama_field(b)]
            for b in self.butir_list
            if self.cleaned_data.get(nama_field(b)) is not None
        }

    def tandai_kurang(self) -> list[Butir]:
        """Mark every unanswered item with an error (`galat`: item number -> message); those items, in order."""
        kurang = [b for b in self.butir_list if self.cleaned_data.get(nama_field(b)) is None]
        self.galat = {b.nomor: _("Butir ini belum dijawab.") for b in kurang}
        return kurang


class PeriodeForm(forms.ModelForm):
    class Meta:
        model = Periode
        fields = ["kode", "nama", "instrumen", "tanggal_buka", "tanggal_tutup"]
        widgets = {
            "tanggal_buka": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tanggal_tutup": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["instrumen"].queryset = InstrumenVersi.objects.all()

    def clean(self):
        data = super().clean()
        buka, tutup = data.get("tanggal_buka"), data.get("tanggal_tutup")
        if buka and tutup and tutup < buka:
            self.add_error("tanggal_tutup", _("Tanggal tutup harus sama dengan atau sesudah tanggal buka."))
        elif buka and tutup:
            calon = Periode(pk=self.instance.pk, tanggal_buka=buka, tanggal_tutup=tutup)
            lain = calon.bertumpang_tindih().order_by("tanggal_buka").first()
            if lain is not None:
                self.add_error(
                    "tanggal_buka",
                    _("Tanggal bertumpang tindih dengan periode %(nama)s (%(buka)s s.d. %(tutup)s).")
                    % {
                        "nama": lain.judul,
                        "buka": lain.tanggal_buka.strftime("%d-%m-%Y"),
                        "tutup": lain.tanggal_tutup.strftime("%d-%m-%Y"),
                    },
                )
        instrumen = data.get("instrumen")
        if instrumen is not None:
            errors = instrumen.kesalahan_band()
            if errors:
                self.add_error("instrumen", ValidationError(errors))
        return data


class StatusPeriodeForm(forms.Form):
    catatan = forms.CharField(label=_("Catatan"), required=False, max_length=500, widget=forms.Textarea({"rows": 2}))


class BukaKembaliForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan membuka kembali"), max_length=1000, widget=forms.Textarea({"rows": 3}))
