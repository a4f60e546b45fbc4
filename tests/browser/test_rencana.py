"""The agent's work cycle on a phone (Lampiran BAB III 2.2.4-2.2.5): agen writes a plan with a focus item from Formulir 1 2025 ->
submits -> kepala returns it with a note -> agen fixes and resubmits -> kepala approves -> agen sends a progress
report with a PDF evidence file -> kepala sees the achievement; the plan PDF is read back with pypdf."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from apps.rencana.models import LaporanKemajuan, RencanaTindak
from apps.rencana.workflow import Status

from .conftest import DESKTOP, PAKET, login, screenshot

HP = {"width": 390, "height": 844}
JUDUL = "Papan pantau layanan kepegawaian"
BUKTI = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def _bulan(tambah: int = 0) -> str:
    today = timezone.localdate()
    m = today.month - 1 + tambah
    return f"{today.year + m // 12}-{m % 12 + 1:02d}"


def _keputusan(page, url, pk, keputusan: str, catatan: str = "") -> None:
    page.goto(f"{url}/rencana/{pk}/")
    page.get_by_role("link", name="Putuskan").click()
    page.locator(f"input[name=keputusan][value={keputusan}]").check()
    if keputusan == "setujui":
        page.get_by_label("Logis: rencana ini sesuai").check()
    if catatan:
        page.get_by_label("Catatan (wajib bila dikembalikan)").fill(catatan)
    screenshot(page, f"rencana-keputusan-{keputusan}-390")
    _fits(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan keputusan").click()


@pytest.mark.browser
def test_plan_cycle_on_a_phone(demo_server, new_page, tmp_path):
    url = demo_server.url

    # 1. agen writes a plan, taking the weakest item of 2025 as its focus.
    page = new_page(HP)
    login(page, demo_server, "agen")
    with page.expect_navigation():
        page.get_by_role("link", name="Tulis rencana").first.click()
    assert page.get_by_test_id("titik-lemah").count() == 1
    page.locator("#id_pemilik").select_option(index=0)
    page.get_by_label("Judul rencana").fill(JUDUL)
    page.locator("#id_mulai").fill(_bulan())
    page.locator("#id_selesai").fill(_bulan(2))
    fokus = page.locator("input[name=fokus]").nth(3)
    fokus_label = page.locator(f"label[for='{fokus.get_attribute('id')}']").inner_text()
    nilai_lokal = PAKET.data["istilah"]["nilai_organisasi"]
    assert nilai_lokal in fokus_label or "BerAKHLAK" in fokus_label  # each item shows the value it belongs to
    fokus.check()
    screenshot(page, "rencana-01-tulis-390")
    _fits(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan").click()
    rencana = RencanaTindak.objects.get(judul=JUDUL)
    assert rencana.fokus[0]["periode"] == "2025"

    # A row of Tabel 2 with a target that is too vague (no unit) first.
    page.locator("input[name=nilai]").first.check()
    page.get_by_label("(3) Sasaran: perubahan yang ingin dicapai").fill(
        "Setiap layanan kepegawaian terpantau harian di papan pantau"
    )
    page.get_by_label("(4) Indikator kinerja").fill("Persentase layanan yang tercatat di papan pantau")
    page.get_by_label("(5) Target: angka").fill("80")
    page.get_by_label("(6) Kegiatan (satu per baris)").fill("Memasang papan pantau\nMencatat layanan setiap sore")
    page.locator("#id_waktu_mulai").fill(_bulan())
    page.locator("#id_waktu_selesai").fill(_bulan(2))
    screenshot(page, "rencana-02-baris-390")
    _fits(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan baris").click()
    assert page.get_by_test_id("smart").inner_text().strip() == (
        'Baris 1, kolom (5) Target: isi satuan target, misalnya "%" atau "kegiatan".'
    )
    page.get_by_role("link", name="Ubah", exact=True).click()
    page.get_by_label("(5) Target: satuan").fill("%")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan baris").click()
    assert page.get_by_test_id("smart").count() == 0
    page.get_by_label("Rencana ini siap dikirim").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Ajukan ke Kepala PD").click()
    rencana.refresh_from_db()
    assert rencana.status == Status.DIAJUKAN
    page.context.close()

    # 2. kepala returns it with a note.
    page = new_page(HP)
    login(page, demo_server, "kepala")
    _keputusan(page, url, rencana.pk, "kembalikan", "Target 80% terlalu tinggi untuk tiga bulan pertama.")
    rencana.refresh_from_db()
    assert rencana.status == Status.DIKEMBALIKAN
    page.context.close()

    # 3. agen reads the note, fixes the target and submits again.
    page = new_page(HP)
    login(page, demo_server, "agen")
    page.goto(f"{url}/rencana/{rencana.pk}/")
    assert "Target 80% terlalu tinggi" in page.get_by_test_id("catatan-kembali").inner_text()
    page.get_by_role("link", name="Ubah", exact=True).click()
    page.get_by_label("(5) Target: angka").fill("60")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan baris").click()
    page.get_by_label("Rencana ini siap dikirim").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Ajukan ke Kepala PD").click()
    rencana.refresh_from_db()
    assert rencana.status == Status.DIAJUKAN
    page.context.close()

    # 4. kepala approves, affirming "Logis".
    page = new_page(HP)
    login(page, demo_server, "kepala")
    _keputusan(page, url, rencana.pk, "setujui")
    rencana.refresh_from_db()
    assert rencana.status == Status.DISETUJUI
    page.context.close()

    # 5. agen sends the progress report with a PDF evidence file.
    bukti = tmp_path / "notulen-apel.pdf"
    bukti.write_bytes(BUKTI)
    page = new_page(HP)
    login(page, demo_server, "agen")
    page.goto(f"{url}/rencana/{rencana.pk}/")
    page.get_by_role("link", name="Kirim laporan kemajuan").click()
    baris = rencana.baris.get()
    page.locator(f"#id_realisasi_{baris.pk}").fill("45")
    page.locator(f"#id_narasi_{baris.pk}").fill("Papan pantau dipasang; 45% layanan tercatat pada bulan pertama.")
    page.locator(f"#id_bukti_{baris.pk}").set_input_files(str(bukti))
    page.get_by_label("Isi laporan ini benar.").check()
    screenshot(page, "rencana-03-laporan-390")
    _fits(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Kirim laporan").click()
    laporan = LaporanKemajuan.objects.get(rencana=rencana)
    assert laporan.realisasi.get().bukti.count() == 1
    page.context.close()

    # 6. kepala sees the achievement (45 / 60 = 75.0 %) and reads the plan PDF.
    page = new_page(HP)
    login(page, demo_server, "kepala")
    page.goto(f"{url}/rencana/laporan/{laporan.pk}/")
    assert page.get_by_test_id("capaian-rata-rata").inner_text() == "Capaian rata-rata: 75,0 %"
    screenshot(page, "rencana-04-capaian-390")
    _fits(page)
    pdf = page.request.get(f"{url}/rencana/{rencana.pk}/pdf/")
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.body())).pages)
    for header in ("Nilai Organisasi dan Core", "Sasaran", "Indikator Kinerja", "Target", "Kegiatan", "Waktu"):
        assert header in text
    assert "1 2 3 4 5 6 7 8" in text
    assert "Setiap layanan kepegawaian terpantau harian di papan pantau" in text
    assert "60 %" in text
    assert "Menyetujui" in text
    page.context.close()

    # Screenshots at desktop width.
    page = new_page(DESKTOP)
    login(page, demo_server, "kepala")
    page.goto(f"{url}/rencana/{rencana.pk}/")
    screenshot(page, "rencana-05-detail-1280")
    page.goto(f"{url}/")
    screenshot(page, "rencana-06-beranda-kepala-1280")
    page.context.close()
    page = new_page(DESKTOP)
    login(page, demo_server, "monev")
    page.goto(f"{url}/rencana/ikhtisar/")
    screenshot(page, "rencana-07-ikhtisar-1280")
    page.context.close()
