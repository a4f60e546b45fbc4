"""Heads and acting heads with dates (docs/keputusan.md «Setiap tugas punya orang»): the definitive head first, else
the acting one, else nobody; a unit's head is the nearest up its tree; Tim Monev's list and the admin's PD page."""

import datetime

from django.urls import reverse
from django.utils import timezone

from apps.akun.models import Peran
from apps.akun.pimpinan import kepala_pd, pd_tanpa_kepala, pimpinan_unit
from apps.tindaklanjut.models import TindakLanjut
from apps.tindaklanjut.services import tindak_lanjut_tetapkan_penanggung_jawab
from tests.factories import PegawaiFactory, PeranFactory
from tests.survei.helpers import buat_periode

J, S = Peran.Jenis, Peran.Sebutan
D = datetime.date


def test_the_definitive_head_before_an_acting_one_each_on_its_dates(world):
    plh = PegawaiFactory(unit_kerja=world.unit_b)
    Peran.objects.filter(user=world.kepala.user).update(mulai=D(2026, 1, 1), sampai=D(2026, 6, 30))
    PeranFactory(
        user=plh.user,
        jenis=J.KEPALA_PD,
        perangkat_daerah=world.pd_x,
        sebutan=S.PLH,
        mulai=D(2026, 6, 1),
        sampai=D(2026, 7, 31),
    )
    pd = world.pd_x.pk
    assert kepala_pd([pd], D(2026, 6, 15))[pd].user_id == world.kepala.user.pk  # both hold it: the definitive one
    assert kepala_pd([pd], D(2026, 7, 1))[pd].user_id == plh.user.pk  # the Plh. after the head left
    assert kepala_pd([pd], D(2026, 8, 1)) == {}  # nobody
    assert world.pd_x in pd_tanpa_kepala(D(2026, 8, 1))


def test_a_sub_units_head_is_the_nearest_head_up_its_tree(world):
    assert pimpinan_unit([world.unit_a1])[world.unit_a1.pk].user_id == world.pimpinan.user.pk
    assert pimpinan_unit([world.unit_b]) == {}


def test_follow_ups_without_a_head_are_on_tim_monevs_list_until_one_is_appointed(world, client):
    periode = buat_periode("2025", status="FINAL")
    Peran.objects.filter(user=world.kepala.user, jenis=J.KEPALA_PD).update(sampai=D(2020, 1, 1), mulai=D(2019, 1, 1))
    tl = TindakLanjut.objects.create(
        periode=periode, perangkat_daerah=world.pd_x, bagian="I", ts="20.00", kategori="BURUK", tindakan="Sosialisasi"
    )
    client.force_login(world.monev.user)
    html = client.get(reverse("akun:tanpa_penanggung_jawab")).content.decode()
    assert 'data-testid="jumlah-tanpa-pj"><strong>1</strong>' in html
    assert reverse("tindaklanjut:detail", args=[tl.pk]) in html
    assert "tanpa-penanggung-jawab" in client.get(reverse("beranda")).content.decode()
    # A Plt. is appointed: the day's job hands the follow-up over and the list is empty.
    plt = PegawaiFactory(unit_kerja=world.unit_b)
    PeranFactory(user=plt.user, jenis=J.KEPALA_PD, perangkat_daerah=world.pd_x, sebutan=S.PLT, mulai=D(2020, 1, 2))
    assert tindak_lanjut_tetapkan_penanggung_jawab(timezone.localdate()) == {
        "dipindahkan": 1,
        "tanpa_penanggung_jawab": 0,
    }
    tl.refresh_from_db()
    assert tl.penanggung_jawab_id == plt.user.pk
    html = client.get(reverse("akun:tanpa_penanggung_jawab")).content.decode()
    assert 'data-testid="jumlah-tanpa-pj"><strong>0</strong>' in html


def test_the_admins_pd_page_shows_which_pds_lack_a_head(world, client):
    client.force_login(world.admin)
    url = reverse("admin:organisasi_perangkatdaerah_changelist")
    html = client.get(url + "?kepala=tidak").content.decode()
    # PD X has its Kepala; PD Y has the outsider as Kepala; the Sekretariat Daerah has none.
    assert ("Sekretariat Daerah" in html, "Dinas Uji X" in html, "Dinas Uji Y" in html) == (True, False, False)
