"""seed_demo adds a Kelompok Agen of active BKPSDM agents, one forum meeting and two praktik baik; a second run
changes nothing."""

import io

from django.core.management import call_command
from django.utils import timezone

from apps.agen.models import KelompokAgen, RiwayatKelompokAgen
from apps.forum.demo import NAMA_KELOMPOK
from apps.forum.models import Pertemuan, PraktikBaik


def test_seed_demo_adds_a_group_a_meeting_and_two_praktik_baik_once(db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    kelompok = KelompokAgen.objects.get()
    assert (kelompok.nama, kelompok.perangkat_daerah.kode, kelompok.anggota.count()) == (NAMA_KELOMPOK, "BKPSDM", 3)
    hari_ini = timezone.localdate()
    assert all(a.status_pada(hari_ini) == "AKTIF" for a in kelompok.anggota.all())
    assert kelompok.surat_keputusan.nomor == "800.1.2/012/BKPSDM/2026"
    assert RiwayatKelompokAgen.objects.count() == 1
    pertemuan = Pertemuan.objects.get()
    assert (pertemuan.perangkat_daerah.kode, pertemuan.peserta.count()) == ("BKPSDM", 3)
    assert sorted(PraktikBaik.objects.values_list("nilai__kode", flat=True)) == [
        "AKUNTABEL",
        "BERORIENTASI_PELAYANAN",
        "DISIPLIN",
        "MELAYANI",
    ]
