"""Values catalogue (Lampiran BAB II (katalog nilai)): five MEDIASI values and seven BerAKHLAK values, read-only for every user."""

import pytest

from apps.nilai.models import Nilai
from apps.paket import pasang

pytestmark = pytest.mark.django_db


def test_catalogue_holds_the_regulations_values():
    assert list(Nilai.objects.filter(sistem="MEDIASI").values_list("kode", flat=True)) == [
        "MELAYANI",
        "DISIPLIN",
        "INOVATIF",
        "AKUNTABEL_MEDIASI",
        "PROFESIONALISME",
    ]
    assert list(Nilai.objects.filter(sistem="BERAKHLAK").values_list("nama", flat=True)) == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert all(len(n.perilaku) == 3 for n in Nilai.objects.filter(sistem="BERAKHLAK"))
    melayani = Nilai.objects.get(kode="MELAYANI")
    assert len(melayani.indikator) == 7
    assert len(melayani.situasi) == 3
    assert Nilai.objects.get(kode="DISIPLIN").definisi == (
        "Sikap dan komitmen organisasi dalam mentaati ketentuan peraturan perundang-undangan yang berlaku."
    )


def test_ensure_is_idempotent():
    pasang.ensure()
    pasang.ensure()
    assert Nilai.objects.count() == 12


@pytest.mark.parametrize("persona", ["asn", "monev", "admin"])
def test_pedoman_page_is_open_to_every_user(client_as, persona):
    text = client_as(persona).get("/pedoman/").content.decode()
    assert text.count('class="card mb-3" id="nilai-') == 5
    assert "Tidak menyalahgunakan kewenangan jabatan" in text
    assert "ketika beradaptasi dengan menggunakan teknologi digital" in text


def test_pedoman_query_count(client_as, django_assert_num_queries):
    """A fixed catalogue: session, user, lingkup (the pegawai; an ASN without a role needs no role query), the
    values, the home-menu none; session save (savepoint, update, release)."""
    client = client_as("asn")
    with django_assert_num_queries(7 + 1):  # + the unread notices of the nav badge
        assert client.get("/pedoman/").status_code == 200
