"""Laporan Evaluasi pages, downloads and the dashboard (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1» and 9). Views only look up and render.

Who sees what (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»): Sekda, Tim Monev and admin the consolidated report and every PD; a Kepala PD and the
PD's KBK their PD's report (another PD is a 404, the consolidated report a 403); a unit head their unit's row
(another unit is a 404); a plain ASN nothing (403). Only Tim Monev writes notes and finalises.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.akun.scope import Lingkup, lingkup, perangkat_daerah_utuh_for_user, unit_kerja_for_user
from apps.akun.tugas import tanpa_penanggung_jawab
from apps.common.dokumen import unduhan as dokumen_unduhan
from apps.common.export import xlsx_bytes
from apps.common.pdf import PdfRenderTimeoutError
from apps.hasil.selectors import baris_unit, pd_unit
from apps.hasil.services import jumlah_asn
from apps.organisasi.akses import catat_akses
from apps.organisasi.models import AksesData, PerangkatDaerah, UnitKerja
from apps.survei.models import Periode
from apps.survei.selectors import agregat_tersedia

from . import charts, ekspor, services, terbit
from . import render as laporan_render
from .forms import CatatanForm, FinalisasiForm
from .models import CatatanLaporan, SnapshotLaporan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scope(request, allowed) -> Lingkup:
    scope = lingkup(request.user)
    if not allowed(scope):
        raise PermissionDenied
    return scope


def _get_periode(kode: str) -> Periode:
    return get_object_or_404(Periode.objects.exclude(status=Periode.Status.DRAFT), kode=kode)


def _get_pd_for_user(request, pd_kode: str) -> PerangkatDaerah:
    _scope(request, lambda s: s.boleh_lihat_laporan_pd_apa_pun)
    return get_object_or_404(perangkat_daerah_utuh_for_user(request.user), kode=pd_kode)


def _get_unit_for_user(request, pk: int) -> UnitKerja:
    _scope(request, lambda s: s.boleh_lihat_laporan_apa_pun)
    return get_object_or_404(unit_kerja_for_user(request.user), pk=pk)


def _download(lengkap: dict, fmt: str, filename: str, periode: Periode, pd: PerangkatDaerah | None = None):
    if not lengkap["laporan"].agregat:
        raise Http404("Agregat periode ini baru tersedia setelah periode ditutup.")
    if fmt == "pdf":
        try:
            # A FINAL report is an issued document: its stored bytes (docs/keputusan.md, «Dokumen terbit»).
            dokumen = terbit.laporan_final_pdf(periode, pd)
            if dokumen is not None:
                return dokumen_unduhan(dokumen, filename)
            data = laporan_render.pdf_bytes(**lengkap)
        except PdfRenderTimeoutError:
            return HttpResponse(_("PDF belum dapat dibuat (batas waktu terlampaui). Coba lagi."), status=503)
        response = HttpResponse(data, content_type="application/pdf")
    else:
        response = HttpResponse(laporan_render.xlsx(**lengkap), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def index(request):
    scope = _scope(request, lambda s: s.boleh_lihat_laporan_apa_pun)
    periodes = Periode.objects.exclude(status=Periode.Status.DRAFT).order_by("-tanggal_buka")
    pds = PerangkatDaerah.objects.filter(pk__in=scope.pd_ids).order_by("kode")
    units = UnitKerja.objects.filter(pk__in=scope.pimpinan_unit_ids).order_by("kode")
    return render(request, "laporan/index.html", {"periodes": periodes, "pds": pds, "units": units})


def konsolidasi(request, kode: str):
    _scope(request, lambda s: s.boleh_lihat_laporan_kabupaten)
    periode = _get_periode(kode)
    lengkap = services.laporan_lengkap(periode)
    return render(request, "laporan/laporan.html", {**laporan_render.konteks(**lengkap), "periode": periode})


def konsolidasi_unduh(request, kode: str, fmt: str):
    _scope(request, lambda s: s.boleh_lihat_laporan_kabupaten)
    periode = _get_periode(kode)
    return _download(services.laporan_lengkap(periode), fmt, f"laporan-evaluasi-{periode.kode}", periode)


def perangkat_daerah(request, kode: str, pd_kode: str):
    pd = _get_pd_for_user(request, pd_kode)
    periode = _get_periode(kode)
    lengkap = services.laporan_lengkap(periode, pd)
    context = {**laporan_render.konteks(**lengkap), "periode": periode, "pd": pd}
    return render(request, "laporan/laporan.html", context)


def perangkat_daerah_unduh(request, kode: str, pd_kode: str, fmt: str):
    pd = _get_pd_for_user(request, pd_kode)
    periode = _get_periode(kode)
    return _download(
        services.laporan_lengkap(periode, pd), fmt, f"laporan-evaluasi-{periode.kode}-{pd.kode}", periode, pd
    )


def rincian_unit(request, kode: str, pk: int):
    """Tim Monev (and the other kabupaten roles) open a unit's sub-units with the same rules (docs/keputusan.md, «Laporan Evaluasi: angka per baris»)."""
    unit = _get_unit_for_user(request, pk)
    _scope(request, lambda s: s.boleh_lihat_laporan_kabupaten)
    periode = _get_periode(kode)
    # The PD the unit belonged to at the first close: a closed periode is read in its frozen tree (apps/hasil/beku.py).
    pd = get_object_or_404(PerangkatDaerah, pk=pd_unit(periode, unit))
    laporan = services.laporan_live(periode, pd, induk=unit)
    context = {**laporan_render.konteks(laporan), "periode": periode, "pd": pd, "induk": unit}
    return render(request, "laporan/laporan.html", context)


def unit(request, kode: str, pk: int):
    """A unit head's page: their unit's row, or the "< 3 responden" notice (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»)."""
    unit = _get_unit_for_user(request, pk)
    periode = _get_periode(kode)
    row, bands = baris_unit(periode, unit, asn=jumlah_asn(periode))
    return render(request, "laporan/unit.html", {"periode": periode, "unit": unit, "baris": row})


def _catatan(request, periode: Periode, instance: CatatanLaporan | None, back: str, **target):
    form = CatatanForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.simpan_catatan(periode, request.user, form.cleaned_data["teks"], **target)
        messages.success(request, _("Catatan disimpan."))
        return redirect(back)
    nama = target.get("pd") or target.get("unit")
    return render(request, "laporan/catatan.html", {"form": form, "periode": periode, "nama": nama, "back": back})


def catatan_pd(request, kode: str, pd_kode: str):
    pd = _get_pd_for_user(request, pd_kode)  # out of scope: 404 before the role check (docs/keamanan.md, «Kendali»)
    _scope(request, lambda s: s.boleh_catat_laporan)
    periode = _get_periode(kode)
    instance = CatatanLaporan.objects.filter(periode=periode, perangkat_daerah=pd).first()
    return _catatan(request, periode, instance, f"{periode_url(periode)}#pd-{pd.pk}", pd=pd)


def catatan_unit(request, kode: str, pk: int):
    unit = _get_unit_for_user(request, pk)  # out of scope: 404 before the role check (docs/keamanan.md, «Kendali»)
    _scope(request, lambda s: s.boleh_catat_laporan)
    periode = _get_periode(kode)
    instance = CatatanLaporan.objects.filter(periode=periode, unit_kerja=unit).first()
    back = f"{periode_url(periode, unit.perangkat_daerah)}#unit-{unit.pk}"
    return _catatan(request, periode, instance, back, unit=unit)


def periode_url(periode: Periode, pd: PerangkatDaerah | None = None) -> str:
    if pd is None:
        return reverse("laporan:konsolidasi", args=[periode.kode])
    return reverse("laporan:pd", args=[periode.kode, pd.kode])


def finalisasi(request, kode: str):
    """Tim Monev (or the admin) finalises a closed periode after a confirmation step, through the one path to
    FINAL (services.laporan_finalkan): the reports become snapshots."""
    _scope(request, lambda s: s.boleh_finalkan_periode)
    periode = _get_periode(kode)
    form = FinalisasiForm(request.POST or None)
    bisa = periode.status == Periode.Status.DITUTUP
    if request.method == "POST" and bisa and form.is_valid():
        try:
            with transaction.atomic():
                terbit.surat_pengantar_catat(
                    periode,
                    nomor=form.cleaned_data["nomor_surat"],
                    sifat=form.cleaned_data["sifat"],
                    aktor=request.user,
                )
                services.laporan_finalkan(periode, aktor=request.user)
                # The letter and the consolidated report are issued now, once (docs/keputusan.md, «Dokumen terbit»).
                terbit.laporan_final_pdf(periode)
        except ValidationError as exc:  # a used letter number, or finalised meanwhile by someone else
            if hasattr(exc, "error_dict") and "nomor_surat" in exc.error_dict:
                form.add_error("nomor_surat", exc.error_dict["nomor_surat"])
                return render(request, "laporan/finalisasi.html", {"periode": periode, "form": form, "bisa": bisa})
            messages.error(request, " ".join(exc.messages))
            return redirect("laporan:konsolidasi", kode=periode.kode)
        messages.success(
            request,
            _("Periode %(kode)s final: %(n)d laporan disimpan sebagai versi 1.")
            % {"kode": periode.kode, "n": SnapshotLaporan.objects.filter(periode=periode, versi=1).count()},
        )
        return redirect("laporan:konsolidasi", kode=periode.kode)
    return render(request, "laporan/finalisasi.html", {"periode": periode, "form": form, "bisa": bisa})


def dasbor(request, kode: str):
    _scope(request, lambda s: s.boleh_lihat_laporan_kabupaten)
    periode = _get_periode(kode)
    context = {"periode": periode, "agregat": agregat_tersedia(periode)}
    if lingkup(request.user).monev:
        # Tim Monev's warning: tasks that wait for a person who does not exist (docs/keputusan.md, «Setiap tugas
        # punya orang»).
        context["tanpa_penanggung_jawab"] = len(tanpa_penanggung_jawab())
    context.update(charts.dasbor(periode))
    return render(request, "laporan/dasbor.html", context)


def ekspor_jawaban(request, kode: str):
    """The raw answers of a closed periode as XLSX (Tim Monev, admin), formula-looking cells neutralised."""
    _scope(request, lambda s: s.boleh_ekspor_jawaban)
    periode = get_object_or_404(Periode, kode=kode)
    if not agregat_tersedia(periode):
        # Nothing of an open periode's answers leaves the system: diffing two downloads would reveal one named
        # respondent's answers (docs/keputusan.md, "Kerahasiaan Formulir 1").
        messages.error(request, _("Jawaban baru dapat diekspor setelah periode ditutup."))
        return redirect("survei:periode_list")
    data = xlsx_bytes([("Jawaban", ekspor.header(periode), ekspor.rows(periode))])
    catat_akses(request, AksesData.Jenis.EKSPOR, f"Jawaban mentah {periode.kode} (XLSX)")
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="jawaban-{periode.pk}.xlsx"'
    return response


def hasil_saya(request, kode: str):
    """An ASN's results of a FINAL periode beside their unit, PD and the kabupaten (Lampiran BAB III.2)."""
    scope = _scope(request, lambda s: s.boleh_lihat_hasil_sendiri)
    periode = _get_periode(kode)
    context = {**services.hasil_asn(periode, scope.pegawai), "periode": periode}
    return render(request, "laporan/hasil_saya.html", context)
