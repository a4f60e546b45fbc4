"""Forms of the rencana app. Each lists its fields: status, owner, approver and dates never come from a POST."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.common.angka import AngkaField, angka
from apps.common.uploads import BerkasField
from apps.nilai.models import Nilai

from .models import BarisRencana, Permasalahan, RencanaTindak, capaian_persen

# Achievement above this percentage asks the reporter to confirm it (docs/keputusan.md, «Angka»).
BATAS_CAPAIAN = 200

# Read one byte past the cap, so an oversize file is refused without reading all of it.
MAKS_BUKTI_BYTES = 5 * 1024 * 1024
BULAN = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
FORMAT_BULAN = ["%Y-%m", "%Y-%m-%d", "%m/%Y"]


class BulanField(forms.DateField):
    """A month (<input type="month">), stored as its first day."""

    widget = BULAN

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("input_formats", FORMAT_BULAN)
        kwargs.setdefault("help_text", _("Bulan dan tahun, misalnya 2026-07."))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace(day=1) if isinstance(value, datetime.date) else value


class RencanaForm(forms.Form):
    """The plan's header: title, months, whose plan (own or a group's), focus from Formulir 1."""

    pemilik = forms.ChoiceField(label=_("Rencana tindak"), choices=())
    judul = forms.CharField(label=_("Judul rencana"), max_length=200)
    mulai = BulanField(label=_("Bulan mulai"))
    selesai = BulanField(label=_("Bulan selesai"))
    fokus = forms.MultipleChoiceField(
        label=_("Fokus rencana dari hasil Formulir 1"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Pilih bagian atau butir terlemah yang ingin diperbaiki melalui rencana ini."),
    )

    def __init__(self, *args, pemilik_choices=None, fokus_choices=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if pemilik_choices is None:
            del self.fields["pemilik"]
        else:
            self.fields["pemilik"].choices = pemilik_choices
        self.fields["fokus"].choices = fokus_choices
        if not fokus_choices:
            del self.fields["fokus"]

    def clean(self):
        data = super().clean()
        if data.get("mulai") and data.get("selesai") and data["selesai"] < data["mulai"]:
            self.add_error("selesai", _("Bulan selesai harus sama dengan atau sesudah bulan mulai."))
        return data


class BarisForm(forms.ModelForm):
    """One row of Tabel 2. Fields may stay incomplete in a draft; the SMART checks block submission."""

    nilai = forms.ModelMultipleChoiceField(
        label=_("(2) Nilai organisasi dan core value ASN"),
        queryset=Nilai.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    target_angka = AngkaField(
        label=_("(5) Target: angka"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    waktu_mulai = BulanField(label=_("(7) Waktu: bulan mulai"), required=False)
    waktu_selesai = BulanField(label=_("(7) Waktu: bulan selesai"), required=False)

    class Meta:
        model = BarisRencana
        fields = [
            "nilai",
            "sasaran",
            "indikator",
            "target_angka",
            "target_satuan",
            "kegiatan",
            "waktu_mulai",
            "waktu_selesai",
            "keterangan",
            "masuk_skp",
            "referensi_skp",
        ]
        labels = {
            "sasaran": _("(3) Sasaran: perubahan yang ingin dicapai"),
            "indikator": _("(4) Indikator kinerja"),
            "target_angka": _("(5) Target: angka"),
            "target_satuan": _("(5) Target: satuan"),
            "kegiatan": _("(6) Kegiatan (satu per baris)"),
            "keterangan": _("(8) Keterangan"),
            "masuk_skp": _("Terintegrasi dalam SKP (2.2.5 huruf e)"),
            "referensi_skp": _("Referensi SKP"),
        }
        widgets = {
            "sasaran": forms.Textarea(attrs={"rows": 2}),
            "indikator": forms.Textarea(attrs={"rows": 2}),
            "kegiatan": forms.Textarea(attrs={"rows": 3}),
            "keterangan": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nilai"].label_from_instance = lambda n: f"{n.get_sistem_display()}: {n.nama}"


class AjukanForm(forms.Form):
    yakin = forms.BooleanField(
        label=_("Rencana ini siap dikirim ke Kepala PD (tembusan KBK dan pimpinan unit)."), required=True
    )


class KeputusanForm(forms.Form):
    """The Kepala PD's decision: approve (affirming "Logis", 2.2.5 d 3) or return with a note."""

    SETUJUI, KEMBALIKAN = "setujui", "kembalikan"
    keputusan = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[(SETUJUI, _("Setujui")), (KEMBALIKAN, _("Kembalikan untuk diperbaiki"))],
        widget=forms.RadioSelect,
    )
    logis = forms.BooleanField(
        label=_(
            "Logis: rencana ini sesuai dengan sumber daya yang dimiliki dan realistis untuk dicapai "
            "(Lampiran BAB III 2.2.5 huruf d angka 3)."
        ),
        required=False,
    )
    frekuensi_laporan = forms.ChoiceField(
        label=_("Frekuensi laporan kemajuan"),
        choices=RencanaTindak.Frekuensi.choices,
        initial=RencanaTindak.Frekuensi.TRIWULAN,
    )
    catatan = forms.CharField(
        label=_("Catatan (wajib bila dikembalikan)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("keputusan") == self.SETUJUI and not data.get("logis"):
            self.add_error("logis", _("Untuk menyetujui, nyatakan bahwa rencana ini logis; bila tidak, kembalikan."))
        if data.get("keputusan") == self.KEMBALIKAN and not (data.get("catatan") or "").strip():
            self.add_error("catatan", _("Tuliskan apa yang perlu diperbaiki."))
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(BerkasField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class LaporanForm(forms.Form):
    """A progress report: the period, and per row the realisation, a narrative and optional evidence files."""

    periode = forms.ChoiceField(label=_("Periode laporan"))

    def __init__(self, *args, baris, periode_choices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.baris = list(baris)
        self.fields["periode"].choices = periode_choices
        for b in self.baris:
            self.fields[f"realisasi_{b.pk}"] = AngkaField(
                label=_("Baris %(n)s — realisasi (target %(t)s)") % {"n": b.nomor, "t": b.target},
                min_value=0,
                max_digits=12,
                decimal_places=2,
            )
            self.fields[f"narasi_{b.pk}"] = forms.CharField(
                label=_("Baris %(n)s — narasi pelaksanaan") % {"n": b.nomor},
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=4000,
            )
            self.fields[f"bukti_{b.pk}"] = MultipleFileField(
                label=_("Baris %(n)s — bukti dukung (PDF, JPEG atau PNG; paling besar 5 MB per berkas)")
                % {"n": b.nomor},
                required=False,
            )
        self.fields["capaian_tinggi"] = forms.BooleanField(
            label=_("Saya sudah memeriksa: capaian di atas 200% memang benar."), required=False
        )
        self.add_yakin()

    def clean(self):
        """Achievement above 200% asks for confirmation: a slipped decimal separator (855 for 85,5) reads as a
        tenfold achievement (docs/keputusan.md, «Angka»)."""
        data = super().clean()
        tinggi = []
        for b in self.baris:
            capaian = capaian_persen(data.get(f"realisasi_{b.pk}"), b.target_angka)
            if capaian is not None and capaian > BATAS_CAPAIAN:
                tinggi.append(_("baris %(n)s: %(c)s%%") % {"n": b.nomor, "c": angka(capaian, 1)})
        if tinggi and not data.get("capaian_tinggi"):
            self.add_error(
                "capaian_tinggi",
                _(
                    "Capaian lebih dari 200%% (%(daftar)s). Periksa realisasinya (koma desimal: 85,5, bukan 855); "
                    "bila memang benar, centang konfirmasi ini."
                )
                % {"daftar": "; ".join(str(t) for t in tinggi)},
            )
        return data

    def add_yakin(self) -> None:
        self.fields["yakin"] = forms.BooleanField(
            label=_("Isi laporan ini benar. Laporan yang terkirim tidak dapat diubah."), required=True
        )

    def per_baris(self):
        """(row, its bound fields) pairs, so the template groups each row's fields in one fieldset."""
        return [(b, [self[f"{name}_{b.pk}"] for name in ("realisasi", "narasi", "bukti")]) for b in self.baris]

    def isian(self):
        return {b.pk: (self.cleaned_data[f"realisasi_{b.pk}"], self.cleaned_data[f"narasi_{b.pk}"]) for b in self.baris}

    def berkas(self):
        return {
            b.pk: [(f.name, f.read(MAKS_BUKTI_BYTES + 1)) for f in self.cleaned_data.get(f"bukti_{b.pk}") or []]
            for b in self.baris
        }


class BukaKembaliForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan membuka kembali (tercatat di riwayat laporan)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class TanggapanForm(forms.Form):
    tanggapan = forms.CharField(
        label=_("Tanggapan (opsional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000
    )


class MasalahForm(forms.ModelForm):
    class Meta:
        model = Permasalahan
        fields = ["kepada", "uraian", "usulan_solusi"]
        widgets = {
            "kepada": forms.RadioSelect,
            "uraian": forms.Textarea(attrs={"rows": 3}),
            "usulan_solusi": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Radio buttons need no empty "— pilih —" option: none is checked until the agent picks one.
        self.fields["kepada"].choices = Permasalahan.Kepada.choices


class ArahanForm(forms.Form):
    arahan = forms.CharField(label=_("Arahan/solusi"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
