"""Group plans (a Kelompok Agen: any member writes, each row shows its writer) and the summary per PD that the
Laporan Evaluasi shows beside the change of TS (`ringkasan_rencana_per_pd`)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.agen.models import KelompokAgen
from apps.nilai.models import Nilai
from apps.rencana import services
from apps.rencana.selectors import RingkasanRencana, ringkasan_rencana_per_pd
from apps.rencana.workflow import Status
from apps.survei.models import Periode
from tests.hasil.data import buat_periode

from .helpers import BARIS_BAIK, agen, bulan, ke_status, rencana

pytestmark = pytest.mark.django_db


def test_group_plan_written_by_two_members_shows_who_wrote_what(world, client):
    a1, a2 = agen(world, world.asn), agen(world, world.asn_a1)
    kelompok = KelompokAgen.objects.create(perangkat_daerah=world.pd_x, nama="Tim Layanan")
    kelompok.anggota.add(a1, a2)
    mulai = bulan(timezone.localdate())
    r = services.rencana_buat(
        aktor=world.asn.user, judul="Layanan prima", mulai=mulai, selesai=bulan(mulai, 2), kelompok=kelompok
    )
    nilai = list(Nilai.objects.filter(kode="MELAYANI"))
    for user, n in ((world.asn.user, 1), (world.asn_a1.user, 2)):
        data = dict(BARIS_BAIK, waktu_mulai=mulai, waktu_selesai=mulai, sasaran=f"{BARIS_BAIK['sasaran']} {n}")
        data["kegiatan"] = f"{data['kegiatan']} {n}"
        services.baris_simpan(r, aktor=user, data=data, nilai=nilai)
    assert [b.ditulis_oleh for b in r.baris.all()] == [world.asn, world.asn_a1]
    services.rencana_transisi(r, ke=Status.DIAJUKAN, aktor=world.asn_a1.user)
    client.force_login(world.kbk.user)
    html = client.get(reverse("rencana:detail", args=[r.pk])).content.decode()
    assert html.count('data-testid="penulis-baris"') == 2
    assert world.asn_a1.nama_lengkap in html
    # A non-member agent of the same PD cannot write in it.
    agen(world, world.asn_b)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.rencana_transisi(r, ke=Status.DIAJUKAN, aktor=world.asn_b.user)


def test_ringkasan_counts_approved_plans_and_their_latest_achievement(world):
    today = timezone.localdate()
    periode = buat_periode("2026", Periode.Status.DITUTUP, tahun=today.year)
    Periode.objects.filter(pk=periode.pk).update(tanggal_tutup=today + datetime.timedelta(days=1))
    periode.refresh_from_db()
    r1 = ke_status(world, rencana(world), Status.DISETUJUI)
    r2 = ke_status(world, rencana(world, agen(world, world.asn_a1)), Status.DISETUJUI)
    ke_status(world, rencana(world, agen(world, world.asn_b)), Status.DIAJUKAN)
    for r, realisasi, pegawai in ((r1, "40", world.asn), (r2, "70", world.asn_a1)):
        b = r.baris.get()
        services.laporan_kemajuan_kirim(
            r, aktor=pegawai.user, periode_mulai=r.mulai, isian={b.pk: (Decimal(realisasi), "Berjalan.")}
        )
    # 40/80 = 50.0 and 70/80 = 87.5: mean 68.75 -> 68.8
    assert ringkasan_rencana_per_pd(periode) == {world.pd_x.pk: RingkasanRencana(2, Decimal("68.8"))}
    # A newer approved version replaces the old one: still two plans.
    v2 = services.rencana_versi_baru(r1, aktor=world.asn.user)
    ke_status(world, v2, Status.DISETUJUI)
    assert ringkasan_rencana_per_pd(periode)[world.pd_x.pk].jumlah_disetujui == 2


def test_xlsx_keeps_numbers_and_neutralises_formulas(world, client):
    import io

    from openpyxl import load_workbook

    r = ke_status(world, rencana(world, sasaran='=HYPERLINK("http://x") agar layanan tepat waktu'), Status.DISETUJUI)
    client.force_login(world.monev.user)
    response = client.get(reverse("rencana:ekspor_xlsx", args=[world.pd_x.pk]))
    sheet = load_workbook(io.BytesIO(response.content))["Baris dan capaian"]
    header, row = [c.value for c in sheet[1]], [c.value for c in sheet[2]]
    assert row[header.index("ID rencana")] == r.pk
    assert row[header.index("Sasaran")].startswith("'=HYPERLINK")
    assert row[header.index("Target")] == 80
