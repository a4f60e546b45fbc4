"""Forms of the agen perubahan app. Each lists its fields: status, NIP, owner and scores never come from POST
except the rubric scores a reviewer gives, which are validated as 1-5 per active item."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.common.angka import AngkaField

from .models import Nominasi, Pembinaan, Penghargaan, PeranAgen, PutaranRekrutmen, RubrikItem, SuratKeputusan

KRITERIA = {
    "c": _("(c) bertanggung jawab atas setiap tugas yang diberikan sesuai dengan bidang tugas dan fungsinya"),
    "d": _("(d) taat aturan disiplin dan kode etik pegawai serta konsisten terhadap penegakannya"),
    "e": _(
        "(e) mampu memberikan pengaruh positif bagi lingkungan organisasinya berdasarkan nilai-nilai organisasi "
        "MEDIASI dan nilai-nilai dasar ASN BerAKHLAK"
    ),
    "f": _(
        "(f) inovatif dan proaktif terkait pelaksanaan tugas fungsi dan upaya peningkatan kualitas pelaksanaan "
        "Reformasi Birokrasi"
    ),
}
# The tasks of each role, word for word from Lampiran BAB III 2.2.3 huruf a-e.
TUGAS_BAWAAN = {
    PeranAgen.KATALIS: _(
        "memberikan keyakinan kepada seluruh pegawai di lingkungan unit kerjanya masing-masing tentang pentingnya "
        "perubahan unit kerja menuju ke arah unit kerja yang lebih baik"
    ),
    PeranAgen.PENGGERAK: _(
        "mendorong dan menggerakkan pegawai untuk ikut berpartisipasi dalam perubahan menuju ke arah unit kerja yang "
        "lebih baik"
    ),
    PeranAgen.PEMBERI_SOLUSI: _(
        "memberikan alternatif solusi kepada para pegawai atau pimpinan di lingkungan unit kerja yang menghadapi "
        "kendala dalam proses berjalannya perubahan unit kerja menuju unit kerja yang lebih baik"
    ),
    PeranAgen.MEDIATOR: _(
        "membantu memperlancar proses perubahan, terutama menyelesaikan masalah yang muncul dalam pelaksanaan "
        "reformasi birokrasi dan membina hubungan antara pihak-pihak yang ada di dalam dan pihak di luar unit kerja "
        "terkait dengan proses perubahan"
    ),
    PeranAgen.PENGHUBUNG: _(
        "menghubungkan komunikasi dua arah antara para pegawai di lingkungan unit kerjanya dengan para pengambil "
        "keputusan"
    ),
}


def tugas_bawaan_teks() -> str:
    """The five roles and their tasks as Lampiran BAB III 2.2.3 words them ("sebagai katalis, yang bertugas ...")."""
    return ";\n".join(
        f"sebagai {str(peran.label).lower()}, yang bertugas {tugas}" for peran, tugas in TUGAS_BAWAAN.items()
    )


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NominasiForm(forms.Form):
    """Penjaringan awal: the nominee (from the unit head's scope), how they were chosen, criteria (c)-(f)."""

    pegawai = forms.ModelChoiceField(queryset=None, label=_("Calon agen perubahan"))
    mekanisme = forms.ChoiceField(
        choices=Nominasi.Mekanisme.choices, widget=forms.RadioSelect, label=_("Mekanisme seleksi internal")
    )

    def __init__(self, *args, pegawai_qs, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = pegawai_qs
        self.fields["pegawai"].label_from_instance = lambda p: f"{p.nama_lengkap} — {p.nip} ({p.unit_kerja})"
        for key, label in KRITERIA.items():
            self.fields[f"kriteria_{key}"] = forms.BooleanField(label=label, required=True)
            self.fields[f"alasan_{key}"] = forms.CharField(
                label=_("Alasan/bukti untuk kriteria (%(k)s)") % {"k": key},
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
            )

    def alasan(self) -> dict[str, str]:
        return {key: self.cleaned_data[f"alasan_{key}"] for key in KRITERIA}


class CatatanForm(forms.Form):
    """The note of a workflow step: a question, an answer, a reason. `wajib` and `yakin` per action."""

    catatan = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)

    def __init__(
        self, *args, wajib: bool = True, konfirmasi: bool = False, label=None, pencabutan: bool = False, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["catatan"].required = wajib
        if label:
            self.fields["catatan"].label = label
        if pencabutan:
            # A revocation is its own decree (docs/keputusan.md, «Dokumen terbit»).
            self.fields["nomor_sk"] = forms.CharField(label=_("Nomor SK pencabutan"), max_length=100)
            self.fields["tanggal_sk"] = forms.DateField(label=_("Tanggal SK pencabutan"), widget=DATE)
        if konfirmasi:
            self.fields["yakin"] = forms.BooleanField(
                label=_("Saya yakin. Langkah ini tidak dapat dibatalkan."), required=True
            )


class TetapkanSkForm(forms.Form):
    yakin = forms.BooleanField(
        label=_("Saya yakin menetapkan SK ini. Sesudah ditetapkan SK tidak dapat diubah atau ditambah."), required=True
    )


class PenilaianForm(forms.Form):
    """Assessment: one score 1-5 per active rubric item, a recommendation and notes."""

    SKALA = [(i, str(i)) for i in range(1, 6)]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(RubrikItem.objects.filter(aktif=True))
        for item in self.items:
            self.fields[f"skor_{item.pk}"] = forms.TypedChoiceField(
                label=f"{item.get_aspek_display()}: {item.uraian}",
                choices=self.SKALA,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-inline"}),
            )
        self.fields["rekomendasi"] = forms.ChoiceField(
            label=_("Rekomendasi"),
            choices=[("ya", _("Direkomendasikan")), ("tidak", _("Tidak direkomendasikan"))],
            widget=forms.RadioSelect,
        )
        self.fields["catatan"] = forms.CharField(
            label=_("Catatan penilaian"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False
        )

    def skor(self) -> dict[int, int]:
        return {item.pk: self.cleaned_data[f"skor_{item.pk}"] for item in self.items}

    def baris_rubrik(self) -> list[tuple[RubrikItem, forms.BoundField]]:
        """The rubric as rows of a grid (item, its 1-5 field), for the template."""
        return [(item, self[f"skor_{item.pk}"]) for item in self.items]

    @property
    def skor_maksimum(self) -> int:
        return 5 * len(self.items)


class PenetapanForm(forms.Form):
    """Penetapan formal: which SK, the agent's roles (2.2.3) and tasks."""

    surat_keputusan = forms.ModelChoiceField(queryset=None, label=_("Surat keputusan"))
    peran = forms.MultipleChoiceField(
        choices=PeranAgen.choices, widget=forms.CheckboxSelectMultiple, label=_("Peran agen perubahan")
    )
    tugas = forms.CharField(label=_("Tugas"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)
    yakin = forms.BooleanField(label=_("Saya yakin menetapkan calon ini sebagai agen perubahan."), required=True)

    def __init__(self, *args, sk_qs, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["surat_keputusan"].queryset = sk_qs
        self.fields["surat_keputusan"].label_from_instance = lambda sk: (
            f"{sk.nomor} ({sk.tanggal:%d-%m-%Y}; {sk.masa_mulai:%d-%m-%Y} s.d. {sk.masa_selesai:%d-%m-%Y})"
        )


class SuratKeputusanForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor SK"), max_length=100)
    tanggal = forms.DateField(label=_("Tanggal SK"), widget=DATE)
    masa_mulai = forms.DateField(label=_("Masa tugas mulai"), widget=DATE)
    masa_selesai = forms.DateField(label=_("Masa tugas selesai"), widget=DATE)
    merujuk = forms.ModelChoiceField(
        queryset=SuratKeputusan.objects.none(),
        required=False,
        label=_("Mengubah SK (opsional)"),
        help_text=_("Pilih bila SK ini menambah agen pada SK yang sudah ditetapkan (SK perubahan)."),
    )

    def __init__(self, *args, sk_qs=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if sk_qs is not None:
            self.fields["merujuk"].queryset = sk_qs.filter(ditetapkan_pada__isnull=False).exclude(
                jenis=SuratKeputusan.Jenis.PENCABUTAN
            )

    def clean(self):
        data = super().clean()
        if data.get("masa_mulai") and data.get("masa_selesai") and data["masa_selesai"] <= data["masa_mulai"]:
            self.add_error("masa_selesai", _("Masa tugas harus berakhir sesudah mulai."))
        return data


class PutaranForm(forms.ModelForm):
    tahun = AngkaField(label=_("Tahun"), min_value=2000, max_value=2100, max_digits=4, bulat=True)

    class Meta:
        model = PutaranRekrutmen
        fields = ["tahun", "dibuka", "ditutup"]
        widgets = {"dibuka": DATE, "ditutup": DATE}


class PembinaanForm(forms.ModelForm):
    class Meta:
        model = Pembinaan
        fields = ["topik", "bentuk", "judul", "tanggal", "penyelenggara"]
        widgets = {"tanggal": DATE}


class PenghargaanForm(forms.ModelForm):
    class Meta:
        model = Penghargaan
        fields = ["jenis", "uraian", "tanggal"]
        widgets = {"tanggal": DATE}


def _label_agen(penetapan) -> str:
    unit = penetapan.nominasi.unit_kerja
    return f"{penetapan.pegawai.nama_lengkap} — {unit}"


class KelompokAgenForm(forms.Form):
    """Form or edit a Kelompok Agen: name, PD (only when the user manages several), members, and the SK that
    lists the group (only for the Kepala PD)."""

    perangkat_daerah = forms.ModelChoiceField(queryset=None, label=_("Perangkat daerah"))
    nama = forms.CharField(label=_("Nama kelompok"), max_length=150)
    anggota = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label=_("Anggota (agen perubahan yang aktif)"),
        help_text=_("Pilih paling sedikit dua agen."),
    )
    surat_keputusan = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Dicantumkan dalam SK (opsional)"),
        help_text=_("Kelompok akan tercantum dalam lampiran SK ini."),
    )

    def __init__(self, *args, pd_qs, agen_qs, sk_qs=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["perangkat_daerah"].queryset = pd_qs
        if len(pd_qs) == 1:
            self.fields["perangkat_daerah"].initial = pd_qs[0]
            self.fields["perangkat_daerah"].widget = forms.HiddenInput()
        self.fields["anggota"].queryset = agen_qs
        self.fields["anggota"].label_from_instance = _label_agen
        if sk_qs is None:
            del self.fields["surat_keputusan"]
        else:
            self.fields["surat_keputusan"].queryset = sk_qs
            self.fields["surat_keputusan"].label_from_instance = lambda sk: f"{sk.nomor} ({sk.tanggal:%d-%m-%Y})"

    def clean_nama(self) -> str:
        return " ".join(self.cleaned_data["nama"].split())


class BubarkanKelompokForm(forms.Form):
    catatan = forms.CharField(label=_("Alasan pembubaran"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    yakin = forms.BooleanField(label=_("Saya yakin membubarkan kelompok ini. Langkah ini tidak dapat dibatalkan."))
