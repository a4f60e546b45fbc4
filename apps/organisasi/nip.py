"""NIP (Nomor Induk Pegawai) rules for PNS and NI PPPK, both 18 digits (docs/keputusan.md, «Registri dan impor» / «Kode aktivasi»)."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

NIP_ANGKA = gettext_lazy(
    "NIP tersimpan sebagai angka, sehingga digit terakhirnya bisa hilang (Excel hanya menyimpan 15 digit): "
    "format kolom NIP sebagai Teks, lalu ketik ulang NIP-nya."
)

PNS = "PNS"
PPPK = "PPPK"


def nip_errors(nip: str, jenis_asn: str) -> list[str]:
    """Return every reason why `nip` is not a valid NIP for `jenis_asn` (empty when valid).

    Digits 1-8: birth date YYYYMMDD. PNS: 9-14 CPNS appointment YYYYMM (month 01-12).
    PPPK: 9-12 appointment year, 13 is "2", 14 the contract count 1-9. 15: sex 1 or 2. 16-18: 001-999.
    """
    if not isinstance(nip, str) or len(nip) != 18 or not nip.isascii() or not nip.isdigit():
        return [_("NIP harus 18 digit angka.")]
    errors = []
    try:
        born = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        born = None
        errors.append(_("Digit 1-8 NIP harus tanggal lahir yang sah (TTTTBBHH)."))
    if born is not None and not (1940 <= born.year <= datetime.date.today().year - 15):
        errors.append(_("Tahun lahir pada NIP (digit 1-4) tidak wajar."))
    year = int(nip[8:12])
    if jenis_asn == PNS:
        month = int(nip[12:14])
        if not 1 <= month <= 12:
            errors.append(_("Digit 13-14 NIP PNS harus bulan pengangkatan CPNS 01-12."))
    elif jenis_asn == PPPK:
        if nip[12] != "2":
            errors.append(_("Digit 13 NI PPPK harus 2."))
        if not "1" <= nip[13] <= "9":
            errors.append(_("Digit 14 NI PPPK harus perjanjian kerja ke-1 sampai ke-9."))
    else:
        errors.append(_("Jenis ASN harus PNS atau PPPK."))
    if not 1960 <= year <= datetime.date.today().year + 1:
        errors.append(_("Digit 9-12 NIP harus tahun pengangkatan yang wajar."))
    elif born is not None and year < born.year + 15:
        errors.append(_("Tahun pengangkatan pada NIP lebih awal dari usia 15 tahun."))
    if nip[14] not in "12":
        errors.append(_("Digit 15 NIP (jenis kelamin) harus 1 atau 2."))
    if nip[15:18] == "000":
        errors.append(_("Digit 16-18 NIP (nomor urut) harus 001-999."))
    return errors
