"""The signer of the covering letter of the consolidated report (Pasal 9(3)): the Ketua Tim Monev."""

from apps.hasil.selectors import Penandatangan
from apps.kbk.models import AnggotaTimMonev


def ketua_tim_monev() -> Penandatangan | None:
    """The Ketua of the active Tim Monev (Pasal 9(2), Keputusan Bupati): signs the covering letter. One query."""
    anggota = (
        AnggotaTimMonev.objects.filter(tim__aktif=True, jabatan=AnggotaTimMonev.Jabatan.KETUA)
        .select_related("pegawai__golongan")
        .order_by("-tim__tanggal_keputusan", "urutan", "pk")
        .first()
    )
    if anggota is None:
        return None
    pegawai = anggota.pegawai
    return Penandatangan(
        nama=pegawai.nama_lengkap,
        jabatan="Ketua Tim Monitoring, Evaluasi dan Pelaporan",
        pangkat_golongan=str(pegawai.golongan) if pegawai.golongan else "",
        nip=pegawai.nip,
    )
