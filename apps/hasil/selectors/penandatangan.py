"""The signer of a report (Penanggung Jawab Evaluasi, Petunjuk Pengisian of Lampiran BAB IV): read from the
account roles (`akun.Peran`)."""

from apps.akun.models import Peran

from .data import Penandatangan


def _penandatangan(peran: Peran | None, jabatan: str = "") -> Penandatangan | None:
    pegawai = getattr(peran.user, "pegawai", None) if peran else None
    if pegawai is None:
        return None
    golongan = pegawai.golongan
    return Penandatangan(
        nama=pegawai.nama_lengkap,
        jabatan=jabatan or pegawai.jabatan,
        pangkat_golongan=str(golongan) if golongan else "",
        nip=pegawai.nip,
        sebutan=peran.sebutan,
    )


def penandatangan_kabupaten() -> Penandatangan | None:
    """The active Sekretaris Daerah: penanggung jawab evaluasi for a Kab/Kota (Petunjuk Pengisian). One query."""
    peran = (
        Peran.objects.aktif()
        .filter(jenis=Peran.Jenis.SEKDA)
        .select_related("user__pegawai__golongan")
        .order_by("-mulai", "-pk")
        .first()
    )
    return _penandatangan(peran)


def penandatangan_pd(pd_id: int) -> Penandatangan | None:
    """The active Kepala PD (definitive, Plt. or Pj.). One query."""
    peran = (
        Peran.objects.aktif()
        .filter(jenis=Peran.Jenis.KEPALA_PD, perangkat_daerah_id=pd_id)
        .select_related("user__pegawai__golongan", "perangkat_daerah")
        .order_by("sebutan", "-mulai", "-pk")  # the definitive head ("") before a Plt./Pj.
        .first()
    )
    # The office is the PD's (Camat, Inspektur, Kepala Dinas ...), not the person's own position title.
    return _penandatangan(peran, jabatan=peran.perangkat_daerah.jabatan_pimpinan if peran else "")
