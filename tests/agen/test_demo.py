"""seed_demo adds the 2026 round of BKPSDM with nominations in every state; a second run changes nothing."""

import io

from django.core.management import call_command

from apps.agen.models import Nominasi, Penetapan, RiwayatNominasi
from apps.agen.workflow import Status
from apps.akun.models import Peran
from apps.kbk.models import AnggotaKBK
from apps.kbk.reference import jabatan_sesuai
from apps.organisasi.models import Pegawai


def test_seed_demo_covers_every_state_and_is_idempotent(db):
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Nominasi.objects.count(), RiwayatNominasi.objects.count(), Penetapan.objects.count())
    assert set(Nominasi.objects.values_list("status", flat=True)) == set(Status.values)
    assert not Nominasi.objects.filter(pegawai__user__username="asn").exists()
    assert sorted(
        AnggotaKBK.objects.filter(pegawai__user__username__in=["kepala", "kbk"]).values_list("peran__kode", flat=True)
    ) == [
        "ADVISOR",
        "SPONSOR",
    ]
    # The demo fits Tabel 3.1: every member's post is the one the table names, no exception note needed.
    assert all(
        jabatan_sesuai(a.peran.kode, a.pegawai.jabatan) for a in AnggotaKBK.objects.select_related("peran", "pegawai")
    )
    assert not AnggotaKBK.objects.exclude(catatan_kesesuaian="").exists()
    # Tim Monev decree members hold the role; the Pengarah (the Sekda) does not.
    monev = Peran.objects.aktif().filter(jenis=Peran.Jenis.TIM_MONEV)
    assert set(monev.values_list("user__username", flat=True)) == {"monev"}
    call_command("seed_demo", stdout=io.StringIO())
    assert (Nominasi.objects.count(), RiwayatNominasi.objects.count(), Penetapan.objects.count()) == counts
    assert counts == (17, 64, 6)
    assert Pegawai.objects.get(user__username="asn").nominasi_agen.count() == 0
