"""The agen pages as the KBK and the Kepala PD post them: assessment, appointment, rounds, SKs, groups, and what
each page says when the step is no longer open or the input is incomplete."""

from django.urls import reverse
from django.utils import timezone

from apps.agen import views as agen_views
from apps.agen.models import KelompokAgen, Nominasi, Pembinaan, Penetapan, PutaranRekrutmen, SuratKeputusan
from apps.agen.workflow import Status
from apps.common.pdf import PdfRenderTimeoutError
from apps.organisasi.models import SanksiDisiplin

from . import helpers
from .kelompok import agen_aktif, kelompok


def _pesan(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_an_unknown_action_is_a_404(world, client_as):
    n = helpers.nominasi(world, Status.PENELAAHAN)
    url = reverse("agen:nominasi_aksi", kwargs={"pk": n.pk, "aksi": "tetapkan-sendiri"})
    assert client_as("kbk").post(url, {}).status_code == 404


def test_the_kbk_assesses_through_the_page_and_the_page_closes_afterwards(world, client_as):
    n = helpers.nominasi(world, Status.ASSESSMENT)
    url = reverse("agen:nominasi_nilai", kwargs={"pk": n.pk})
    client = client_as("kbk")
    data = {f"skor_{pk}": str(v) for pk, v in helpers.skor_penuh(4).items()}
    response = client.post(url, {**data, "rekomendasi": "ya", "catatan": "Layak."}, follow=True)
    assert response.redirect_chain == [(reverse("agen:nominasi_detail", kwargs={"pk": n.pk}), 302)]
    assert _pesan(response) == ["Tersimpan: Nilai: direkomendasikan."]
    n.refresh_from_db()
    assert n.status == Status.DIREKOMENDASIKAN
    response = client.get(url, follow=True)
    assert _pesan(response) == ["Usulan ini tidak sedang menunggu penilaian."]


def test_the_kepala_appoints_through_the_page_and_the_page_closes_afterwards(world, client_as):
    n = helpers.nominasi(world, Status.DIREKOMENDASIKAN)
    sk = helpers.sk(world)
    url = reverse("agen:nominasi_tetapkan", kwargs={"pk": n.pk})
    client = client_as("kepala")
    response = client.post(
        url, {"surat_keputusan": sk.pk, "peran": ["KATALIS"], "tugas": "Menggerakkan rekan.", "yakin": "on"}
    )
    assert response["Location"] == reverse("agen:sk_detail", kwargs={"pk": sk.pk})
    penetapan = Penetapan.objects.get(nominasi=n)
    assert (penetapan.surat_keputusan, penetapan.peran, penetapan.tugas) == (sk, ["KATALIS"], "Menggerakkan rekan.")
    response = client.get(url, follow=True)
    assert _pesan(response)[-1] == "Usulan ini tidak sedang menunggu penetapan."


def test_an_appointment_refused_by_the_criteria_stays_on_the_page_with_the_input_kept(world, client_as):
    n = helpers.nominasi(world, Status.DIREKOMENDASIKAN)
    sk = helpers.sk(world)
    SanksiDisiplin.objects.create(
        pegawai=world.asn, tingkat="RINGAN", jenis="Teguran tertulis", mulai=timezone.localdate(), selesai=None
    )
    response = client_as("kepala").post(
        reverse("agen:nominasi_tetapkan", kwargs={"pk": n.pk}),
        {"surat_keputusan": sk.pk, "peran": ["KATALIS", "MEDIATOR"], "tugas": "Tugas yang diketik.", "yakin": "on"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    summary = html[html.index('data-testid="ringkasan-galat"') : html.index("</div>", html.index("ringkasan-galat"))]
    assert "(b) Asn Unit A sedang menjalani hukuman disiplin" in summary
    assert response.context["form"]["tugas"].value() == "Tugas yang diketik."
    assert response.context["form"]["peran"].value() == ["KATALIS", "MEDIATOR"]
    assert "Tugas yang diketik.</textarea>" in html
    n.refresh_from_db()
    assert (n.status, Penetapan.objects.count()) == (Status.DIREKOMENDASIKAN, 0)


def test_an_sk_whose_term_has_ended_is_not_offered(world, client_as):
    n = helpers.nominasi(world, Status.DIREKOMENDASIKAN)
    today = timezone.localdate()
    berakhir = helpers.sk(
        world,
        nomor="800/99/PDX/2024",
        masa_mulai=today - timezone.timedelta(days=400),
        masa_selesai=today - timezone.timedelta(days=1),
    )
    berlaku = helpers.sk(world)
    url = reverse("agen:nominasi_tetapkan", kwargs={"pk": n.pk})
    client = client_as("kepala")
    offered = list(client.get(url).context["form"].fields["surat_keputusan"].queryset)
    assert offered == [berlaku]
    response = client.post(
        url, {"surat_keputusan": berakhir.pk, "peran": ["KATALIS"], "tugas": "Diketik.", "yakin": "on"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["surat_keputusan"] == [
        "Masukkan pilihan yang valid. Pilihan tersebut bukan salah satu dari pilihan yang tersedia."
    ]
    assert response.context["form"]["tugas"].value() == "Diketik."
    assert Penetapan.objects.count() == 0


def test_the_nominee_is_told_when_a_step_is_gone_or_the_note_is_missing(world, client_as):
    n = helpers.nominasi(world, Status.MENUNGGU_KOMITMEN)
    url = reverse("agen:komitmen", kwargs={"pk": n.pk})
    client = client_as("asn")
    response = client.post(url, {"aksi": "tetapkan"}, follow=True)
    assert _pesan(response) == ["Langkah ini tidak tersedia lagi untuk usulan ini."]
    response = client.post(url, {"aksi": "tolak_komitmen"}, follow=True)
    assert _pesan(response) == ["Lengkapi isian sebelum mengirim."]
    n.refresh_from_db()
    assert n.status == Status.MENUNGGU_KOMITMEN


def test_a_nomination_needs_an_open_round(world, client_as):
    data = {"pegawai": world.asn.pk, "mekanisme": "MUSYAWARAH"}
    for key, alasan in helpers.ALASAN.items():
        data[f"kriteria_{key}"] = "on"
        data[f"alasan_{key}"] = alasan
    for key in ("a", "b"):
        data[f"kriteria_{key}"] = "on"
    response = client_as("pimpinan").post(reverse("agen:nominasi_tambah"), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Belum ada putaran rekrutmen di perangkat daerah ini."]
    assert Nominasi.objects.count() == 0


def test_rounds_and_sks_report_invalid_input_as_messages(world, client_as):
    client = client_as("kepala")
    tahun = timezone.localdate().year
    response = client.post(reverse("agen:putaran_tambah"), {"tahun": ""}, follow=True)
    assert "Bidang ini tidak boleh kosong." in _pesan(response)
    ronde = {"tahun": tahun, "dibuka": f"{tahun}-01-01", "ditutup": f"{tahun}-12-31"}
    assert _pesan(client.post(reverse("agen:putaran_tambah"), ronde, follow=True)) == ["Putaran rekrutmen dibuka."]
    assert PutaranRekrutmen.objects.filter(perangkat_daerah=world.pd_x, tahun=tahun).count() == 1
    response = client.post(
        reverse("agen:sk_tambah"),
        {
            "nomor": "800/1",
            "tanggal": f"{tahun}-01-01",
            "masa_mulai": f"{tahun}-06-01",
            "masa_selesai": f"{tahun}-01-01",
        },
        follow=True,
    )
    assert _pesan(response) == ["Masa tugas harus berakhir sesudah mulai."]
    assert SuratKeputusan.objects.count() == 0


def test_an_incomplete_coaching_record_names_the_missing_fields(world, client_as):
    penetapan = agen_aktif(world, world.asn)
    response = client_as("kepala").post(
        reverse("agen:pembinaan_tambah", kwargs={"pk": penetapan.pk}), {"pembinaan-topik": "Kepemimpinan"}, follow=True
    )
    assert _pesan(response) == ["Isian belum lengkap: topik; bentuk; judul; tanggal"]
    assert Pembinaan.objects.count() == 0


def test_kepala_edits_a_group_and_a_taken_name_or_a_single_member_is_a_form_error(world, client_as):
    grup = kelompok(world)
    lain = kelompok(world, nama="Kelompok Inovasi")
    a1, b = agen_aktif(world, world.asn_a1), agen_aktif(world, world.asn_b)
    a = agen_aktif(world, world.asn)
    url = reverse("agen:kelompok_ubah", kwargs={"pk": grup.pk})
    client = client_as("kepala")
    data = {"perangkat_daerah": world.pd_x.pk, "nama": "Kelompok Inovasi", "anggota": [a1.pk, b.pk]}
    response = client.post(url, data)
    assert response.context["form"].errors == {"nama": ["Nama kelompok ini sudah dipakai di perangkat daerah ini."]}
    response = client.post(url, {**data, "nama": "Tim Layanan", "anggota": [a1.pk]})
    assert response.context["form"].errors == {"anggota": ["Kelompok agen beranggotakan paling sedikit dua agen."]}
    response = client.post(url, {**data, "nama": "Tim Layanan", "anggota": [a1.pk, a.pk]}, follow=True)
    assert _pesan(response) == ["Perubahan kelompok tersimpan."]
    grup.refresh_from_db()
    assert (grup.nama, set(grup.anggota.all())) == ("Tim Layanan", {a1, a})
    assert KelompokAgen.objects.get(pk=lain.pk).nama == "Kelompok Inovasi"


def test_a_disbanded_group_cannot_be_disbanded_again_through_the_page(world, client_as):
    grup = kelompok(world)
    client = client_as("kepala")
    url = reverse("agen:kelompok_bubarkan", kwargs={"pk": grup.pk})
    client.post(url, {"catatan": "Tugas selesai", "yakin": "on"})
    response = client.get(url, follow=True)
    assert response.redirect_chain == [(reverse("agen:kelompok_detail", kwargs={"pk": grup.pk}), 302)]
    assert _pesan(response)[-1] == "Kelompok ini sudah dibubarkan."


def test_an_sk_pdf_that_takes_too_long_is_a_503(world, client_as, monkeypatch):
    def lambat(*args, **kwargs):
        raise PdfRenderTimeoutError

    monkeypatch.setattr(agen_views, "render_pdf", lambat)
    sk = helpers.sk(world)
    response = client_as("kepala").get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk}))
    assert (response.status_code, response.content.decode()) == (
        503,
        "PDF belum dapat dibuat (batas waktu terlampaui). Coba lagi.",
    )
    assert client_as("outsider").get(reverse("agen:sk_pdf", kwargs={"pk": sk.pk})).status_code == 404
