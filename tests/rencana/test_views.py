"""Pages of rencana tindak as the Kepala PD and the agent use them."""

import pytest
from django.urls import reverse

from apps.rencana.workflow import Status

from .helpers import ke_status, rencana

pytestmark = pytest.mark.django_db


def test_approval_form_asks_for_the_logis_judgement(world, client):
    r = ke_status(world, rencana(world), Status.DIAJUKAN)
    client.force_login(world.kepala.user)
    url = reverse("rencana:keputusan", args=[r.pk])
    page = client.get(url).content.decode()
    assert "Logis: rencana ini sesuai dengan sumber daya yang dimiliki dan realistis untuk dicapai" in page
    response = client.post(url, {"keputusan": "setujui", "frekuensi_laporan": "TRIWULAN"})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "logis": ["Untuk menyetujui, nyatakan bahwa rencana ini logis; bila tidak, kembalikan."]
    }
    r.refresh_from_db()
    assert r.status == Status.DIAJUKAN
    response = client.post(url, {"keputusan": "setujui", "logis": "on", "frekuensi_laporan": "BULANAN"})
    r.refresh_from_db()
    assert (r.status, r.frekuensi_laporan) == (Status.DISETUJUI, "BULANAN")


def test_returning_without_a_note_names_the_field(world, client):
    r = ke_status(world, rencana(world), Status.DIAJUKAN)
    client.force_login(world.kepala.user)
    response = client.post(
        reverse("rencana:keputusan", args=[r.pk]), {"keputusan": "kembalikan", "frekuensi_laporan": "TRIWULAN"}
    )
    assert response.context["form"].errors == {"catatan": ["Tuliskan apa yang perlu diperbaiki."]}


def test_detail_lists_what_blocks_submission_and_submitting_refuses(world, client):
    r = rencana(world, target_satuan="")
    client.force_login(world.asn.user)
    url = reverse("rencana:detail", args=[r.pk])
    assert "Baris 1, kolom (5) Target: isi satuan target, misalnya &quot;%&quot; atau &quot;kegiatan&quot;." in (
        client.get(url).content.decode()
    )
    response = client.post(reverse("rencana:ajukan", args=[r.pk]), {"yakin": "on"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "Rencana belum memenuhi kriteria SMART:",
        'Baris 1, kolom (5) Target: isi satuan target, misalnya "%" atau "kegiatan".',
    ]
    r.refresh_from_db()
    assert r.status == Status.DRAF


def test_home_page_shows_the_cards_by_role(world, client):
    from .helpers import agen

    agen(world)
    client.force_login(world.asn.user)
    page = client.get(reverse("beranda")).content.decode()
    assert 'data-testid="kartu-rencana-agen"' in page
    assert 'data-testid="kartu-rencana-pantau"' not in page
    client.force_login(world.kbk.user)
    page = client.get(reverse("beranda")).content.decode()
    assert 'data-testid="kartu-rencana-agen"' not in page
    assert 'data-testid="kartu-rencana-pantau"' in page
