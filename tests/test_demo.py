"""`seed_demo` (README "Login demo", docs/keputusan.md «Antarmuka yang tetap»): what each app's part adds, and that a
second run changes nothing. The demo is seeded twice once for this module (the second run inside a transaction rolled
back after its last test); each test reads it."""

import io
from collections import Counter
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from apps.agen.models import KelompokAgen, Nominasi, Penetapan, RiwayatKelompokAgen, RiwayatNominasi
from apps.agen.workflow import Status as StatusNominasi
from apps.akun.models import Peran
from apps.forum.demo import NAMA_KELOMPOK
from apps.forum.models import Pertemuan, PraktikBaik
from apps.kbk.models import AnggotaKBK
from apps.kbk.reference import jabatan_sesuai
from apps.organisasi.models import Pegawai
from apps.paket.muat import baca, kode_bawaan
from apps.rencana.models import LaporanKemajuan, Permasalahan, RencanaTindak
from apps.rencana.workflow import Status as StatusRencana
from apps.survei.demo import unit_khusus
from apps.survei.models import Jawaban, Periode, Respon
from apps.survei.scoring import PERBUP_BANDS, band_for_total

from . import demo_tersimpan

PAKET = kode_bawaan()
PASSWORD = "demo12345"  # seed_demo's default


def _sidik() -> dict:
    """What each app's part of the demo wrote, to compare the first run with the second."""
    return {
        "agen": (Nominasi.objects.count(), RiwayatNominasi.objects.count(), Penetapan.objects.count()),
        "forum": (
            KelompokAgen.objects.count(),
            RiwayatKelompokAgen.objects.count(),
            Pertemuan.objects.count(),
            PraktikBaik.objects.count(),
        ),
        "rencana": sorted(RencanaTindak.objects.values_list("judul", "status", "versi")),
        "survei": sorted(
            Respon.objects.values_list("periode__kode", "pegawai__nip", "status", "total_1", "total_2", "total_3")
        ),
        "jawaban": Jawaban.objects.count(),
    }


@dataclass
class Demo:
    pertama: dict
    kedua: dict
    keluaran_kedua: str


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The first run is the kept demo of this code and day where there is one (tests/demo_tersimpan.py: a
    `seed_demo` run with the same arguments, on SQLite); the second run is made here."""
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media-demo")))
    with django_db_blocker.unblock(), media, demo_tersimpan.terpasang(PAKET, PASSWORD):
        pertama = _sidik()
        out = io.StringIO()
        call_command("seed_demo", password=PASSWORD, paket=PAKET, stdout=out)
        yield Demo(pertama=pertama, kedua=_sidik(), keluaran_kedua=out.getvalue())


@pytest.fixture
def seeded(demo, db) -> Demo:
    return demo


def test_a_second_run_changes_nothing(seeded):
    assert seeded.kedua == seeded.pertama
    assert "agen" in seeded.keluaran_kedua


def test_agen_round_of_bkpsdm_covers_every_state(seeded):
    assert set(Nominasi.objects.values_list("status", flat=True)) == set(StatusNominasi.values)
    assert seeded.pertama["agen"] == (17, 64, 6)
    assert Pegawai.objects.get(user__username="asn").nominasi_agen.count() == 0
    assert sorted(
        AnggotaKBK.objects.filter(pegawai__user__username__in=["kepala", "kbk"]).values_list("peran__kode", flat=True)
    ) == ["ADVISOR", "SPONSOR"]
    # The demo fits Tabel 3.1: every member's post is the one the table names, no exception note needed.
    assert all(
        jabatan_sesuai(a.peran.kode, a.pegawai.jabatan) for a in AnggotaKBK.objects.select_related("peran", "pegawai")
    )
    assert not AnggotaKBK.objects.exclude(catatan_kesesuaian="").exists()
    # Tim Monev decree members hold the role; the Pengarah (the Sekda) does not.
    monev = Peran.objects.aktif().filter(jenis=Peran.Jenis.TIM_MONEV)
    assert set(monev.values_list("user__username", flat=True)) == {"monev"}


def test_forum_group_meeting_and_two_praktik_baik(seeded):
    kelompok = KelompokAgen.objects.get()
    assert (kelompok.nama, kelompok.perangkat_daerah.kode, kelompok.anggota.count()) == (NAMA_KELOMPOK, "BKPSDM", 3)
    hari_ini = timezone.localdate()
    assert all(a.status_pada(hari_ini) == "AKTIF" for a in kelompok.anggota.all())
    assert kelompok.surat_keputusan.nomor == "800.1.2/130/BKPSDM/2026"  # the konsep SK: an issued one never changes
    assert RiwayatKelompokAgen.objects.count() == 1
    pertemuan = Pertemuan.objects.get()
    assert (pertemuan.perangkat_daerah.kode, pertemuan.peserta.count()) == ("BKPSDM", 3)
    assert sorted(PraktikBaik.objects.values_list("nilai__kode", flat=True)) == [
        "AKUNTABEL",
        "BERORIENTASI_PELAYANAN",
        "DISIPLIN",
        "MELAYANI",
    ]


def test_rencana_agen_login_with_the_whole_cycle(seeded):
    assert {s for _j, s, _v in seeded.pertama["rencana"]} == set(StatusRencana.values)
    milik = RencanaTindak.objects.filter(penetapan__pegawai__user__username="agen")
    assert milik.get().status == StatusRencana.DISETUJUI
    assert LaporanKemajuan.objects.filter(rencana__in=milik).count() == 1
    assert sorted(Permasalahan.objects.filter(rencana__in=milik).values_list("status", flat=True)) == [
        "DIJAWAB",
        "TERBUKA",
    ]
    kelompok = RencanaTindak.objects.get(kelompok__isnull=False)
    assert kelompok.baris.values("ditulis_oleh").distinct().count() == 2


def test_survei_2025_final_with_most_units_and_2026_open_without_asn(seeded):
    assert dict(Periode.objects.values_list("kode", "status")) == {
        "2025": "FINAL",
        "2026": "DIBUKA",
    }  # 2025 finalised by apps.laporan.demo
    sent = Respon.objects.filter(periode__kode="2025", status="TERKIRIM")
    per_unit = Counter(sent.values_list("unit_kerja__kode", flat=True))
    tanpa_responden, dua_responden = unit_khusus([k for k, _ in baca(kode_bawaan()).data["demo"]["kecamatan"]])
    assert per_unit[dua_responden] == 2
    assert [per_unit[k] for k in sorted(tanpa_responden)] == [0, 0, 0]
    assert sent.filter(pegawai__user__username="asn").count() == 1
    assert Respon.objects.filter(periode__kode="2026", pegawai__user__username="asn").count() == 0
    assert Respon.objects.filter(periode__kode="2026", status="TERKIRIM").count() > 0
    for i, kode in ((1, "I"), (2, "II"), (3, "III")):
        kategori = Counter(
            band_for_total(t, PERBUP_BANDS[kode]).kategori for t in sent.values_list(f"total_{i}", flat=True)
        )
        assert len(kategori) == 4, kode
        assert kategori.most_common(2)[0][0] in {"CUKUP_BAIK", "KURANG_BAIK"}
    assert Jawaban.objects.filter(respon__in=sent).count() == sent.count() * 35
