"""Verification of issued documents (docs/keputusan.md, «Dokumen terbit»): any logged-in user enters the code printed
on a PDF, sees what was issued under it, and may hand in a copy, which is genuine only when byte-identical."""

from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from .dokumen import cocok
from .models import DokumenTerbit
from .uploads import BerkasField

BATAS_UKURAN = 20 * 1024 * 1024


class KodeForm(forms.Form):
    kode = forms.CharField(label=_("Kode verifikasi"), max_length=16)

    def clean_kode(self) -> str:
        return self.cleaned_data["kode"].strip().upper()


class SalinanForm(forms.Form):
    berkas = BerkasField(label=_("Berkas PDF yang ingin diperiksa"))

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > BATAS_UKURAN:
            raise forms.ValidationError(
                _("Berkas lebih besar dari 20 MB: bukan dokumen yang diterbitkan aplikasi ini.")
            )
        return berkas


def cari(request):
    form = KodeForm(request.GET or None)
    if form.is_valid():
        return redirect("dokumen:verifikasi", kode=form.cleaned_data["kode"])
    return render(request, "common/verifikasi_cari.html", {"form": form})


def verifikasi(request, kode: str):
    dokumen = get_object_or_404(DokumenTerbit, kode=kode.strip().upper())
    form = SalinanForm(request.POST or None, request.FILES or None)
    hasil = None
    if request.method == "POST" and form.is_valid():
        hasil = cocok(dokumen, form.cleaned_data["berkas"].read())
    return render(request, "common/verifikasi.html", {"dokumen": dokumen, "form": form, "hasil": hasil})
