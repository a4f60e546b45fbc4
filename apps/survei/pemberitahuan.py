"""Notices of Formulir 1: a periode opened (everyone with an account), a periode about to close (those who
have not submitted; `manage.py pemberitahuan_periode`, once a day), and reminders by unit heads."""

import datetime
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.akun.models import Peran
from apps.akun.scope import lingkup
from apps.notifikasi.models import Email, Notifikasi
from apps.notifikasi.services import notifikasi_kirim_banyak
from apps.organisasi.models import Pegawai, UnitKerja

from .models import Pengingat, Periode, Respon
from .partisipasi import pegawai_dalam_lingkup
from .signals import periode_status_changed

HARI_SEBELUM_TUTUP = 3


def _on_status(sender, periode: Periode, old_status: str, new_status: str, **kwargs) -> None:
    if new_status != Periode.Status.DIBUKA or old_status != Periode.Status.DRAFT:
        return
    users = Pegawai.objects.filter(aktif=True, user__isnull=False, user__is_active=True).values_list(
        "user_id", flat=True
    )
    notifikasi_kirim_banyak(
        users,
        teks=_("Formulir 1 %(periode)s dibuka sampai %(tutup)s")
        % {"periode": periode.nama, "tutup": periode.tanggal_tutup.strftime("%d-%m-%Y")},
        url=reverse("survei:formulir", args=[periode.kode]),
        kunci=f"periode-buka:{periode.kode}"[:100],
    )


def beri_tahu_periode_akan_tutup(hari_ini: datetime.date | None = None) -> int:
    """Tell every active ASN with an account who has not submitted that an open periode closes within
    HARI_SEBELUM_TUTUP days; once per periode per person (the notice's kunci). Returns the number told."""
    hari_ini = hari_ini or timezone.localdate()
    total = 0
    batas = hari_ini + datetime.timedelta(days=HARI_SEBELUM_TUTUP)
    for periode in Periode.objects.filter(status=Periode.Status.DIBUKA, tanggal_tutup__range=(hari_ini, batas)):
        terkirim = Respon.objects.filter(periode=periode, status=Respon.Status.TERKIRIM).values("pegawai_id")
        users = (
            Pegawai.objects.filter(aktif=True, user__isnull=False, user__is_active=True)
            .exclude(pk__in=terkirim)
            .values_list("user_id", flat=True)
        )
        total += notifikasi_kirim_banyak(
            users,
            teks=_("Formulir 1 %(periode)s ditutup %(tutup)s dan Anda belum mengirim")
            % {"periode": periode.nama, "tutup": periode.tanggal_tutup.strftime("%d-%m-%Y")},
            url=reverse("survei:formulir", args=[periode.kode]),
            kunci=f"periode-tutup:{periode.kode}"[:100],
            email=True,
        )
    return total


def hubungkan() -> None:
    periode_status_changed.connect(_on_status, dispatch_uid="survei-pemberitahuan-buka")


class PengingatDitolak(Exception):  # noqa: N818 (an outcome shown to the user)
    pass


def _kelompok_belum(periode: Periode, kelompok: str, aktor):
    """(the group's active pegawai in the actor's scope who have not submitted, whether the actor may remind
    the group). Refuses a malformed group key."""
    jenis, _sep, pk = kelompok.partition(":")
    if jenis not in ("unit", "pd") or not pk.isdigit():
        raise PengingatDitolak(_("Anda tidak dapat mengirim pengingat untuk kelompok ini."))
    belum = pegawai_dalam_lingkup(aktor).exclude(
        pk__in=Respon.objects.filter(periode=periode, status=Respon.Status.TERKIRIM).values("pegawai_id")
    )
    scope = lingkup(aktor)
    if jenis == "unit":
        unit = UnitKerja.objects.filter(pk=pk).first()
        if unit is None:
            return belum.none(), False
        return belum.filter(unit_kerja__path__startswith=unit.path), scope.boleh_ingatkan_unit(unit)
    return belum.filter(unit_kerja__perangkat_daerah_id=int(pk)), scope.boleh_ingatkan_pd(int(pk))


def kunci_pengingat(periode: Periode, hari: datetime.date) -> str:
    return f"pengingat:{periode.kode}:{hari.isoformat()}"[:100]


def pengingat_kirim(periode: Periode, *, kelompok: str, aktor) -> int:
    """Remind everyone of `kelompok` ("unit:<pk>" — the unit and its sub-units — or "pd:<pk>") who has not
    submitted Formulir 1 of `periode`: an in-app notice each with an email copy, never answers. At most once a
    day per group.

    Rights: the head of the unit (or of a unit above it), the Kepala PD of its PD, Tim Monev. Side effects: one
    Pengingat row (unique per periode, group and day: a second one the same day raises PengingatDitolak); one
    Notifikasi per person with an account, its email copy sent after commit and its outcome kept on the notice
    (what reached whom: `pengingat_jangkauan`). Returns the number of people reminded in the app.
    """
    if not periode.menerima_kiriman():
        raise PengingatDitolak(_("Pengingat hanya untuk periode yang sedang dibuka."))
    belum, boleh = _kelompok_belum(periode, kelompok, aktor)
    if not boleh:
        raise PengingatDitolak(_("Anda tidak dapat mengirim pengingat untuk kelompok ini."))
    hari_ini = timezone.localdate()
    users = list(belum.filter(user__isnull=False, user__is_active=True).values_list("user_id", flat=True))
    try:
        with transaction.atomic():
            Pengingat.objects.create(
                periode=periode, kelompok=kelompok, tanggal=hari_ini, oleh=aktor, jumlah=len(users)
            )
            notifikasi_kirim_banyak(
                users,
                teks=_("Pengingat: Formulir 1 %(periode)s belum Anda kirim; ditutup %(tutup)s")
                % {"periode": periode.nama, "tutup": periode.tanggal_tutup.strftime("%d-%m-%Y")},
                url=reverse("survei:formulir", args=[periode.kode]),
                kunci=kunci_pengingat(periode, hari_ini),
                email=True,
            )
    except IntegrityError:
        raise PengingatDitolak(_("Pengingat untuk kelompok ini sudah dikirim hari ini; coba lagi besok.")) from None
    return len(users)


@dataclass
class Jangkauan:
    """What one reminder reached: per non-sender, the app (an account), the email copy, or nothing."""

    aplikasi: int
    email: int
    gagal: list  # (pegawai, error) of failed email copies
    daftar: list  # pegawai not reached by email: the printable list and a WhatsApp link each

    @property
    def perlu_daftar(self) -> int:
        return len(self.daftar)


def pengingat_jangkauan(pengingat: Pengingat, aktor) -> Jangkauan:
    """How the reminder `pengingat` reached the group's non-senders (as of now, within the actor's scope)."""
    belum, _boleh = _kelompok_belum(pengingat.periode, pengingat.kelompok, aktor)
    pegawai = list(belum.select_related("user", "unit_kerja").order_by("unit_kerja__path", "nama", "pk"))
    notices = {
        n.penerima_id: n
        for n in Notifikasi.objects.filter(
            kunci=kunci_pengingat(pengingat.periode, pengingat.tanggal),
            penerima_id__in=[p.user_id for p in pegawai if p.user_id],
        )
    }
    aplikasi = email = 0
    gagal, daftar = [], []
    for p in pegawai:
        notice = notices.get(p.user_id)
        aplikasi += notice is not None
        if notice is not None and notice.email == Email.TERKIRIM:
            email += 1
            continue
        if notice is not None and notice.email == Email.GAGAL:
            gagal.append((p, notice.email_galat))
        daftar.append(p)
    return Jangkauan(aplikasi=aplikasi, email=email, gagal=gagal, daftar=daftar)


def teks_whatsapp(pegawai, periode: Periode) -> str:
    """The prefilled WhatsApp text for one person (no API, no number: the sender chooses the contact)."""
    alamat = f"{settings.SITE_URL}{reverse('survei:formulir', args=[periode.kode])}"
    return _(
        "Yth. %(nama)s, Formulir 1 %(periode)s (Budaya Kerja) belum Anda kirim. Periode ditutup %(tutup)s. "
        "Isi di %(alamat)s — bila belum punya akun, minta kode aktivasi kepada pimpinan unit Anda."
    ) % {
        "nama": pegawai.nama_lengkap,
        "periode": periode.nama,
        "tutup": periode.tanggal_tutup.strftime("%d-%m-%Y"),
        "alamat": alamat,
    }


def tautan_whatsapp(pegawai, periode: Periode) -> str:
    """https://wa.me/<number>?text=... when the registry holds the person's phone, else https://wa.me/?text=..."""
    nomor = "".join(c for c in (pegawai.telepon or "") if c.isdigit())
    if nomor.startswith("0"):
        nomor = "62" + nomor[1:]
    return f"https://wa.me/{nomor}?text={quote(teks_whatsapp(pegawai, periode))}"


def harian_periode_akan_tutup(hari: datetime.date) -> dict:
    """Daily step (manage.py kerja_harian): the closing-soon notice, with an email copy."""
    return {"diberi_tahu": beri_tahu_periode_akan_tutup(hari)}


def harian_periode_lewat_tutup(hari: datetime.date) -> dict:
    """Daily step: the deadline of a periode has passed and it is still DIBUKA (submission already stops at the
    close date): Tim Monev is told to close it, once per periode."""
    monev = Peran.objects.aktif(hari).filter(jenis=Peran.Jenis.TIM_MONEV).values_list("user_id", flat=True)
    n = 0
    for periode in Periode.objects.filter(status=Periode.Status.DIBUKA, tanggal_tutup__lt=hari):
        n += notifikasi_kirim_banyak(
            list(monev),
            teks=_("Batas waktu Formulir 1 %(periode)s (%(tutup)s) sudah lewat: tutup periode ini.")
            % {"periode": periode.nama, "tutup": periode.tanggal_tutup.strftime("%d-%m-%Y")},
            url=reverse("survei:periode_list"),
            kunci=f"periode-lewat:{periode.kode}"[:100],
            email=True,
        )
    return {"diberi_tahu": n}
