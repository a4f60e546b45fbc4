"""Forum Agen Perubahan: meetings with files (checked by content, private, scoped), praktik baik for every user,
searchable by value; who writes which forum (Lampiran BAB III 2.2.4 2b, 3a-d)."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from apps.common.uploads import BUKTI_MAX_BYTES
from apps.forum import services
from apps.forum.models import LampiranPertemuan, Pertemuan, PraktikBaik
from apps.forum.selectors import Forum
from apps.nilai.models import Nilai
from tests.agen.kelompok import agen_aktif

from . import helpers


def _files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _data_pertemuan(world, **extra) -> dict:
    return {
        "tanggal": timezone.localdate().isoformat(),
        "topik": "Evaluasi layanan",
        "fasilitator": "Kepala Dinas X",
        "peserta": [agen_aktif(world, world.asn_a1).pk],
        "catatan": "Dibahas kendala antrean.",
        **extra,
    }


def test_kbk_records_a_meeting_with_a_pdf_that_only_pd_x_can_download(world, client_as):
    client = client_as("kbk")
    url = reverse("forum:pertemuan_tambah", kwargs={"kode": "PDX"})
    response = client.post(url, _data_pertemuan(world, berkas=helpers.berkas("Notulen Rapat.pdf")))
    pertemuan = Pertemuan.objects.get()
    assert response["Location"] == reverse("forum:pertemuan_detail", kwargs={"pk": pertemuan.pk})
    lampiran = pertemuan.lampiran.get()
    assert (lampiran.nama_asli, lampiran.content_type, lampiran.ukuran) == (
        "Notulen Rapat.pdf",
        "application/pdf",
        len(helpers.PDF),
    )
    # Stored under a random name in the private folder, not under the uploaded name.
    assert lampiran.berkas.name.startswith("privat/forum/")
    assert "Notulen" not in lampiran.berkas.name
    assert len(Path(lampiran.berkas.name).stem) >= 32
    unduh = reverse("forum:lampiran_unduh", kwargs={"kunci": lampiran.kunci})
    response = client_as("asn").get(unduh)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == helpers.PDF
    assert client_as("outsider").get(unduh).status_code == 404


@pytest.mark.parametrize(
    "nama,isi,pesan",
    [
        ("notulen.pdf", helpers.HTML, "Isi berkas bukan PDF, JPEG, atau PNG. Hanya ketiga jenis itu yang diterima."),
        ("foto.pdf", helpers.PNG, "Nama berkas tidak sesuai isinya (PNG): gunakan akhiran .png."),
        ("notulen.pdf", b"%PDF-" + b"0" * BUKTI_MAX_BYTES, "Berkas terlalu besar (5.0 MB); paling besar 5 MB."),
        ("kosong.pdf", b"", "Berkas yang dikirimkan kosong."),
    ],
    ids=["html-renamed-pdf", "png-named-pdf", "oversize", "empty"],
)
def test_a_refused_file_writes_neither_meeting_nor_file(world, client_as, nama, isi, pesan):
    client = client_as("kbk")
    url = reverse("forum:pertemuan_tambah", kwargs={"kode": "PDX"})
    response = client.post(url, _data_pertemuan(world, berkas=helpers.berkas(nama, isi)))
    assert response.status_code == 200
    assert response.context["form"].errors == {"berkas": [pesan]}
    assert (Pertemuan.objects.count(), LampiranPertemuan.objects.count(), _files()) == (0, 0, [])


def test_a_refused_file_added_to_a_meeting_writes_nothing(world, client_as):
    pertemuan = helpers.pertemuan(world, dengan_lampiran=False)
    url = reverse("forum:lampiran_tambah", kwargs={"pk": pertemuan.pk})
    response = client_as("kepala").post(url, {"berkas": helpers.berkas("x.pdf", helpers.HTML)})
    # The meeting page again, with the reason beside the file field (and in the summary at the top).
    assert response.status_code == 400
    assert response.context["form_lampiran"].errors == {
        "berkas": ["Isi berkas bukan PDF, JPEG, atau PNG. Hanya ketiga jenis itu yang diterima."]
    }
    assert 'data-testid="ringkasan-galat"' in response.content.decode()
    assert (LampiranPertemuan.objects.count(), _files()) == (0, [])
    client_as("kepala").post(url, {"berkas": helpers.berkas("foto.png", helpers.PNG, "image/png")})
    assert pertemuan.lampiran.get().content_type == "image/png"


def test_the_file_is_stored_after_the_row_and_removed_when_the_transaction_fails(world, monkeypatch):
    pertemuan = helpers.pertemuan(world, dengan_lampiran=False)

    def gagal(self, *args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(LampiranPertemuan, "save", gagal)
    with pytest.raises(RuntimeError):
        services.lampiran_unggah(pertemuan, berkas=helpers.berkas(), aktor=world.kbk.user)
    assert _files() == []


def test_the_outsider_gets_404_on_pd_x_meetings_and_cannot_write_there(world, client_as):
    pertemuan = helpers.pertemuan(world)
    client = client_as("outsider")
    assert client.get(reverse("forum:pertemuan_detail", kwargs={"pk": pertemuan.pk})).status_code == 404
    url = reverse("forum:lampiran_tambah", kwargs={"pk": pertemuan.pk})
    assert client.post(url, {"berkas": helpers.berkas()}).status_code == 404
    assert pertemuan.lampiran.count() == 1
    with pytest.raises(PermissionDenied):
        services.pertemuan_catat(
            Forum(world.pd_x),
            tanggal=timezone.localdate(),
            topik="x",
            fasilitator="x",
            peserta=[],
            catatan="x",
            aktor=world.outsider.user,
        )


def test_an_attendee_must_be_an_agent_on_the_meeting_date(world, client_as):
    url = reverse("forum:pertemuan_tambah", kwargs={"kode": "PDX"})
    lalu = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    response = client_as("kepala").post(url, _data_pertemuan(world, tanggal=lalu))
    assert response.context["form"].errors == {
        "peserta": ["Asn Seksi A1 belum atau tidak lagi menjadi agen pada tanggal pertemuan."]
    }
    assert Pertemuan.objects.count() == 0


def test_an_active_agent_writes_praktik_baik_for_their_pd_and_everyone_reads_it(world, client_as):
    agen = agen_aktif(world, world.asn)
    melayani = Nilai.objects.get(kode="MELAYANI")
    url = reverse("forum:praktik_tambah", kwargs={"kode": "PDX"})
    response = client_as("asn").post(
        url,
        {
            "judul": "Loket tanpa antre",
            "nilai": [melayani.pk],
            "yang_dilakukan": "Nomor antrean lewat WhatsApp.",
            "hasil": "Waktu tunggu turun dari 40 ke 10 menit.",
            "kontak": agen.pk,
        },
    )
    praktik = PraktikBaik.objects.get()
    assert response["Location"] == reverse("forum:praktik_detail", kwargs={"pk": praktik.pk})
    assert (praktik.perangkat_daerah, praktik.ditulis_oleh, list(praktik.nilai.all())) == (
        world.pd_x,
        world.asn.user,
        [melayani],
    )
    page = client_as("outsider").get(reverse("forum:praktik_detail", kwargs={"pk": praktik.pk}))
    assert "Waktu tunggu turun dari 40 ke 10 menit." in page.content.decode()
    assert client_as("outsider").get(reverse("forum:praktik_ubah", kwargs={"pk": praktik.pk})).status_code == 403


def test_the_kabupaten_forum_is_written_by_the_tim_monev_only(world):
    kab = Forum()
    for user in (world.kepala.user, world.kbk.user, world.sekda.user, world.admin):
        with pytest.raises(PermissionDenied):
            services.pertemuan_catat(
                kab, tanggal=timezone.localdate(), topik="x", fasilitator="x", peserta=[], catatan="x", aktor=user
            )
    pertemuan = services.pertemuan_catat(
        kab,
        tanggal=timezone.localdate(),
        topik="Rapat",
        fasilitator="Tim Monev",
        peserta=[],
        catatan="x",
        aktor=world.monev.user,
    )
    assert pertemuan.perangkat_daerah is None


def test_praktik_baik_search_by_value_and_words(world, client_as):
    a = helpers.praktik(world, judul="Layanan tanpa antre", kode_nilai=("MELAYANI",))
    b = helpers.praktik(world, judul="Apel pagi tepat waktu", kode_nilai=("DISIPLIN", "AKUNTABEL"))
    client = client_as("outsider")
    url = reverse("forum:praktik_list")

    def found(params) -> list[int]:
        return [p.pk for p in client.get(url, params).context["page"]]

    assert found({}) == [b.pk, a.pk]
    assert found({"nilai": "DISIPLIN"}) == [b.pk]
    assert found({"nilai": "MELAYANI"}) == [a.pk]
    assert found({"nilai": "KOLABORATIF"}) == []
    assert found({"q": "tanpa"}) == [a.pk]
    assert found({"nilai": "MELAYANI", "q": "apel"}) == []
    # An unknown value is a form error, not a filter on request data.
    response = client.get(url, {"nilai": "__proto__"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["nilai"]


@pytest.mark.parametrize("n", [1, 3])
def test_praktik_list_query_count_does_not_grow(world, client_as, django_assert_num_queries, n):
    for i in range(n):
        helpers.praktik(world, judul=f"Praktik {i}", kode_nilai=("MELAYANI", "DISIPLIN"))
    client = client_as("asn")
    url = reverse("forum:praktik_list")
    # session, user, pegawai (lingkup; the roles, agent PDs included, come from the session: apps/akun/fakta.py),
    # value choices, count, page of entries (with PD, contact, unit), their values (prefetch); session save
    # (savepoint, update, release).
    with django_assert_num_queries(10 + 1):  # + the unread notices of the nav badge
        client.get(url, {"nilai": "MELAYANI"})


@pytest.mark.parametrize("n", [1, 3])
def test_forum_page_query_count_does_not_grow(world, client_as, django_assert_num_queries, n):
    for i in range(n):
        helpers.pertemuan(world, dengan_lampiran=False)
        helpers.praktik(world, judul=f"Praktik {i}")
    client = client_as("kbk")
    url = reverse("forum:forum_detail", kwargs={"kode": "PDX"})
    # session, user, the PD, pegawai (lingkup; the roles and agent PDs come from the session: apps/akun/fakta.py),
    # the PDs the user reads (registry scope), count, page of meetings, attendees and their pegawai (prefetch),
    # praktik baik, their values; session save (savepoint, update, release).
    with django_assert_num_queries(14 + 1):  # + the unread notices of the nav badge
        client.get(url)
