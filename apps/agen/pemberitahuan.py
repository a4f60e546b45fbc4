"""Notices of the nomination workflow: whoever must act next is told (apps/notifikasi; who acts next is in
apps/agen/workflow.py). Driven by the append-only history row that services.nominasi_transisi and the nomination itself
write for every state change, so no transition can forget to tell."""

from django.db.models.signals import post_save
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.akun.models import Peran
from apps.notifikasi.services import notifikasi_kirim, notifikasi_kirim_banyak, notifikasi_tandai_dibaca

from .models import RiwayatNominasi
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
