"""Pages of the agen app: scope, the stale decision, work lists (with query counts), the SK PDF."""

import io
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from apps.agen import services
from apps.agen.models import RiwayatNominasi
from apps.agen.workflow import Aksi, Status
from tests.factories import PegawaiFactory

from . import helpers

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_kbk_member_of_pd_x_gets_404_on_pd_y_nominations(world, client_as):
    nominasi_y = helpers.nominasi(world, Status.PENELAAHAN, pegawai=world.asn_y, pengusul=world.outsider.user)
    client = client_as("kbk")
    assert client.get(reverse("agen:nominasi_detail", kwargs={"pk": nominasi_y.pk})).status_code == 404
    url = reverse("agen:nominasi_aksi", kwargs={"pk": nominasi_y.pk, "aksi": "tolak"})
    assert client.post(url, {"tolak-catatan": "x", "tolak-yakin": "on"}).status_code == 404
    nominasi_y.refresh_from_db()
    assert nominasi_y.status == Status.PENELAAHAN


def test_asn_sees_no_nomination_but_their_own_appointment(world, client_as):
    own = helpers.nominasi(world, Status.DITETAPKAN, pegawai=world.asn)
    other = helpers.nominasi(world, Status.DITETAPKAN, pegawai=world.asn_a1)
    client = client_as("asn")
    assert client.get(reverse("agen:nominasi_detail", kwargs={"pk": own.pk})).status_code == 404
    assert client.get(reverse("agen:nominasi_detail", kwargs={"pk": other.pk})).status_code == 404
    assert client.get(reverse("agen:agen_detail", kwargs={"pk": other.penetapan.pk})).status_code == 404
    response = client.get(reverse("agen:agen_detail", kwargs={"pk": own.penetapan.pk}))
    assert response.status_code == 200
    assert "Asn Unit A" in response.content.decode()


def test_second_reviewer_is_told_it_was_already_decided(world, client_as):
    nominasi = helpers.nominasi(world, Status.PENELAAHAN)
    kbk2 = PegawaiFactory(nama="Anggota KBK Kedua", unit_kerja=world.unit_b)
    from apps.akun.models import Peran

    Peran.objects.create(user=kbk2.user, jenis=Peran.Jenis.ANGGOTA_KBK, perangkat_daerah=world.pd_x)
    services.nominasi_transisi(nominasi, aksi=Aksi.LANJUTKAN, aktor=world.kbk.user)
    client = client_as("anonim")
    client.force_login(kbk2.user)
    url = reverse("agen:nominasi_aksi", kwargs={"pk": nominasi.pk, "aksi": "tolak"})
    response = client.post(url, {"tolak-catatan": "Tidak memenuhi", "tolak-yakin": "on"}, follow=True)
    assert response.status_code == 200
    assert "Usulan ini sudah diputuskan: statusnya sekarang Dinilai KBK." in response.content.decode()
    nominasi.refresh_from_db()
    assert nominasi.status == Status.ASSESSMENT
    assert RiwayatNominasi.objects.filter(nominasi=nominasi).count() == 2


def test_reject_needs_confirmation(world, client_as):
    nominasi = helpers.nominasi(world, Status.PENELAAHAN)
    url = reverse("agen:nominasi_aksi", kwargs={"pk": nominasi.pk, "aksi": "tolak"})
    client_as("kbk").post(url, {"tolak-catatan": "Tidak memenuhi"})
    nominasi.refresh_from_db()
    assert nominasi.status == Status.PENELAAHAN


def test_clarification_goes_to_the_nominee_and_comes_back(world, client_as):
    nominasi = helpers.nominasi(world, Status.PENELAAHAN)
    url = reverse("agen:nominasi_aksi", kwargs={"pk": nominasi.pk, "aksi": "minta_klarifikasi_calon"})
    client_as("kbk").post(url, {"minta_klarifikasi_calon-catatan": "Bersediakah Anda menyusun rencana tindak?"})
    page = client_as("asn").get(reverse("agen:komitmen", kwargs={"pk": nominasi.pk}))
    assert "Bersediakah Anda menyusun rencana tindak?" in page.content.decode()
    client_as("asn").post(
        reverse("agen:komitmen", kwargs={"pk": nominasi.pk}),
        {"aksi": "jawab_klarifikasi", "jawab_klarifikasi-catatan": "Bersedia"},
    )
    nominasi.refresh_from_db()
    assert nominasi.status == Status.PENELAAHAN
    assert list(RiwayatNominasi.objects.filter(nominasi=nominasi).values_list("ke_status", "catatan")) == [
        (Status.PENELAAHAN, ""),
        (Status.KLARIFIKASI_CALON, "Bersediakah Anda menyusun rencana tindak?"),
        (Status.PENELAAHAN, "Bersedia"),
    ]


def test_nomination_page_shows_whole_history(world, client_as):
    nominasi = helpers.nominasi(world, Status.PENELAAHAN)
    services.nominasi_transisi(
        nominasi, aksi=Aksi.MINTA_KLARIFIKASI_PENGUSUL, aktor=world.kbk.user, catatan="Mekanisme musyawarahnya?"
    )
    services.nominasi_transisi(
        nominasi, aksi=Aksi.JAWAB_KLARIFIKASI, aktor=world.pimpinan.user, catatan="Rapat bidang 3 Maret"
    )
    html = client_as("pimpinan").get(reverse("agen:nominasi_detail", kwargs={"pk": nominasi.pk})).content.decode()
    assert html.count('class="list-group-item"', html.index('data-testid="riwayat"')) == 3
    assert "Mekanisme musyawarahnya?" in html
    assert "Rapat bidang 3 Maret" in html


def _nominasi_n(world, n: int, status: str) -> None:
    for i in range(n):
        pegawai = PegawaiFactory(nama=f"Calon {i}", unit_kerja=world.unit_a)
        helpers.nominasi(world, status, pegawai=pegawai)


# Every page: session, user, Pegawai of the user (lingkup; the roles come from the session, written at login:
# apps/akun/fakta.py), and at the end the session saved (first request since the login, apps.common.middleware:
# savepoint, UPDATE, release), the unread notices of the nav badge = 7; a list adds its queries to these.
PAGE = 7
# Work list: COUNT of the paginated list, the page of nominations (with PD, pegawai, unit joined).
WORKLIST_QUERIES = PAGE + 2


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize(
    ("persona", "url_name", "status"),
    [
        ("kbk", "agen:antrean_kbk", Status.PENELAAHAN),
        ("kepala", "agen:antrean_kepala", Status.DIREKOMENDASIKAN),
        ("pimpinan", "agen:usulan_saya", Status.KLARIFIKASI_PENGUSUL),
    ],
)
def test_work_list_queries(world, client_as, django_assert_num_queries, rows, persona, url_name, status):
    _nominasi_n(world, rows, status)
    client = client_as(persona)
    with django_assert_num_queries(WORKLIST_QUERIES):
        response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert response.content.decode().count("Calon ") >= rows


# PAGE + COUNT, the page of agents (SK, PD, pegawai, unit joined, sanction flag annotated).
@pytest.mark.parametrize("rows", [1, 3])
def test_agents_list_queries(world, client_as, django_assert_num_queries, rows):
    for i in range(rows):
        pegawai = PegawaiFactory(nama=f"Agen {i}", unit_kerja=world.unit_a)
        helpers.nominasi(world, Status.DITETAPKAN, pegawai=pegawai)
    client = client_as("kepala")
    with django_assert_num_queries(PAGE + 2):
        response = client.get(reverse("agen:daftar_agen"))
    assert response.content.decode().count("Agen ") >= rows


# PAGE + the counts grouped by PD, the PDs.
@pytest.mark.parametrize("rows", [1, 3])
def test_overview_queries_and_counts(world, client_as, django_assert_num_queries, rows):
    for i in range(rows):
        pegawai = PegawaiFactory(nama=f"Agen {i}", unit_kerja=world.unit_a)
        helpers.nominasi(world, Status.DITETAPKAN, pegawai=pegawai)
    helpers.nominasi(world, Status.DICABUT, pegawai=world.asn_b)
    client = client_as("monev")
    with django_assert_num_queries(PAGE + 2):
        response = client.get(reverse("agen:ikhtisar"))
    rows_by_pd = {r["pd"].kode: (r["aktif"], r["berakhir"], r["dicabut"]) for r in response.context["rows"]}
    assert rows_by_pd["PDX"] == (rows, 0, 1)
    assert rows_by_pd["PDY"] == (0, 0, 0)


def test_sk_pdf_reads_back(world, client_as):
    nominasi = helpers.nominasi(world, Status.DIREKOMENDASIKAN)
    sk = helpers.sk(world, nomor="800.1.2/07/PDX/2026")
    services.nominasi_transisi(
        nominasi,
        aksi=Aksi.TETAPKAN,
        aktor=world.kepala.user,
        surat_keputusan=sk,
        peran=["KATALIS", "PENGHUBUNG"],
        tugas="Tugas A",
    )
    response = client_as("kepala").get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "sk-agen.pdf").write_bytes(response.content)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]
    # One agent: the decree and its signature on page 1, the appendix with its own signature on page 2.
    assert len(pages) == 2
    pertama = " ".join(pages[0].split())
    assert "KEEMPAT" in pertama and "Ditetapkan di Oelamasi" in pertama and f"NIP {world.kepala.nip}" in pertama
    text = "\n".join(pages)
    flat = " ".join(text.split())
    assert "NOMOR 800.1.2/07/PDX/2026" in flat
    assert "KEPUTUSAN KEPALA DINAS UJI X" in flat
    assert "Asn Unit A" in flat
    assert f"NIP {world.asn.nip}" in flat
    assert "Katalis, Penghubung" in flat
    assert f"{sk.masa_mulai:%d-%m-%Y} s.d. {sk.masa_selesai:%d-%m-%Y}" in flat
    assert f"NIP {world.kepala.nip}" in flat
    # Mengingat cites the Perbup by its real title.
    assert (
        "Peraturan Bupati Kupang Nomor 52 Tahun 2022 tentang Pedoman Pelaksanaan Nilai-Nilai Organisasi MEDIASI dan "
        "Nilai-Nilai Dasar Aparatur Sipil Negara BerAKHLAK di Kabupaten Kupang" in flat
    )


# PAGE + the SK (with PD, signer, golongan), its agents (with pegawai, golongan, unit, nominasi, unit), the
# groups it lists (none here; their members would be one prefetch more), the instansi of the kop.
@pytest.mark.parametrize("rows", [1, 3])
def test_sk_pdf_queries(world, client_as, django_assert_num_queries, rows):
    sk = helpers.sk(world, nomor="800/Q")
    for i in range(rows):
        pegawai = PegawaiFactory(nama=f"Agen {i}", unit_kerja=world.unit_a)
        n = helpers.nominasi(world, Status.DIREKOMENDASIKAN, pegawai=pegawai)
        services.nominasi_transisi(
            n, aksi=Aksi.TETAPKAN, aktor=world.kepala.user, surat_keputusan=sk, peran=["MEDIATOR"], tugas="T"
        )
    client = client_as("kepala")
    with django_assert_num_queries(PAGE - 1 + 4):  # a PDF has no nav badge
        response = client.get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk}))
    assert response.status_code == 200


def test_kepala_revokes_an_appointment_with_a_reason_from_the_agent_page(world, client_as):
    nominasi = helpers.nominasi(world, Status.DITETAPKAN)
    client = client_as("kepala")
    page = client.get(reverse("agen:agen_detail", kwargs={"pk": nominasi.penetapan.pk})).content.decode()
    assert reverse("agen:nominasi_aksi", kwargs={"pk": nominasi.pk, "aksi": "cabut"}) in page
    url = reverse("agen:nominasi_aksi", kwargs={"pk": nominasi.pk, "aksi": "cabut"})
    client.post(url, {"cabut-catatan": "Pindah tugas"})  # without confirmation: nothing happens
    nominasi.refresh_from_db()
    assert nominasi.status == Status.DITETAPKAN
    client.post(url, {"cabut-catatan": "Pindah tugas", "cabut-yakin": "on"})  # without the revoking decree
    nominasi.refresh_from_db()
    assert nominasi.status == Status.DITETAPKAN
    data = {
        "cabut-catatan": "Pindah tugas",
        "cabut-yakin": "on",
        "cabut-nomor_sk": "800/9/C",
        "cabut-tanggal_sk": "2026-09-01",
    }
    client.post(url, data)
    nominasi.refresh_from_db()
    nominasi.penetapan.refresh_from_db()
    cabut = nominasi.penetapan.dicabut_dengan
    assert (nominasi.status, nominasi.penetapan.alasan_pencabutan) == (Status.DICABUT, "Pindah tugas")
    assert (cabut.nomor, cabut.jenis, cabut.merujuk_id, cabut.ditetapkan) == (
        "800/9/C",
        "PENCABUTAN",
        nominasi.penetapan.surat_keputusan_id,
        True,
    )


# PAGE + COUNT, the page of SKs (with PD and signer), the issued SKs an amending SK may cite (the form's choices).
@pytest.mark.parametrize("rows", [1, 3])
def test_sk_list_queries(world, client_as, django_assert_num_queries, rows):
    for i in range(rows):
        helpers.sk(world, nomor=f"800/{i}/2026")
    client = client_as("kepala")
    with django_assert_num_queries(PAGE + 3):
        response = client.get(reverse("agen:sk_list"))
    assert len(response.context["page"]) == rows


# PAGE + COUNT, the page of rounds (with PD).
@pytest.mark.parametrize("rows", [1, 3])
def test_putaran_list_queries(world, client_as, django_assert_num_queries, rows):
    from apps.agen.models import PutaranRekrutmen

    for i in range(rows):
        PutaranRekrutmen.objects.create(
            perangkat_daerah=world.pd_x, tahun=2020 + i, dibuka=f"{2020 + i}-01-01", ditutup=f"{2020 + i}-12-31"
        )
    client = client_as("kepala")
    with django_assert_num_queries(PAGE + 2):
        response = client.get(reverse("agen:putaran_list"))
    assert len(response.context["page"]) == rows


def test_nominee_sees_the_history_steps_without_internal_notes(world, client_as):
    nominasi = helpers.nominasi(world, Status.PENELAAHAN)
    services.nominasi_transisi(
        nominasi, aksi=Aksi.MINTA_KLARIFIKASI_PENGUSUL, aktor=world.kbk.user, catatan="Catatan internal untuk pengusul"
    )
    html = client_as("asn").get(reverse("agen:komitmen", kwargs={"pk": nominasi.pk})).content.decode()
    assert "Minta klarifikasi kepada pengusul" in html
    assert "Catatan internal untuk pengusul" not in html


def test_the_sk_of_six_agents_keeps_the_decree_on_page_one_and_lists_them_on_one_landscape_page(world, client_as):
    """Six agents with the usual long task: the decree with its signature on page 1; the list of agents on one
    landscape page with a Tugas column wider than any other; the signature of the appendix never alone."""
    sk = helpers.sk(world, nomor="800.1.2/08/PDX/2026")
    tugas = "Menyusun dan melaksanakan rencana tindak perubahan di unit kerjanya; melaporkan pelaksanaannya setiap triwulan kepada Kepala PD."
    names = []
    for i in range(6):
        pegawai = PegawaiFactory(nama=f"Agen Nomor {i + 1}", unit_kerja=world.unit_a)
        nominasi = helpers.nominasi(world, Status.DIREKOMENDASIKAN, pegawai=pegawai)
        services.nominasi_transisi(
            nominasi, aksi=Aksi.TETAPKAN, aktor=world.kepala.user, surat_keputusan=sk, peran=["KATALIS"], tugas=tugas
        )
        names.append(pegawai.nama_lengkap)
    response = client_as("kepala").get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk}))
    reader = PdfReader(io.BytesIO(response.content))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) == 2
    assert "KEEMPAT" in pages[0] and f"NIP {world.kepala.nip}" in pages[0]
    assert [name in pages[1] for name in names] == [True] * 6
    assert f"NIP {world.kepala.nip}" in pages[1]
    first, second = reader.pages[0].mediabox, reader.pages[1].mediabox
    assert (first.width < first.height, second.width > second.height) == (True, True)
