"""Notices of the nomination workflow: whoever must act next is told (apps/notifikasi; who acts next is in
apps/agen/workflow.py). Driven by the append-only history row that services.nominasi_transisi and the nomination itself
write for every state change, so no transition can forget to tell."""

import datetime

from django.db.models.signals import post_save
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.akun.models import Peran
from apps.akun.pimpinan import kepala_pd
from apps.notifikasi.services import notifikasi_kirim, notifikasi_kirim_banyak, notifikasi_tandai_dibaca

from .models import Penetapan, RiwayatNominasi
from .workflow import Aksi, Status


def _pengguna_peran(jenis: str, pd_id: int) -> list[int]:
    return list(Peran.objects.aktif().filter(jenis=jenis, perangkat_daerah_id=pd_id).values_list("user_id", flat=True))


def _penanya_terakhir(nominasi) -> object | None:
    asked = (
        RiwayatNominasi.objects.filter(
            nominasi=nominasi, aksi__in=[Aksi.MINTA_KLARIFIKASI_PENGUSUL, Aksi.MINTA_KLARIFIKASI_CALON]
        )
        .select_related("oleh")
        .order_by("-pk")
        .first()
    )
    return asked.oleh if asked else None


def beri_tahu(riwayat: RiwayatNominasi) -> None:
    """Tell the people a new state waits for, and mark the actor's own notices about it read (acted on)."""
    n = riwayat.nominasi
    nama = n.pegawai.nama_lengkap
    detail = reverse("agen:nominasi_detail", args=[n.pk])
    komitmen = reverse("agen:komitmen", args=[n.pk])
    calon = n.pegawai.user
    pd_id = n.putaran.perangkat_daerah_id
    for url in (detail, komitmen):
        notifikasi_tandai_dibaca(riwayat.oleh, url=url)
    ke = riwayat.ke_status
    if ke == Status.MENUNGGU_KOMITMEN:
        notifikasi_kirim(
            calon, teks=_("Anda diusulkan sebagai agen perubahan: konfirmasi komitmen Anda"), url=komitmen, email=True
        )
    elif ke == Status.KLARIFIKASI_PENGUSUL:
        notifikasi_kirim(
            n.pengusul, teks=_("KBK meminta klarifikasi atas usulan %(nama)s") % {"nama": nama}, url=detail, email=True
        )
    elif ke == Status.KLARIFIKASI_CALON:
        notifikasi_kirim(calon, teks=_("KBK meminta klarifikasi atas pencalonan Anda"), url=komitmen, email=True)
    elif ke == Status.PENELAAHAN and riwayat.aksi == Aksi.JAWAB_KLARIFIKASI:
        notifikasi_kirim(
            _penanya_terakhir(n),
            teks=_("Klarifikasi atas usulan %(nama)s sudah dijawab") % {"nama": nama},
            url=detail,
        )
    elif ke == Status.PENELAAHAN and riwayat.aksi == Aksi.KONFIRMASI:
        notifikasi_kirim_banyak(
            [u for u in _pengguna_peran(Peran.Jenis.ANGGOTA_KBK, pd_id) if u != n.pengusul_id],
            teks=_("Usulan agen perubahan menunggu telaah: %(nama)s") % {"nama": nama},
            url=detail,
        )
    elif ke == Status.DIREKOMENDASIKAN:
        notifikasi_kirim_banyak(
            _pengguna_peran(Peran.Jenis.KEPALA_PD, pd_id),
            teks=_("Rekomendasi KBK menunggu penetapan: %(nama)s") % {"nama": nama},
            url=detail,
        )
    if ke in (Status.DITOLAK, Status.TIDAK_DIREKOMENDASIKAN, Status.DITETAPKAN, Status.DICABUT):
        teks = _("Keputusan atas usulan agen perubahan %(nama)s: %(status)s") % {
            "nama": nama,
            "status": Status(ke).label,
        }
        notifikasi_kirim(calon, teks=teks, url=komitmen if ke != Status.DITETAPKAN else reverse("agen:saya"))
        notifikasi_kirim(n.pengusul, teks=teks, url=detail)


def _on_riwayat(sender, instance: RiwayatNominasi, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        beri_tahu(instance)


def hubungkan() -> None:
    post_save.connect(_on_riwayat, sender=RiwayatNominasi, dispatch_uid="agen-pemberitahuan")


HARI_SEBELUM_BERAKHIR = 30
HARI_SUSULAN = 30  # a job that was down for a while still tells of terms that ended in the last month


def masa_tugas_berakhir(hari) -> dict:
    """Daily (manage.py kerja_harian): an agent whose SK term ends within HARI_SEBELUM_BERAKHIR days is told, and
    so is the PD's head; when the term has ended (BERAKHIR is computed from the date, never written), both are
    told once more. Once each: the notice's key names the appointment and the event."""
    hasil = {"akan_berakhir": 0, "berakhir": 0}
    dari = hari - datetime.timedelta(days=HARI_SUSULAN)
    sampai = hari + datetime.timedelta(days=HARI_SEBELUM_BERAKHIR)
    qs = Penetapan.objects.filter(
        dicabut_pada__isnull=True, surat_keputusan__masa_selesai__range=(dari, sampai)
    ).select_related("pegawai", "surat_keputusan")
    penetapan = list(qs)
    kepala = kepala_pd({p.surat_keputusan.perangkat_daerah_id for p in penetapan}, hari)
    for p in penetapan:
        sk = p.surat_keputusan
        berakhir = sk.masa_selesai < hari
        jenis = "berakhir" if berakhir else "akan_berakhir"
        teks = (
            _("Masa tugas agen perubahan %(nama)s (SK %(nomor)s) berakhir %(tgl)s.")
            if berakhir
            else _("Masa tugas agen perubahan %(nama)s (SK %(nomor)s) akan berakhir %(tgl)s.")
        ) % {"nama": p.pegawai.nama_lengkap, "nomor": sk.nomor, "tgl": sk.masa_selesai.strftime("%d-%m-%Y")}
        head = kepala.get(sk.perangkat_daerah_id)
        hasil[jenis] += notifikasi_kirim_banyak(
            [p.pegawai.user_id, head.user_id if head else None],
            teks=teks,
            url=reverse("agen:sk_detail", args=[sk.pk]),
            kunci=f"sk-{jenis}:{p.pk}",
        )
    return hasil
