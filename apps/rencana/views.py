"""Views of rencana tindak. Each object comes through a scoped helper (404 outside scope); a step the role lacks
is a 403 (named predicates on Lingkup); state changes go through services."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.agen.hak import kelompok_agen_ids, penetapan_aktif_ids
from apps.agen.models import KelompokAgen, Penetapan
from apps.akun.scope import lingkup
from apps.common.export import xlsx_bytes
from apps.common.instansi import instansi_halaman
from apps.common.pdf import PdfRenderTimeoutError, render_pdf
from apps.organisasi.akses import catat_akses
from apps.organisasi.models import AksesData, PerangkatDaerah

from . import fokus as fokus_mod
from . import hak, selectors, services
from .forms import (
    AjukanForm,
    ArahanForm,
    BarisForm,
    BukaKembaliForm,
    KeputusanForm,
    LaporanForm,
    MasalahForm,
    RencanaForm,
    TanggapanForm,
)
from .models import MAKS_BARIS, BarisRencana, LaporanKemajuan, Permasalahan, RencanaTindak
from .workflow import Status

PER_PAGE = 25
CONTENT_TYPE = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}


def _get_rencana_for_user(request, pk: int) -> RencanaTindak:
    return get_object_or_404(selectors.dengan_isi(selectors.rencana_for_user(request.user)), pk=pk)


def _get_laporan_for_user(request, pk: int) -> LaporanKemajuan:
    return get_object_or_404(selectors.laporan_lengkap(selectors.laporan_for_user(request.user)), pk=pk)


def _get_masalah_for_user(request, pk: int) -> Permasalahan:
    return get_object_or_404(selectors.masalah_for_user(request.user), pk=pk)


def _page(request, qs):
    return Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))


def _pesan_error(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# Lists --------------------------------------------------------------------------------------------------------


def daftar(request):
    """Monitoring (2.2.4 1) d, 2) a): plans in the user's scope, newest first; filter by status."""
    scope = lingkup(request.user)
    if not scope.boleh_pantau_rencana_apa_pun:
        raise PermissionDenied
    qs = selectors.rencana_for_user(request.user).annotate(n_baris=Count("baris")).order_by("-diubah_pada", "-pk")
    status = request.GET.get("status")
    if status in Status.values:
        qs = qs.filter(status=status)
    return render(
        request,
        "rencana/daftar.html",
        {"page": _page(request, qs), "status_pilihan": Status.choices, "status_aktif": status},
    )


def saya(request):
    """The agent's own plans (individual and group) and their problems."""
    scope = lingkup(request.user)
    if scope.pegawai is None:
        qs = RencanaTindak.objects.none()
    else:
        milik = Q(penetapan__pegawai=scope.pegawai) | Q(kelompok__anggota__pegawai=scope.pegawai)
        qs = selectors.rencana_for_user(request.user).filter(pk__in=RencanaTindak.objects.filter(milik).values("pk"))
    return render(
        request, "rencana/saya.html", {"rencana_list": list(qs), "boleh_tulis": scope.boleh_tulis_rencana_apa_pun}
    )


def ikhtisar(request):
    """Tim Monev and the Sekda: per PD, agents, approved plans, last report, average achievement; late first."""
    scope = lingkup(request.user)
    if not scope.boleh_ikhtisar_rencana:
        raise PermissionDenied
    return render(request, "rencana/ikhtisar.html", {"rows": selectors.ikhtisar_per_pd()})


def ekspor_xlsx(request, pd: int):
    """XLSX of a PD's plans, rows and latest achievements (numbers as numbers, text neutralised)."""
    scope = lingkup(request.user)
    if not scope.boleh_ekspor_rencana_apa_pun:
        raise PermissionDenied
    perangkat_daerah = get_object_or_404(PerangkatDaerah, pk=pd)
    if not scope.boleh_ekspor_rencana(perangkat_daerah.pk):
        raise Http404
    plans = selectors.ekspor_rencana_pd(perangkat_daerah)
    catat_akses(request, AksesData.Jenis.EKSPOR, f"Rencana tindak PD {perangkat_daerah.kode} (XLSX)")
    data = xlsx_bytes(plans)
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    name = f"rencana-tindak-{slugify(perangkat_daerah.kode)}-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# One plan -----------------------------------------------------------------------------------------------------


def _pemilik_choices(scope) -> list[tuple[str, str]]:
    choices = []
    for p in Penetapan.objects.filter(pk__in=penetapan_aktif_ids(scope)).select_related("surat_keputusan"):
        choices.append((f"agen:{p.pk}", _("Rencana individu (SK %(nomor)s)") % {"nomor": p.surat_keputusan.nomor}))
    for k in KelompokAgen.objects.filter(pk__in=kelompok_agen_ids(scope)):
        choices.append((f"kelompok:{k.pk}", _("Rencana kelompok: %(nama)s") % {"nama": k.nama}))
    return choices


def _fokus(scope, unit=None):
    """The weakest sections and items of the agent's PD (and unit) in the last closed periode."""
    if scope.pegawai is None:
        return None, []
    pd = scope.pegawai.unit_kerja.perangkat_daerah
    return fokus_mod.titik_lemah(pd, unit or scope.pegawai.unit_kerja)


def _label_fokus(t) -> str:
    return f"[{t.tingkat}] {t.label} — {t.nilai} (skor rata-rata {t.skor})"


def rencana_tambah(request):
    scope = lingkup(request.user)
    if not scope.boleh_tulis_rencana_apa_pun:
        raise PermissionDenied
    periode, titik = _fokus(scope)
    form = RencanaForm(
        request.POST or None,
        pemilik_choices=_pemilik_choices(scope),
        fokus_choices=[(t.kunci, _label_fokus(t)) for t in titik],
    )
    if request.method == "POST" and form.is_valid():
        jenis, _sep, pk = form.cleaned_data["pemilik"].partition(":")
        pilihan = set(form.cleaned_data.get("fokus") or [])
        kwargs = {
            "penetapan": Penetapan.objects.select_related("surat_keputusan", "nominasi__unit_kerja").get(pk=pk)
            if jenis == "agen"
            else None,
            "kelompok": KelompokAgen.objects.get(pk=pk) if jenis == "kelompok" else None,
        }
        try:
            rencana = services.rencana_buat(
                aktor=request.user,
                judul=form.cleaned_data["judul"],
                mulai=form.cleaned_data["mulai"],
                selesai=form.cleaned_data["selesai"],
                fokus=[t.as_fokus(periode.kode) for t in titik if t.kunci in pilihan],
                **kwargs,
            )
        except ValidationError as exc:
            _pesan_error(request, exc)
        else:
            messages.success(request, _("Rencana tindak dibuat. Tambahkan baris Tabel 2."))
            return redirect("rencana:baris_tambah", pk=rencana.pk)
    return render(request, "rencana/rencana_form.html", {"form": form, "periode": periode, "titik": titik})


def rencana_ubah(request, pk: int):
    rencana = _get_rencana_for_user(request, pk)
    scope = lingkup(request.user)
    if not hak.boleh_ubah_rencana(scope, rencana):
        raise PermissionDenied
    periode, titik = _fokus(scope)
    dipilih = [f["kunci"] for f in rencana.fokus]
    choices = [(t.kunci, _label_fokus(t)) for t in titik]
    # Focus items taken from an earlier periode stay selectable.
    choices += [(f["kunci"], f["label"]) for f in rencana.fokus if f["kunci"] not in {k for k, _l in choices}]
    form = RencanaForm(
        request.POST or None,
        initial={"judul": rencana.judul, "mulai": rencana.mulai, "selesai": rencana.selesai, "fokus": dipilih},
        fokus_choices=choices,
    )
    if request.method == "POST" and form.is_valid():
        pilihan = set(form.cleaned_data.get("fokus") or [])
        lama = {f["kunci"]: f for f in rencana.fokus}
        baru = {t.kunci: t.as_fokus(periode.kode) for t in titik} if periode else {}
        fokus = [lama.get(k) or baru[k] for k, _l in choices if k in pilihan]
        try:
            services.rencana_ubah(
                rencana,
                aktor=request.user,
                judul=form.cleaned_data["judul"],
                mulai=form.cleaned_data["mulai"],
                selesai=form.cleaned_data["selesai"],
                fokus=fokus,
            )
        except ValidationError as exc:
            _pesan_error(request, exc)
        else:
            messages.success(request, _("Tersimpan."))
            return redirect("rencana:detail", pk=rencana.pk)
    return render(
        request, "rencana/rencana_form.html", {"form": form, "periode": periode, "titik": titik, "rencana": rencana}
    )


def detail(request, pk: int):
    rencana = _get_rencana_for_user(request, pk)
    scope = lingkup(request.user)
    laporan = list(selectors.laporan_lengkap(LaporanKemajuan.objects.filter(rencana=rencana)).order_by("periode_mulai"))
    boleh_ubah = hak.boleh_ubah_rencana(scope, rencana)
    berikutnya = RencanaTindak.objects.filter(versi_sebelumnya=rencana).first()
    context = {
        "rencana": rencana,
        "baris": list(rencana.baris.all()),
        "riwayat": rencana.riwayat.select_related("oleh__pegawai"),
        "laporan": laporan,
        "periode": selectors.periode_laporan(rencana, laporan) if rencana.status != Status.DRAF else [],
        "masalah": rencana.permasalahan.select_related("diajukan_oleh"),
        "masa": rencana.masa(),
        "boleh_ubah": boleh_ubah,
        "boleh_tambah_baris": boleh_ubah and len(rencana.baris.all()) < MAKS_BARIS,
        "boleh_ajukan": hak.boleh_ajukan_rencana(scope, rencana),
        "boleh_setujui": hak.boleh_setujui_rencana(scope, rencana),
        "boleh_versi_baru": hak.boleh_versi_baru_rencana(scope, rencana) and berikutnya is None,
        "boleh_lapor": hak.boleh_lapor_kemajuan(scope, rencana),
        "boleh_masalah": hak.boleh_ajukan_masalah(scope, rencana),
        "smart": services.periksa_smart(rencana) if boleh_ubah else [],
        "form_ajukan": AjukanForm() if hak.boleh_ajukan_rencana(scope, rencana) else None,
        "berikutnya": berikutnya
        if berikutnya and (berikutnya.status != Status.DRAF or hak.penyusun_rencana(scope, rencana))
        else None,
        "catatan_kembali": rencana.riwayat.filter(ke_status=Status.DIKEMBALIKAN).order_by("-pada", "-pk").first()
        if rencana.status == Status.DIKEMBALIKAN
        else None,
    }
    return render(request, "rencana/detail.html", context)


def rencana_pdf(request, pk: int):
    """The plan in the layout of Tabel 2 (landscape, numbered column headers repeated per page, approval block)."""
    rencana = _get_rencana_for_user(request, pk)
    try:
        pdf = render_pdf(
            "rencana/pdf/rencana.html",
            {
                "rencana": rencana,
                "baris": list(rencana.baris.all()),
                "masa": rencana.masa(),
                "tanggal": timezone.localdate(),
                "instansi": instansi_halaman(),
            },
        )
    except PdfRenderTimeoutError:
        return HttpResponse(_("PDF belum dapat dibuat; coba lagi."), status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="rencana-tindak-{rencana.pk}-v{rencana.versi}.pdf"'
    return response


def _baris_form(request, rencana: RencanaTindak, baris: BarisRencana | None):
    scope = lingkup(request.user)
    if not hak.boleh_ubah_rencana(scope, rencana):
        raise PermissionDenied
    form = BarisForm(request.POST or None, instance=baris)
    if request.method == "POST" and form.is_valid():
        try:
            services.baris_simpan(
                rencana,
                aktor=request.user,
                data={k: v for k, v in form.cleaned_data.items() if k != "nilai"},
                nilai=list(form.cleaned_data["nilai"]),
                baris=baris,
            )
        except ValidationError as exc:
            _pesan_error(request, exc)
        else:
            messages.success(request, _("Baris tersimpan."))
            if "tambah_lagi" in request.POST and len(rencana.baris.all()) + 1 < MAKS_BARIS:
                return redirect("rencana:baris_tambah", pk=rencana.pk)
            return redirect("rencana:detail", pk=rencana.pk)
    return render(
        request,
        "rencana/baris_form.html",
        {"form": form, "rencana": rencana, "baris": baris, "masa": rencana.masa()},
    )


def baris_tambah(request, pk: int):
    rencana = _get_rencana_for_user(request, pk)
    return _baris_form(request, rencana, None)


def baris_ubah(request, pk: int, nomor: int):
    rencana = _get_rencana_for_user(request, pk)
    baris = get_object_or_404(BarisRencana, rencana=rencana, nomor=nomor)
    return _baris_form(request, rencana, baris)


@require_POST
def baris_hapus(request, pk: int, nomor: int):
    rencana = _get_rencana_for_user(request, pk)
    baris = get_object_or_404(BarisRencana, rencana=rencana, nomor=nomor)
    services.baris_hapus(baris, aktor=request.user)
    messages.success(request, _("Baris %(n)s dihapus.") % {"n": nomor})
    return redirect("rencana:detail", pk=rencana.pk)


@require_POST
def ajukan(request, pk: int):
    rencana = _get_rencana_for_user(request, pk)
    if not hak.boleh_ajukan_rencana(lingkup(request.user), rencana):
        raise PermissionDenied
    form = AjukanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Centang pernyataan bahwa rencana siap dikirim."))
        return redirect("rencana:detail", pk=rencana.pk)
    try:
        services.rencana_transisi(rencana, ke=Status.DIAJUKAN, aktor=request.user)
    except services.SudahDiputuskanError as exc:
        messages.warning(request, str(exc))
    except ValidationError as exc:
        messages.error(request, _("Rencana belum memenuhi kriteria SMART:"))
        _pesan_error(request, exc)
    else:
        messages.success(request, _("Rencana diajukan ke Kepala PD, tembusan KBK dan pimpinan unit."))
    return redirect("rencana:detail", pk=rencana.pk)


def keputusan(request, pk: int):
    """The Kepala PD approves (affirming "Logis") or returns the plan with a note."""
    rencana = _get_rencana_for_user(request, pk)
    if not hak.boleh_setujui_rencana(lingkup(request.user), rencana):
        raise PermissionDenied
    form = KeputusanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        setujui = form.cleaned_data["keputusan"] == KeputusanForm.SETUJUI
        try:
            services.rencana_transisi(
                rencana,
                ke=Status.DISETUJUI if setujui else Status.DIKEMBALIKAN,
                aktor=request.user,
                catatan=form.cleaned_data["catatan"],
                logis=form.cleaned_data["logis"],
                frekuensi_laporan=form.cleaned_data["frekuensi_laporan"] if setujui else None,
            )
        except services.SudahDiputuskanError as exc:
            messages.warning(request, str(exc))
        except ValidationError as exc:
            _pesan_error(request, exc)
        else:
            messages.success(request, _("Rencana disetujui.") if setujui else _("Rencana dikembalikan kepada agen."))
        return redirect("rencana:detail", pk=rencana.pk)
    return render(
        request,
        "rencana/keputusan.html",
        {"form": form, "rencana": rencana, "baris": list(rencana.baris.all()), "masa": rencana.masa()},
    )


@require_POST
def versi_baru(request, pk: int):
    rencana = _get_rencana_for_user(request, pk)
    if not hak.boleh_versi_baru_rencana(lingkup(request.user), rencana):
        raise PermissionDenied
    try:
        baru = services.rencana_versi_baru(rencana, aktor=request.user)
    except (ValidationError, services.SudahDiputuskanError) as exc:
        messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("rencana:detail", pk=rencana.pk)
    messages.success(
        request,
        _("Versi %(v)s dibuat. Versi yang disetujui tetap berlaku sampai versi ini disetujui.") % {"v": baru.versi},
    )
    return redirect("rencana:detail", pk=baru.pk)


# Progress reports ---------------------------------------------------------------------------------------------


def laporan_tambah(request, pk: int):
    rencana = _get_rencana_for_user(request, pk)
    if not hak.boleh_lapor_kemajuan(lingkup(request.user), rencana):
        raise PermissionDenied
    laporan = list(LaporanKemajuan.objects.filter(rencana=rencana))
    terbuka = [p for p in selectors.periode_laporan(rencana, laporan) if p.bisa_dilaporkan]
    choices = [
        (p.mulai.isoformat(), f"{p.mulai:%d-%m-%Y} s.d. {p.selesai:%d-%m-%Y} ({p.status_label})") for p in terbuka
    ]
    baris = list(rencana.baris.all())
    form = LaporanForm(request.POST or None, request.FILES or None, baris=baris, periode_choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            lap = services.laporan_kemajuan_kirim(
                rencana,
                aktor=request.user,
                periode_mulai=datetime.date.fromisoformat(form.cleaned_data["periode"]),
                isian=form.isian(),
                berkas=form.berkas(),
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    for e in errors:
                        form.add_error(field if field in form.fields else None, e)
            else:
                for e in exc.messages:
                    form.add_error(None, e)
        else:
            messages.success(request, _("Laporan kemajuan terkirim ke Kepala PD (tembusan pimpinan unit dan KBK)."))
            return redirect("rencana:laporan_detail", pk=lap.pk)
    return render(
        request, "rencana/laporan_form.html", {"form": form, "rencana": rencana, "baris": baris, "terbuka": terbuka}
    )


def laporan_detail(request, pk: int):
    laporan = _get_laporan_for_user(request, pk)
    scope = lingkup(request.user)
    return render(
        request,
        "rencana/laporan_detail.html",
        {
            "laporan": laporan,
            "rencana": laporan.rencana,
            "realisasi": list(laporan.realisasi.all()),
            "form_tanggapan": TanggapanForm() if scope.boleh_ketahui_laporan(laporan) else None,
            "form_buka_kembali": BukaKembaliForm() if scope.boleh_buka_kembali_laporan(laporan) else None,
            "riwayat": list(laporan.riwayat.select_related("oleh__pegawai")),
        },
    )


@require_POST
def laporan_buka_kembali(request, pk: int):
    """The Kepala PD reopens a sent report with a reason, so the agent can correct it."""
    laporan = _get_laporan_for_user(request, pk)
    if not lingkup(request.user).boleh_buka_kembali_laporan(laporan):
        raise PermissionDenied
    form = BukaKembaliForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuliskan alasan membuka kembali laporan ini."))
        return redirect("rencana:laporan_detail", pk=laporan.pk)
    try:
        services.laporan_kemajuan_buka_kembali(laporan, aktor=request.user, alasan=form.cleaned_data["alasan"])
    except ValidationError as exc:
        _pesan_error(request, exc)
    else:
        messages.success(request, _("Laporan dibuka kembali. Agen dapat memperbaiki dan mengirimnya lagi."))
    return redirect("rencana:laporan_detail", pk=laporan.pk)


def laporan_pdf(request, pk: int):
    laporan = _get_laporan_for_user(request, pk)
    try:
        pdf = render_pdf(
            "rencana/pdf/laporan.html",
            {"laporan": laporan, "rencana": laporan.rencana, "realisasi": list(laporan.realisasi.all())},
        )
    except PdfRenderTimeoutError:
        return HttpResponse(_("PDF belum dapat dibuat; coba lagi."), status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="laporan-kemajuan-{laporan.pk}.pdf"'
    return response


@require_POST
def laporan_ketahui(request, pk: int):
    laporan = _get_laporan_for_user(request, pk)
    if not lingkup(request.user).boleh_ketahui_laporan(laporan):
        raise PermissionDenied
    form = TanggapanForm(request.POST)
    if form.is_valid():
        try:
            services.laporan_kemajuan_ketahui(laporan, aktor=request.user, tanggapan=form.cleaned_data["tanggapan"])
        except ValidationError as exc:
            _pesan_error(request, exc)
        else:
            messages.success(request, _("Laporan ditandai diketahui."))
    return redirect("rencana:laporan_detail", pk=laporan.pk)


def bukti_unduh(request, kode):
    """An evidence file, only to those who may read its plan (404 otherwise); never a public URL."""
    bukti = get_object_or_404(selectors.bukti_for_user(request.user), kode=kode)
    catat_akses(request, AksesData.Jenis.BERKAS, f"Bukti rencana tindak {bukti.pk}: {bukti.nama_asli}")
    try:
        handle = bukti.berkas.open("rb")
    except FileNotFoundError:
        raise Http404
    return FileResponse(
        handle, as_attachment=True, filename=bukti.nama_asli, content_type=CONTENT_TYPE.get(bukti.jenis)
    )


# Problems -----------------------------------------------------------------------------------------------------


def masalah_tambah(request, pk: int):
    rencana = _get_rencana_for_user(request, pk)
    if not hak.boleh_ajukan_masalah(lingkup(request.user), rencana):
        raise PermissionDenied
    form = MasalahForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        masalah = services.masalah_ajukan(rencana, aktor=request.user, **form.cleaned_data)
        messages.success(request, _("Permasalahan terkirim."))
        return redirect("rencana:masalah_detail", pk=masalah.pk)
    return render(request, "rencana/masalah_form.html", {"form": form, "rencana": rencana})


def masalah_list(request):
    """Problems in the user's scope: those waiting for the user's direction first."""
    scope = lingkup(request.user)
    if not (scope.boleh_pantau_rencana_apa_pun or scope.pegawai and penetapan_aktif_ids(scope)):
        raise PermissionDenied
    semua = list(selectors.masalah_for_user(request.user)[:200])
    menunggu = [m for m in semua if hak.boleh_jawab_masalah(scope, m)]
    lainnya = [m for m in semua if m not in menunggu]
    return render(request, "rencana/masalah_list.html", {"menunggu": menunggu, "lainnya": lainnya})


def masalah_detail(request, pk: int):
    masalah = _get_masalah_for_user(request, pk)
    scope = lingkup(request.user)
    return render(
        request,
        "rencana/masalah_detail.html",
        {
            "masalah": masalah,
            "form_arahan": ArahanForm() if hak.boleh_jawab_masalah(scope, masalah) else None,
            "boleh_tutup": hak.boleh_tutup_masalah(scope, masalah),
        },
    )


@require_POST
def masalah_jawab(request, pk: int):
    masalah = _get_masalah_for_user(request, pk)
    if not hak.boleh_jawab_masalah(lingkup(request.user), masalah):
        raise PermissionDenied
    form = ArahanForm(request.POST)
    if form.is_valid():
        services.masalah_jawab(masalah, aktor=request.user, arahan=form.cleaned_data["arahan"])
        messages.success(request, _("Arahan/solusi terkirim."))
    else:
        messages.error(request, _("Arahan/solusi wajib diisi."))
    return redirect("rencana:masalah_detail", pk=masalah.pk)


@require_POST
def masalah_tutup(request, pk: int):
    masalah = _get_masalah_for_user(request, pk)
    if not hak.boleh_tutup_masalah(lingkup(request.user), masalah):
        raise PermissionDenied
    services.masalah_tutup(masalah, aktor=request.user)
    messages.success(request, _("Permasalahan ditutup."))
    return redirect("rencana:masalah_detail", pk=masalah.pk)
