"""Views of the agen perubahan app: work lists, nominations, rounds, SK and agents (the Kelompok Agen pages are
views_kelompok.py). Each object comes through a scoped helper (404 outside scope); a page the role lacks is a 403;
workflow steps go through services.nominasi_transisi."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.akun.scope import lingkup
from apps.akun.services import sudah_aktif
from apps.common.dokumen import unduhan as dokumen_unduhan
from apps.common.pdf import PdfRenderTimeoutError, render_pdf
from apps.organisasi.akses import catat_akses
from apps.organisasi.models import AksesData, PerangkatDaerah

from . import selectors, services
from .forms import (
    CatatanForm,
    NominasiForm,
    PembinaanForm,
    PenetapanForm,
    PenghargaanForm,
    PenilaianForm,
    PutaranForm,
    SuratKeputusanForm,
    TetapkanSkForm,
    tugas_bawaan_teks,
)
from .models import Nominasi, PeranAgen, PutaranRekrutmen, SuratKeputusan
from .workflow import (
    AKSI_CALON,
    KEPUTUSAN,
    KLARIFIKASI,
    LANGKAH_UTAMA,
    MENGAKHIRI,
    Aksi,
    Pelaku,
    Status,
    catatan_wajib,
    pelaku_untuk,
)

PER_PAGE = 25
# Steps taken from the nomination page with a note only (assessment and appointment have their own pages).
AKSI_DENGAN_CATATAN = {
    Aksi.BATALKAN: _("Alasan pembatalan"),
    Aksi.MINTA_KLARIFIKASI_PENGUSUL: _("Pertanyaan untuk pengusul"),
    Aksi.MINTA_KLARIFIKASI_CALON: _("Pertanyaan untuk calon"),
    Aksi.JAWAB_KLARIFIKASI: _("Jawaban klarifikasi"),
    Aksi.TOLAK: _("Alasan penolakan"),
    Aksi.LANJUTKAN: _("Catatan penelaahan (opsional)"),
    Aksi.CABUT: _("Alasan pencabutan"),
}


def _get_nominasi_for_user(request, pk: int) -> Nominasi:
    return get_object_or_404(selectors.nominasi_for_user(request.user), pk=pk)


def _get_nominasi_calon(request, pk: int) -> Nominasi:
    return get_object_or_404(selectors.nominasi_calon(request.user), pk=pk)


def _get_penetapan_for_user(request, pk: int):
    return get_object_or_404(selectors.penetapan_for_user(request.user), pk=pk)


def _get_sk_for_user(request, pk: int):
    return get_object_or_404(selectors.surat_keputusan_for_user(request.user), pk=pk)


def _page(request, qs):
    return Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))


def _form_untuk(aksi: str, data=None) -> CatatanForm:
    return CatatanForm(
        data,
        prefix=aksi,
        wajib=catatan_wajib(aksi),
        konfirmasi=aksi in KEPUTUSAN,
        label=AKSI_DENGAN_CATATAN.get(aksi),
        pencabutan=aksi == Aksi.CABUT,
    )


def _jalankan(request, nominasi: Nominasi, aksi: str, catatan: str = "", **data) -> bool:
    """Run a transition; report a stale decision or invalid data as a message. True when it went through."""
    try:
        services.nominasi_transisi(nominasi, aksi=aksi, aktor=request.user, catatan=catatan, **data)
    except services.SudahDiputuskanError as exc:
        messages.warning(request, str(exc))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Tersimpan: %(aksi)s.") % {"aksi": Aksi(aksi).label})
        return True
    return False


# Work lists ---------------------------------------------------------------------------------------------------


def antrean_kbk(request):
    """The KBK's queue: nominations of its PD waiting for review or assessment."""
    if not lingkup(request.user).boleh_telaah_nominasi_apa_pun:
        raise PermissionDenied
    qs = selectors.antrean_kbk_for_user(request.user).order_by("diubah_pada", "pk")
    return render(request, "agen/antrean_kbk.html", {"page": _page(request, qs)})


def antrean_kepala(request):
    """The Kepala PD's list: recommended nominations waiting for appointment."""
    if not lingkup(request.user).boleh_tetapkan_agen_apa_pun:
        raise PermissionDenied
    qs = selectors.antrean_kepala_for_user(request.user).select_related("penilaian").order_by("diubah_pada", "pk")
    return render(request, "agen/antrean_kepala.html", {"page": _page(request, qs)})


def usulan_saya(request):
    """A unit head's own nominations with their state."""
    if not lingkup(request.user).boleh_usulkan_agen_apa_pun:
        raise PermissionDenied
    qs = selectors.nominasi_for_user(request.user).filter(pengusul=request.user).order_by("-dibuat_pada", "-pk")
    return render(request, "agen/usulan_saya.html", {"page": _page(request, qs)})


def daftar_agen(request):
    """Agents in the user's scope with their term state; a sanction that started during the term is flagged."""
    if not lingkup(request.user).boleh_lihat_agen_apa_pun:
        raise PermissionDenied
    qs = selectors.dengan_peringatan(selectors.penetapan_for_user(request.user)).order_by(
        "surat_keputusan__perangkat_daerah__kode", "pegawai__nama", "pk"
    )
    return render(request, "agen/daftar_agen.html", {"page": _page(request, qs), "hari_ini": timezone.localdate()})


def ikhtisar(request):
    """Tim Monev's overview of agents per PD for the kabupaten."""
    if not lingkup(request.user).boleh_lihat_ikhtisar_agen:
        raise PermissionDenied
    rows = selectors.ikhtisar_per_pd(timezone.localdate())
    total = {k: sum(r[k] for r in rows) for k in ("aktif", "berakhir", "dicabut")}
    return render(request, "agen/ikhtisar.html", {"rows": rows, "total": total})


def saya(request):
    """The ASN's own: nominations about them (to confirm commitment) and their appointments."""
    scope = lingkup(request.user)
    if scope.pegawai is None:
        raise Http404
    nominasi = selectors.nominasi_calon(request.user).order_by("-dibuat_pada")
    penetapan = selectors.penetapan_for_user(request.user).filter(pegawai=scope.pegawai)
    return render(request, "agen/saya.html", {"nominasi": nominasi, "penetapan": penetapan})


# Nomination ---------------------------------------------------------------------------------------------------


def nominasi_tambah(request):
    """Penjaringan awal by a unit head for an ASN of their unit(s)."""
    if not lingkup(request.user).boleh_usulkan_agen_apa_pun:
        raise PermissionDenied
    form = NominasiForm(request.POST or None, pegawai_qs=selectors.calon_layak(request.user))
    if request.method == "POST" and form.is_valid():
        pegawai = form.cleaned_data["pegawai"]
        putaran = (
            PutaranRekrutmen.objects.filter(perangkat_daerah_id=pegawai.unit_kerja.perangkat_daerah_id)
            .order_by("-tahun")
            .first()
        )
        if putaran is None:
            form.add_error(None, _("Belum ada putaran rekrutmen di perangkat daerah ini."))
        else:
            try:
                nominasi = services.nominasi_usulkan(
                    putaran,
                    pegawai=pegawai,
                    aktor=request.user,
                    mekanisme=form.cleaned_data["mekanisme"],
                    alasan=form.alasan(),
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Usulan tersimpan. Calon diminta mengonfirmasi komitmennya."))
                return redirect("agen:nominasi_detail", pk=nominasi.pk)
    return render(request, "agen/nominasi_form.html", {"form": form})


def nominasi_detail(request, pk: int):
    nominasi = _get_nominasi_for_user(request, pk)
    catat_akses(request, AksesData.Jenis.PEGAWAI, f"Nominasi {nominasi.pk}", subjek_id=nominasi.pegawai_id)
    scope = lingkup(request.user)
    tersedia = services.nominasi_aksi_tersedia(nominasi, aktor=request.user)
    utama = LANGKAH_UTAMA.get(nominasi.status)
    urut = sorted((a for a in tersedia if a in AKSI_DENGAN_CATATAN), key=lambda a: a != utama)
    forms = [
        (
            a,
            Aksi(a).label,
            _form_untuk(a),
            a == utama or (a not in KEPUTUSAN and utama not in urut),
            a in MENGAKHIRI,
            a == utama,
        )
        for a in urut
    ]
    riwayat = nominasi.riwayat.select_related("oleh__pegawai")
    context = {
        "nominasi": nominasi,
        "riwayat": riwayat,
        "forms": forms,
        "bisa_menilai": Aksi.REKOMENDASIKAN in tersedia,
        "bisa_menetapkan": Aksi.TETAPKAN in tersedia,
        "penilaian": getattr(nominasi, "penilaian", None),
        "penetapan": getattr(nominasi, "penetapan", None),
        "pertanyaan": riwayat.last() if nominasi.status in KLARIFIKASI else None,
        "bukan_penelaah": scope.boleh_telaah_nominasi_di(nominasi.putaran.perangkat_daerah_id)
        and not scope.boleh_telaah_nominasi(nominasi),
        # Nominee onboarding: a nominee without an activated account cannot confirm; say so and link to a code.
        "calon_belum_aktif": not sudah_aktif(nominasi.pegawai),
        "boleh_cetak_kode_calon": scope.boleh_cetak_kode_pegawai(nominasi.pegawai),
    }
    return render(request, "agen/nominasi_detail.html", context)


@require_POST
def nominasi_aksi(request, pk: int, aksi: str):
    if aksi not in AKSI_DENGAN_CATATAN:
        raise Http404
    nominasi = _get_nominasi_for_user(request, pk)
    if not services.nominasi_pelaku(nominasi, aktor=request.user) & pelaku_untuk(aksi):
        raise PermissionDenied
    form = _form_untuk(aksi, request.POST)
    if form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("nomor_sk", "tanggal_sk") if k in form.cleaned_data}
        _jalankan(request, nominasi, aksi, form.cleaned_data["catatan"], **data)
    else:
        messages.error(request, _("Lengkapi isian: catatan dan konfirmasi wajib untuk langkah ini."))
    return redirect("agen:nominasi_detail", pk=nominasi.pk)


def nominasi_nilai(request, pk: int):
    """Assessment by a KBK reviewer: rubric scores, recommendation, notes."""
    nominasi = _get_nominasi_for_user(request, pk)
    if Pelaku.PENELAAH not in services.nominasi_pelaku(nominasi, aktor=request.user):
        raise PermissionDenied
    if nominasi.status != Status.ASSESSMENT:
        messages.warning(request, _("Usulan ini tidak sedang menunggu assessment."))
        return redirect("agen:nominasi_detail", pk=pk)
    form = PenilaianForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        aksi = Aksi.REKOMENDASIKAN if form.cleaned_data["rekomendasi"] == "ya" else Aksi.TIDAK_REKOMENDASIKAN
        _jalankan(request, nominasi, aksi, form.cleaned_data["catatan"], skor=form.skor())
        return redirect("agen:nominasi_detail", pk=pk)
    return render(request, "agen/nominasi_nilai.html", {"nominasi": nominasi, "form": form})


def nominasi_tetapkan(request, pk: int):
    """Penetapan formal by the Kepala PD: pick the SK, the roles and the tasks."""
    nominasi = _get_nominasi_for_user(request, pk)
    if Pelaku.KEPALA_PD not in services.nominasi_pelaku(nominasi, aktor=request.user):
        raise PermissionDenied
    if nominasi.status != Status.DIREKOMENDASIKAN:
        messages.warning(request, _("Usulan ini tidak sedang menunggu penetapan."))
        return redirect("agen:nominasi_detail", pk=pk)
    # Only a konsep SK takes appointments; an issued one never changes (docs/keputusan.md, «Dokumen terbit»).
    sk_qs = (
        selectors.surat_keputusan_for_user(request.user)
        .filter(perangkat_daerah_id=nominasi.putaran.perangkat_daerah_id, ditetapkan_pada__isnull=True)
        .exclude(jenis=SuratKeputusan.Jenis.PENCABUTAN)
    )
    initial = {"tugas": tugas_bawaan_teks()}
    form = PenetapanForm(request.POST or None, sk_qs=sk_qs, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok = _jalankan(
            request,
            nominasi,
            Aksi.TETAPKAN,
            surat_keputusan=data["surat_keputusan"],
            peran=data["peran"],
            tugas=data["tugas"],
        )
        if ok:
            return redirect("agen:sk_detail", pk=data["surat_keputusan"].pk)
        return redirect("agen:nominasi_detail", pk=pk)
    pernyataan = services.alasan_tidak_memenuhi(nominasi.pegawai)
    return render(
        request,
        "agen/nominasi_tetapkan.html",
        {"nominasi": nominasi, "form": form, "tidak_memenuhi": pernyataan, "ada_sk": sk_qs.exists()},
    )


def komitmen(request, pk: int):
    """The nominee's page: confirm commitment or decline; answer a clarification asked of them."""
    nominasi = _get_nominasi_calon(request, pk)
    tersedia = [a for a in services.nominasi_aksi_tersedia(nominasi, aktor=request.user) if a in AKSI_CALON]
    if request.method == "POST":
        aksi = request.POST.get("aksi", "")
        if aksi not in tersedia:
            messages.warning(request, _("Langkah ini tidak tersedia lagi untuk usulan ini."))
        else:
            form = _form_untuk(aksi, request.POST)
            if form.is_valid():
                _jalankan(request, nominasi, aksi, form.cleaned_data["catatan"])
            else:
                messages.error(request, _("Lengkapi isian sebelum mengirim."))
        return redirect("agen:komitmen", pk=pk)
    pertanyaan = nominasi.riwayat.last() if nominasi.status == Status.KLARIFIKASI_CALON else None
    forms = [(a, Aksi(a).label, _form_untuk(a), a in MENGAKHIRI) for a in tersedia]
    riwayat = nominasi.riwayat.select_related("oleh__pegawai")
    context = {"nominasi": nominasi, "forms": forms, "pertanyaan": pertanyaan, "riwayat": riwayat}
    return render(request, "agen/komitmen.html", context)


# Rounds, SK, agents -------------------------------------------------------------------------------------------


def putaran_list(request):
    scope = lingkup(request.user)
    if not scope.boleh_lihat_agen_apa_pun:
        raise PermissionDenied
    qs = selectors.putaran_for_user(request.user).order_by("-tahun", "perangkat_daerah__kode")
    pd_id = scope.pd_kepala_tunggal
    boleh_buka = pd_id is not None and scope.boleh_buka_putaran(pd_id)
    form = PutaranForm(initial={"tahun": timezone.localdate().year}) if boleh_buka else None
    return render(request, "agen/putaran_list.html", {"page": _page(request, qs), "form": form})


@require_POST
def putaran_tambah(request):
    """The Kepala PD opens the PD's round (one per year)."""
    scope = lingkup(request.user)
    pd_id = scope.pd_kepala_tunggal
    if pd_id is None or not scope.boleh_buka_putaran(pd_id):
        raise PermissionDenied
    form = PutaranForm(request.POST)
    if form.is_valid():
        pd = PerangkatDaerah.objects.get(pk=pd_id)
        try:
            services.putaran_buka(pd, **form.cleaned_data, aktor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        except IntegrityError:
            messages.error(request, _("Putaran tahun ini sudah ada."))
        else:
            messages.success(request, _("Putaran rekrutmen dibuka."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("agen:putaran_list")


def sk_list(request):
    scope = lingkup(request.user)
    if not scope.boleh_lihat_sk_apa_pun:
        raise PermissionDenied
    qs = selectors.surat_keputusan_for_user(request.user).order_by("-tanggal", "-pk")
    form = SuratKeputusanForm(sk_qs=qs) if scope.pd_kepala_tunggal is not None else None
    return render(request, "agen/sk_list.html", {"page": _page(request, qs), "form": form})


@require_POST
def sk_tambah(request):
    scope = lingkup(request.user)
    pd_id = scope.pd_kepala_tunggal
    if pd_id is None or not scope.boleh_buat_sk(pd_id):
        raise PermissionDenied
    form = SuratKeputusanForm(
        request.POST, sk_qs=selectors.surat_keputusan_for_user(request.user).filter(perangkat_daerah_id=pd_id)
    )
    if form.is_valid():
        pd = PerangkatDaerah.objects.get(pk=pd_id)
        try:
            sk = services.surat_keputusan_buat(pd, **form.cleaned_data, aktor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("Surat keputusan dibuat. Tetapkan agen dari daftar usulan yang direkomendasikan.")
            )
            return redirect("agen:sk_detail", pk=sk.pk)
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("agen:sk_list")


def sk_detail(request, pk: int):
    sk = _get_sk_for_user(request, pk)
    context = services.sk_konteks(sk)
    context["boleh_tetapkan"] = not sk.ditetapkan and lingkup(request.user).boleh_buat_sk(sk.perangkat_daerah_id)
    return render(request, "agen/sk_detail.html", context)


@require_POST
def sk_tetapkan(request, pk: int):
    """The Kepala PD issues a konsep SK: its PDF is rendered once and kept (docs/keputusan.md, «Dokumen terbit»)."""
    sk = _get_sk_for_user(request, pk)
    if not lingkup(request.user).boleh_buat_sk(sk.perangkat_daerah_id):
        raise PermissionDenied
    form = TetapkanSkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Centang konfirmasi untuk menetapkan SK."))
        return redirect("agen:sk_detail", pk=sk.pk)
    try:
        services.surat_keputusan_tetapkan(sk, aktor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    except PdfRenderTimeoutError:
        messages.error(request, _("PDF belum dapat dibuat (batas waktu terlampaui). Coba lagi."))
    else:
        messages.success(request, _("SK ditetapkan. Dokumennya disimpan dan tidak berubah lagi."))
    return redirect("agen:sk_detail", pk=sk.pk)


def sk_pdf(request, pk: int):
    """The SK as a PDF in the form of a Keputusan: an issued SK's stored bytes; a konsep rendered now, marked KONSEP."""
    sk = _get_sk_for_user(request, pk)
    safe = "".join(ch if ch.isalnum() else "-" for ch in sk.nomor)[:60]
    if sk.dokumen_id is not None:
        return dokumen_unduhan(sk.dokumen, f"sk-agen-perubahan-{safe}")
    try:
        pdf = render_pdf("agen/pdf/sk.html", {**services.sk_konteks(sk), "konsep": True})
    except PdfRenderTimeoutError:
        return HttpResponse(_("PDF belum dapat dibuat (batas waktu terlampaui). Coba lagi."), status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="konsep-sk-agen-perubahan-{safe}.pdf"'
    return response


def agen_detail(request, pk: int):
    penetapan = _get_penetapan_for_user(request, pk)
    boleh_catat = lingkup(request.user).boleh_catat_pembinaan_agen(penetapan.surat_keputusan.perangkat_daerah_id)
    cabut = None
    if Aksi.CABUT in services.nominasi_aksi_tersedia(penetapan.nominasi, aktor=request.user):
        cabut = _form_untuk(Aksi.CABUT)
    context = {
        "agen": penetapan,
        "pembinaan": penetapan.pembinaan.all(),
        "penghargaan": penetapan.penghargaan.all(),
        "form_pembinaan": PembinaanForm(prefix="pembinaan") if boleh_catat else None,
        "form_penghargaan": PenghargaanForm(prefix="penghargaan") if boleh_catat else None,
        "form_cabut": cabut,
        "sanksi": penetapan.pegawai.sanksi.filter(
            mulai__gte=penetapan.surat_keputusan.masa_mulai, mulai__lte=penetapan.surat_keputusan.masa_selesai
        ),
        "peran_choices": PeranAgen,
    }
    return render(request, "agen/agen_detail.html", context)


def _catat(request, pk: int, form_class, prefix: str, pesan: str):
    penetapan = _get_penetapan_for_user(request, pk)
    if not lingkup(request.user).boleh_catat_pembinaan_agen(penetapan.surat_keputusan.perangkat_daerah_id):
        raise PermissionDenied
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        obj = form.save(commit=False)
        obj.penetapan = penetapan
        obj.dicatat_oleh = request.user
        obj.save()
        messages.success(request, pesan)
    else:
        messages.error(request, _("Isian belum lengkap: %(e)s") % {"e": "; ".join(form.errors.keys())})
    return redirect(reverse("agen:agen_detail", kwargs={"pk": pk}))


@require_POST
def pembinaan_tambah(request, pk: int):
    return _catat(request, pk, PembinaanForm, "pembinaan", _("Pembinaan dicatat."))


@require_POST
def penghargaan_tambah(request, pk: int):
    return _catat(request, pk, PenghargaanForm, "penghargaan", _("Penghargaan dicatat."))
