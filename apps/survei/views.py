"""Formulir 1 screens: the ASN's form, drafts and results; participation; Tim Monev's periodes and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from apps.akun.scope import lingkup, perangkat_daerah_for_user
from apps.common.export import xlsx_bytes
from apps.notifikasi.services import email_aktif, notifikasi_tandai_dibaca
from apps.organisasi.akses import catat_akses
from apps.organisasi.models import AksesData, PemberitahuanDiterima, UnitKerja

from . import partisipasi, pemberitahuan, scoring, services
from .forms import BukaKembaliForm, FormulirForm, PeriodeForm, StatusPeriodeForm
from .models import Bagian, Butir, InstrumenVersi, Jawaban, Pengingat, Periode, Respon
from .versi import bingkai_versi, butir_html, fieldset_versi, instrumen_beku, kelompok_baru, teks_formulir, versi_beku

S = Periode.Status


# --- access helpers: each returns the object or raises 404/403 -------------------------------------------------


def _pegawai_or_403(request):
    pegawai = lingkup(request.user).pegawai
    if pegawai is None:
        raise PermissionDenied
    return pegawai


def _require_kelola_periode(request) -> None:
    if not lingkup(request.user).boleh_kelola_periode:
        raise PermissionDenied


def _get_periode_terbit(kode: str) -> Periode:
    """A periode an ASN may see: any but a DRAFT one. This runs on every GET and POST of Formulir 1, so the row is
    read with one plain statement (building the ORM query cost more than running it: bench/kirim.py) and its
    frozen instrument version comes from this process's cache rather than a join."""
    qn = connection.ops.quote_name
    sql = (
        f"SELECT p.*, i.dibuat_pada AS versi_dibuat_pada FROM {qn(Periode._meta.db_table)} p "
        f"INNER JOIN {qn(InstrumenVersi._meta.db_table)} i ON i.id = p.instrumen_id WHERE p.kode = %s"
    )
    periode = next(iter(Periode.objects.raw(sql, [kode])), None)
    if periode is None or periode.status == S.DRAFT:
        raise Http404
    periode.instrumen = instrumen_beku(periode.instrumen_id, periode.versi_dibuat_pada)
    return periode


def _get_respon_for_user(request, pk: int) -> Respon:
    """The logged-in ASN's own response; anybody else's is a 404 (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»: only the respondent sees answers)."""
    pegawai = lingkup(request.user).pegawai
    if pegawai is None:
        raise Http404
    return get_object_or_404(
        Respon.objects.select_related("periode__instrumen", "unit_kerja", "perangkat_daerah"), pk=pk, pegawai=pegawai
    )


def _bagian(instrumen_id: int) -> list[Bagian]:
    butir = Butir.objects.select_related("bagian").order_by("nomor")
    return list(
        Bagian.objects.filter(instrumen_id=instrumen_id)
        .prefetch_related(Prefetch("butir", queryset=butir), "band")
        .order_by("urutan")
    )


# --- ASN ------------------------------------------------------------------------------------------------------


def daftar(request):
    """The ASN's open periodes and past results."""
    pegawai = _pegawai_or_403(request)
    respon = {r.periode_id: r for r in Respon.objects.filter(pegawai=pegawai)}
    periode = list(Periode.objects.exclude(status=S.DRAFT).order_by("-tanggal_buka"))
    rows = [(p, respon.get(p.pk), p.menerima_kiriman()) for p in periode]
    return render(request, "survei/daftar.html", {"rows": rows})


def _render_formulir(request, periode, nilai: dict[int, int], respon, status=200, galat=None, kurang=None):
    """The form with the given answers checked. Fieldsets and the sections' frames come pre-rendered per version
    (apps/survei/versi.py); only items with an error message are rendered for this request."""
    versi = versi_beku(periode.instrumen)
    fieldset = fieldset_versi(periode.instrumen)
    galat = galat or {}
    nilai = {n: v for n, v in nilai.items() if n in versi.per_nomor and v in (1, 2, 3, 4)}
    baru = kelompok_baru(versi) if galat else set()

    def html(b) -> str:
        if b.nomor in galat:
            return butir_html(b, nilai.get(b.nomor), galat[b.nomor], kelompok_baru=b.nomor in baru)
        return fieldset[b.nomor][nilai.get(b.nomor, 0)]

    # One string for every section and its items: a template loop costs more than the join.
    bingkai = bingkai_versi(periode.instrumen)
    isian = []
    for bg, items in versi.isi:
        awal, akhir = bingkai.bagian[bg.pk]
        isian += [awal, *(html(b) for b in items), akhir]
    context = {
        "periode": periode,
        "pegawai": lingkup(request.user).pegawai,
        "isian": SafeString("".join(isian)),
        "akhir": bingkai.akhir,
        "teks_formulir": teks_formulir(),
        "respon": respon,
        "answered": len(nilai),
        "total_butir": len(versi.butir),
        "kurang": kurang or [],
        "hari_ini": timezone.localdate(),
    }
    return render(request, "survei/formulir.html", context, status=status)


@require_http_methods(["GET", "POST"])
def formulir(request, kode: str):
    """Fill Formulir 1: "Simpan draf" keeps the answers on the server, "Kirim" submits (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»)."""
    pegawai = _pegawai_or_403(request)
    periode = _get_periode_terbit(kode)
    if request.method == "POST":
        return _formulir_post(request, periode, pegawai)
    # One plain statement, as _get_periode_terbit: the ASN's response (one per periode, a unique constraint).
    table = connection.ops.quote_name(Respon._meta.db_table)
    sql = f"SELECT * FROM {table} WHERE periode_id = %s AND pegawai_id = %s"
    respon = next(iter(Respon.objects.raw(sql, [periode.pk, pegawai.pk])), None)
    if respon is not None and respon.status == Respon.Status.TERKIRIM:
        return redirect("survei:respon", pk=respon.pk)
    if not periode.menerima_kiriman():
        return render(request, "survei/tertutup.html", {"periode": periode, "respon": respon})
    if not PemberitahuanDiterima.sudah(request.user, request.session):
        # The privacy notice comes before the first Formulir 1 (docs/pdp.md, «Pemberitahuan»), and back here.
        return redirect(f"{reverse('pdp:pemberitahuan')}?{urlencode({'next': request.path})}")
    tersimpan = {}
    if respon is not None:
        tersimpan = dict(Jawaban.objects.filter(respon=respon).values_list("butir__nomor", "nilai"))
    return _render_formulir(request, periode, tersimpan, respon)


def _formulir_post(request, periode: Periode, pegawai):
    """Save a draft (a button or autosave) or submit. Few queries: the services lock and check the response."""
    autosave = request.headers.get("X-Autosave") == "1"
    versi = versi_beku(periode.instrumen)
    butir = versi.per_nomor
    form = FormulirForm(versi.butir, request.POST)
    form.is_valid()  # optional radio fields: an invalid value is simply not kept
    answers = form.answers()
    aksi = request.POST.get("aksi", "")
    try:
        if aksi == "kirim":
            respon = services.respon_kirim(periode, pegawai=pegawai, answers=answers, butir=butir)
            messages.success(request, _("Terima kasih. Formulir 1 Anda sudah terkirim."))
            if autosave:  # sent by static/js/formulir.js, which then opens the result itself
                return JsonResponse({"ok": True, "url": reverse("survei:respon", args=[respon.pk])})
            return redirect("survei:respon", pk=respon.pk)
        respon = services.respon_simpan_draf(periode, pegawai=pegawai, answers=answers, butir=butir)
    except services.SudahTerkirim as done:
        if autosave:
            url = reverse("survei:respon", args=[done.respon.pk])
            return JsonResponse({"ok": False, "pesan": _("Formulir ini sudah terkirim."), "url": url}, status=409)
        messages.info(request, _("Formulir Anda untuk periode ini sudah terkirim."))
        return redirect("survei:respon", pk=done.respon.pk)
    except ValidationError as exc:
        if exc.code == "kurang":
            try:
                respon = services.respon_simpan_draf(periode, pegawai=pegawai, answers=answers, butir=butir)
            except services.SudahTerkirim as done:  # another tab submitted meanwhile
                messages.info(request, _("Formulir Anda untuk periode ini sudah terkirim."))
                return redirect("survei:respon", pk=done.respon.pk)
            if autosave:
                return JsonResponse({"ok": False, "pesan": exc.messages[0], "kurang": True}, status=409)
            kurang = form.tandai_kurang()
            return _render_formulir(request, periode, answers, respon, galat=form.galat, kurang=kurang)
        if autosave:
            return JsonResponse({"ok": False, "pesan": exc.messages[0]}, status=409)
        messages.error(request, _("Periode ini sudah tidak menerima jawaban. Jawaban Anda tidak disimpan."))
        return redirect("survei:formulir", kode=periode.kode)
    if autosave:
        return JsonResponse({"ok": True, "terjawab": len(answers)})
    messages.success(
        request, _("Draf tersimpan: %(n)s dari %(total)s butir terjawab.") % {"n": len(answers), "total": len(butir)}
    )
    kode_bagian = aksi.partition(":")[2]
    anchor = f"bagian-{kode_bagian}" if kode_bagian in {bg.kode for bg in versi.bagian} else "formulir"
    return redirect(f"{request.path}#{anchor}")


def respon(request, pk: int):
    """The ASN's own response: a draft goes back to the form; a submitted one shows TS, Ka and the answers."""
    obj = _get_respon_for_user(request, pk)
    if obj.status == Respon.Status.DRAF:
        return redirect("survei:formulir", kode=obj.periode.kode)
    catat_akses(
        request, AksesData.Jenis.RESPON, f"Respon {obj.pk}, periode {obj.periode.kode}", subjek_id=obj.pegawai_id
    )
    # Submitted: the periode's notices (opened, closing soon, reminders) have been acted on. Here rather than
    # in the submission itself, which stays as short as it is.
    notifikasi_tandai_dibaca(request.user, url=reverse("survei:formulir", args=[obj.periode.kode]))
    bagian = versi_beku(obj.periode.instrumen).bagian
    nilai = dict(Jawaban.objects.filter(respon=obj).values_list("butir_id", "nilai"))
    totals = {1: obj.total_1, 2: obj.total_2, 3: obj.total_3}
    hasil = []
    for bg in bagian:
        total = totals[bg.urutan]
        band = scoring.band_for_total(total, bg.bands())
        jawaban = [
            (b, nilai.get(b.pk), bg.label_skala[nilai[b.pk] - 1] if b.pk in nilai else "") for b in bg.butir.all()
        ]
        hasil.append({"bagian": bg, "total": total, "band": band, "jawaban": jawaban})
    return render(request, "survei/hasil.html", {"respon": obj, "hasil": hasil})


@login_not_required
def service_worker(request):
    """The small service worker of static/js/sw.js, served under /survei/ so that it may keep the form page for
    a reload without signal (its scope is the folder it is served from). Public: it holds no data."""
    path = finders.find("js/sw.js")
    with open(path, encoding="utf-8") as fh:
        response = HttpResponse(fh.read(), content_type="application/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


# --- instrument -----------------------------------------------------------------------------------------------


def instrumen(request, pk: int):
    """Items, bands and the notes on where the regulation's text is broken (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»)."""
    versi = get_object_or_404(InstrumenVersi, pk=pk)
    return render(request, "survei/instrumen.html", {"versi": versi, "bagian": _bagian(versi.pk)})


def cetak(request, pk: int):
    """A blank Formulir 1 to print for a person without a device."""
    versi = get_object_or_404(InstrumenVersi, pk=pk)
    return render(request, "survei/cetak.html", {"versi": versi, "bagian": _bagian(versi.pk)})


# --- participation (unit head, PD, kabupaten) ---------------------------------------------------------------


def _partisipasi_qs(request, periode: Periode):
    """The participation list in the viewer's scope, filtered by ?pd= and ?status=belum; with the PD choices."""
    scope = lingkup(request.user)
    qs = partisipasi.daftar_partisipasi(request.user, periode).select_related("unit_kerja__perangkat_daerah")
    pd_pilihan, pd_dipilih = [], None
    if scope.banyak_pd:
        pd_pilihan = list(perangkat_daerah_for_user(request.user).only("pk", "nama"))
        pd_dipilih = next((pd.pk for pd in pd_pilihan if str(pd.pk) == request.GET.get("pd")), None)
        if pd_dipilih is not None:
            qs = qs.filter(unit_kerja__perangkat_daerah_id=pd_dipilih)
    semua = qs
    belum = request.GET.get("status") == "belum"
    if belum:
        qs = qs.exclude(status_respon=Respon.Status.TERKIRIM)
    return semua, qs, pd_pilihan, pd_dipilih, belum


def _require_partisipasi(request) -> None:
    if not lingkup(request.user).boleh_lihat_partisipasi:
        raise PermissionDenied


def partisipasi_view(request, kode: str):
    """Who has submitted and who has not, in the viewer's scope; never answers or scores (docs/keputusan.md, «Peran dan lingkup» / «Kerahasiaan Formulir 1»). Percentages
    per unit (per PD for kabupaten roles), a "belum" filter, reminders, a printable list and an XLSX."""
    _require_partisipasi(request)
    periode = _get_periode_terbit(kode)
    semua, qs, pd_pilihan, pd_dipilih, belum = _partisipasi_qs(request, periode)
    scope = lingkup(request.user)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    kelompok = partisipasi.per_kelompok(semua, per_pd=scope.banyak_pd)
    terbuka = periode.menerima_kiriman()
    for k in kelompok:
        pk = int(k["kelompok"].partition(":")[2])
        boleh = scope.boleh_ingatkan_unit(k["unit"]) if k["unit"] else scope.boleh_ingatkan_pd(pk)
        k["boleh_ingatkan"] = terbuka and boleh
    context = {
        "periode": periode,
        "page": page,
        "pd_pilihan": pd_pilihan,
        "pd_dipilih": pd_dipilih,
        "belum": belum,
        "kelompok": kelompok,
        "ringkasan": partisipasi.ringkasan(semua),
        "boleh_buka_kembali": scope.boleh_buka_kembali_respon
        and periode.menerima_kiriman()
        and periode.ditutup_pertama_pada is None,
        "boleh_ingatkan_monev": scope.boleh_ingatkan_semua_pd and periode.menerima_kiriman(),
    }
    return render(request, "survei/partisipasi.html", context)


@require_http_methods(["POST"])
def pengingat(request, kode: str):
    """Send one reminder to a unit or PD (at most once a day per group); Tim Monev may remind every PD below a
    chosen participation percentage at once."""
    _require_partisipasi(request)
    periode = _get_periode_terbit(kode)
    scope = lingkup(request.user)
    if not scope.boleh_ingatkan_apa_pun:
        raise PermissionDenied
    if "persen" in request.POST and scope.boleh_ingatkan_semua_pd:
        try:
            batas = max(0, min(100, int(request.POST["persen"])))
        except ValueError:
            messages.error(request, _("Persentase harus bilangan 0 sampai 100."))
            return redirect("survei:partisipasi", kode=kode)
        semua = partisipasi.daftar_partisipasi(request.user, periode)
        targets = [k["kelompok"] for k in partisipasi.per_kelompok(semua, per_pd=True) if k["persen"] < batas]
    else:
        targets = [request.POST.get("kelompok", "")]
    dikirim, ditolak = 0, []
    for target in targets:
        try:
            dikirim += pemberitahuan.pengingat_kirim(periode, kelompok=target, aktor=request.user)
        except pemberitahuan.PengingatDitolak as exc:
            ditolak.append(str(exc))
    if ditolak:
        messages.error(request, ditolak[0])
    if dikirim or not ditolak:
        messages.success(request, _("Pengingat dikirim kepada %(n)s ASN yang belum mengirim.") % {"n": dikirim})
    if len(targets) == 1 and not ditolak:
        sent = Pengingat.objects.get(periode=periode, kelompok=targets[0], tanggal=timezone.localdate())
        return redirect("survei:pengingat_hasil", kode=kode, pk=sent.pk)
    return redirect("survei:partisipasi", kode=kode)


def _get_pengingat_for_user(request, periode: Periode, pk: int) -> Pengingat:
    """A reminder of this periode: its sender, or anyone who may remind the same group; else 404."""
    sent = get_object_or_404(Pengingat, pk=pk, periode=periode)
    if sent.oleh_id != request.user.pk:
        jenis, _sep, ref = sent.kelompok.partition(":")
        scope = lingkup(request.user)
        unit = UnitKerja.objects.filter(pk=ref).first() if jenis == "unit" else None
        boleh = scope.boleh_ingatkan_unit(unit) if unit else jenis == "pd" and scope.boleh_ingatkan_pd(int(ref))
        if not boleh:
            raise Http404
    return sent


def pengingat_hasil(request, kode: str, pk: int):
    """What a reminder reached: in the app, by email (and which copies failed, with the error), and who needs
    the printed list or a WhatsApp message (no account, no email). Printable; never answers."""
    _require_partisipasi(request)
    periode = _get_periode_terbit(kode)
    sent = _get_pengingat_for_user(request, periode, pk)
    jangkauan = pemberitahuan.pengingat_jangkauan(sent, request.user)
    daftar = [(p, pemberitahuan.tautan_whatsapp(p, periode)) for p in jangkauan.daftar]
    context = {
        "periode": periode,
        "pengingat": sent,
        "jangkauan": jangkauan,
        "daftar": daftar,
        "email_aktif": email_aktif(),
        "hari_ini": timezone.localdate(),
    }
    return render(request, "survei/pengingat_hasil.html", context)


def partisipasi_cetak(request, kode: str):
    """A printable list of the names who have not submitted, for the morning briefing (never answers)."""
    _require_partisipasi(request)
    periode = _get_periode_terbit(kode)
    semua, _qs, _pp, pd_dipilih, _b = _partisipasi_qs(request, periode)
    belum = semua.exclude(status_respon=Respon.Status.TERKIRIM)
    context = {"periode": periode, "belum": belum, "hari_ini": timezone.localdate()}
    return render(request, "survei/partisipasi_cetak.html", context)


def partisipasi_xlsx(request, kode: str):
    """Names and status (submitted, draft, not yet) in the viewer's scope as XLSX, formula-looking cells
    neutralised by apps/common/export.py."""
    _require_partisipasi(request)
    periode = _get_periode_terbit(kode)
    semua, qs, _pp, _pd, _b = _partisipasi_qs(request, periode)
    label = {Respon.Status.TERKIRIM: _("Terkirim"), Respon.Status.DRAF: _("Draf")}
    rows = (
        (
            p.nip,
            p.nama_lengkap,
            p.unit_kerja.perangkat_daerah.nama,
            p.unit_kerja.nama,
            label.get(p.status_respon, _("Belum")),
        )
        for p in qs
    )
    header = [_("NIP"), _("Nama"), _("Perangkat daerah"), _("Unit kerja"), _("Status")]
    catat_akses(request, AksesData.Jenis.EKSPOR, f"Partisipasi {periode.kode} (XLSX)")
    data = xlsx_bytes([(_("Partisipasi"), header, rows)])
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="partisipasi-{periode.pk}.xlsx"'
    return response


# --- Tim Monev --------------------------------------------------------------------------------------------


def periode_list(request):
    _require_kelola_periode(request)
    periode = Periode.objects.select_related("instrumen").annotate(
        terkirim=Count("respon", filter=Q(respon__status=Respon.Status.TERKIRIM))
    )
    scope = lingkup(request.user)
    rows = [(p, _transisi_boleh(scope, p)) for p in periode]
    return render(request, "survei/periode_list.html", {"rows": rows, "Status": S})


def _transisi_boleh(scope, periode: Periode) -> list[str]:
    """The steps the user may take from the periode's status (reopening a closed periode is the admin's)."""
    ke = sorted(services.TRANSISI_PERIODE[periode.status])
    if periode.status == S.DITUTUP and not scope.boleh_buka_kembali_periode_ditutup:
        ke = [k for k in ke if k != S.DIBUKA]
    return ke


@require_http_methods(["GET", "POST"])
def periode_tambah(request):
    _require_kelola_periode(request)
    form = PeriodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        periode = form.save()
        messages.success(request, _("Periode %(kode)s dibuat dengan status Draf.") % {"kode": periode.kode})
        return redirect("survei:periode_list")
    return render(request, "survei/periode_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def periode_status(request, kode: str, ke: str):
    """Confirm, then open, close, reopen or finalise a periode (services.periode_ubah_status, periode_finalkan)."""
    _require_kelola_periode(request)
    periode = get_object_or_404(Periode, kode=kode)
    if ke not in S.values or ke not in services.TRANSISI_PERIODE[periode.status]:
        raise Http404
    if ke not in _transisi_boleh(lingkup(request.user), periode):
        raise PermissionDenied
    form = StatusPeriodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if ke == S.FINAL:
                services.periode_finalkan(
                    periode, aktor=request.user, catatan=form.cleaned_data["catatan"] or "Finalisasi laporan"
                )
            else:
                services.periode_ubah_status(periode, ke=ke, aktor=request.user, catatan=form.cleaned_data["catatan"])
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("Status periode %(kode)s: %(status)s.") % {"kode": kode, "status": S(ke).label})
        return redirect("survei:periode_list")
    return render(request, "survei/periode_status.html", {"periode": periode, "ke": S(ke), "form": form})


@require_http_methods(["GET", "POST"])
def buka_kembali(request, pk: int):
    """Tim Monev reopens one submitted response, with the reason (docs/keputusan.md, «Formulir 1: skor dan kategori» / «Periode Formulir 1»). A response is nobody else's
    business: for other roles it does not exist (404)."""
    if not lingkup(request.user).boleh_buka_kembali_respon:
        raise Http404
    obj = get_object_or_404(Respon.objects.select_related("periode", "pegawai"), pk=pk, status=Respon.Status.TERKIRIM)
    form = BukaKembaliForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.respon_buka_kembali(obj, aktor=request.user, alasan=form.cleaned_data["alasan"])
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("Respon %(nama)s dibuka kembali.") % {"nama": obj.pegawai.nama_lengkap})
        return redirect("survei:partisipasi", kode=obj.periode.kode)
    return render(request, "survei/buka_kembali.html", {"respon": obj, "form": form})
