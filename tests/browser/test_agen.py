"""The agen perubahan journey as people do it (docs/keputusan.md, «Alur agen perubahan»): unit nominates asn, asn confirms, kbk asks the unit for
clarification, unit answers, kbk passes and assesses, kepala makes the SK, appoints and downloads the SK PDF."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from apps.agen.models import Nominasi, SuratKeputusan
from apps.agen.workflow import Status
from apps.organisasi.models import Pegawai

from .conftest import DESKTOP, PHONE, login, screenshot

NOMOR_SK = "800.1.2/077/BKPSDM/2026"


def _fits(page, viewport) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.browser
def test_nomination_to_appointment_with_sk_pdf(demo_server, new_page):
    asn = Pegawai.objects.get(user__username="asn")
    url = demo_server.url

    # 1. The unit head nominates asn.
    page = new_page(PHONE)
    login(page, demo_server, "unit")
    page.goto(f"{url}/agen/usulan/baru/")
    page.get_by_label("Calon agen perubahan").select_option(label=f"{asn.nama_lengkap} — {asn.nip} ({asn.unit_kerja})")
    page.get_by_label("Musyawarah").check()
    for k in "cdef":
        page.locator(f"#id_kriteria_{k}").check()
        page.locator(f"#id_alasan_{k}").fill(f"Bukti kriteria {k}: teladan di bidang.")
    screenshot(page, "agen-01-usulan-360")
    _fits(page, PHONE)
    with page.expect_navigation():
        page.get_by_role("button", name="Kirim usulan").click()
    nominasi = Nominasi.objects.get(pegawai=asn)
    assert page.url == f"{url}/agen/usulan/{nominasi.pk}/"
    assert nominasi.status == Status.MENUNGGU_KOMITMEN
    page.context.close()

    # 2. asn confirms their commitment.
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    page.goto(f"{url}/agen/saya/")
    page.get_by_role("link", name="BKPSDM 2026").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Konfirmasi komitmen").click()
    screenshot(page, "agen-02-komitmen-360")
    _fits(page, PHONE)
    nominasi.refresh_from_db()
    assert nominasi.status == Status.PENELAAHAN
    page.context.close()

    # 3. kbk asks the nominator for clarification.
    page = new_page(PHONE)
    login(page, demo_server, "kbk")
    page.goto(f"{url}/agen/antrean-kbk/")
    page.get_by_role("link", name=asn.nama_lengkap).click()
    # The usual step ("Lanjutkan ke penilaian") is the open one; a clarification is one tap away.
    assert page.locator("details[open] summary").inner_text() == "Lanjutkan ke penilaian"
    page.locator("summary", has_text="Minta klarifikasi kepada pengusul").click()
    page.locator("#id_minta_klarifikasi_pengusul-catatan").fill("Siapa saja yang ikut musyawarah?")
    with page.expect_navigation():
        page.get_by_role("button", name="Minta klarifikasi kepada pengusul").click()
    nominasi.refresh_from_db()
    assert nominasi.status == Status.KLARIFIKASI_PENGUSUL
    page.context.close()

    # 4. The unit head sees the question and answers it.
    page = new_page(PHONE)
    login(page, demo_server, "unit")
    page.goto(f"{url}/agen/usulan-saya/")
    page.get_by_role("link", name=asn.nama_lengkap).click()
    assert page.get_by_test_id("pertanyaan").inner_text().endswith("Siapa saja yang ikut musyawarah?")
    page.locator("#id_jawab_klarifikasi-catatan").fill("Seluruh pejabat fungsional Bidang PSDM.")
    screenshot(page, "agen-03-klarifikasi-360")
    _fits(page, PHONE)
    with page.expect_navigation():
        page.get_by_role("button", name="Jawab klarifikasi").click()
    nominasi.refresh_from_db()
    assert nominasi.status == Status.PENELAAHAN
    page.context.close()

    # 5. kbk passes it to assessment, then assesses and recommends.
    page = new_page(PHONE)
    login(page, demo_server, "kbk")
    page.goto(f"{url}/agen/usulan/{nominasi.pk}/")
    # The usual step is open already: one tap, and the rubric follows directly.
    with page.expect_navigation():
        page.get_by_role("button", name="Lanjutkan ke penilaian").click()
    assert page.url == f"{url}/agen/usulan/{nominasi.pk}/penilaian/"
    names = page.evaluate("[...new Set([...document.querySelectorAll('input[name^=skor_]')].map(e => e.name))]")
    for name in names:
        page.locator(f"label[for=id_{name}_3]").click()
    # The grid keeps a live total: every item at 4.
    assert page.get_by_test_id("total-rubrik").inner_text() == f"Total: {4 * len(names)} / {5 * len(names)}"
    box = page.locator(f"label[for=id_{names[0]}_3]").bounding_box()
    assert (box["width"] >= 44, box["height"] >= 44) == (True, True)
    page.locator("input[name=rekomendasi][value=ya]").check()
    page.get_by_label("Catatan penilaian").fill("Komunikatif, berintegritas.")
    screenshot(page, "agen-04-assessment-360")
    _fits(page, PHONE)
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan penilaian").click()
    nominasi.refresh_from_db()
    assert nominasi.status == Status.DIREKOMENDASIKAN
    page.context.close()

    # 6. kepala makes the SK, appoints asn by it and downloads the PDF.
    page = new_page(PHONE)
    login(page, demo_server, "kepala")
    page.goto(f"{url}/agen/sk/")
    today = timezone.localdate()
    page.locator("#id_nomor").fill(NOMOR_SK)
    page.locator("#id_tanggal").fill(f"{today:%Y-%m-%d}")
    page.locator("#id_masa_mulai").fill(f"{today:%Y-%m-%d}")
    page.locator("#id_masa_selesai").fill(f"{today.year + 1}-12-31")
    with page.expect_navigation():
        page.get_by_role("button", name="Buat SK").click()
    page.goto(f"{url}/agen/menunggu-penetapan/")
    page.get_by_role("link", name=asn.nama_lengkap).click()
    page.get_by_role("link", name="Tetapkan dengan SK").click()
    page.locator("#id_surat_keputusan option", has_text=NOMOR_SK).wait_for(state="attached")
    value = page.locator("#id_surat_keputusan option", has_text=NOMOR_SK).get_attribute("value")
    page.locator("#id_surat_keputusan").select_option(value=value)
    page.locator("input[name=peran][value=KATALIS]").check()
    page.locator("input[name=peran][value=PENGHUBUNG]").check()
    page.locator("#id_yakin").check()
    screenshot(page, "agen-05-penetapan-360")
    _fits(page, PHONE)
    with page.expect_navigation():
        page.get_by_role("button", name="Tetapkan").click()
    nominasi.refresh_from_db()
    assert nominasi.status == Status.DITETAPKAN
    assert page.get_by_role("heading", name=f"Surat keputusan {NOMOR_SK}").count() == 1
    screenshot(page, "agen-06-sk-360")
    # The kepala issues the SK: from now on its PDF is stored and every download is the same file.
    page.locator("summary", has_text="Tetapkan SK").click()
    page.locator("#yakin-sk").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Tetapkan SK").click()
    assert page.get_by_test_id("status-sk").inner_text().startswith("Ditetapkan")
    screenshot(page, "agen-06b-sk-ditetapkan-360")
    _fits(page, PHONE)
    unduhan = []
    for _ in range(2):
        with page.expect_download() as download:
            page.get_by_role("link", name="Unduh SK (PDF)").click()
        unduhan.append(download.value.path().read_bytes())
    pdf = unduhan[0]
    assert unduhan[1] == pdf
    page.context.close()

    # Anyone logged in checks the copy at the verification address printed on it.
    kode = SuratKeputusan.objects.get(nomor=NOMOR_SK).dokumen.kode
    page = new_page(PHONE)
    login(page, demo_server, "asn")
    page.goto(f"{url}/dokumen/verifikasi/")
    page.get_by_label("Kode verifikasi").fill(kode.lower())
    with page.expect_navigation():
        page.get_by_role("button", name="Periksa").click()
    page.get_by_label("Berkas PDF yang ingin diperiksa").set_input_files(
        {"name": "sk.pdf", "mimeType": "application/pdf", "buffer": pdf}
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Periksa berkas").click()
    assert page.locator("#hasil-verifikasi").inner_text().startswith("Asli")
    screenshot(page, "agen-06c-verifikasi-360")
    _fits(page, PHONE)
    page.context.close()

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert f"NOMOR {NOMOR_SK}" in text
    assert asn.nama_lengkap in text
    assert f"NIP {asn.nip}" in text
    assert "Katalis, Penghubung" in text
    assert f"{today:%d-%m-%Y} s.d. 31-12-{today.year + 1}" in text

    # The whole history on the nomination page, at desktop width.
    page = new_page(DESKTOP)
    login(page, demo_server, "kepala")
    page.goto(f"{url}/agen/usulan/{nominasi.pk}/")
    assert page.get_by_test_id("riwayat").locator("li").count() == 7
    screenshot(page, "agen-07-riwayat-desktop")
    page.goto(f"{url}/kbk/")
    assert page.get_by_test_id("bagan").locator(".bagan-kotak").count() == 7
    screenshot(page, "kbk-bagan-desktop")
    page.context.close()


@pytest.mark.browser
def test_work_lists_fit_the_screen(demo_server, new_page):
    """Each work list on a 360 px phone, then the same page at desktop width."""
    pages = {
        "kbk": ["/agen/antrean-kbk/", "/kbk/"],
        "kepala": ["/agen/menunggu-penetapan/", "/agen/daftar/", "/agen/sk/"],
        "unit": ["/agen/usulan-saya/"],
        "monev": ["/agen/ikhtisar/", "/kbk/tim-monev/"],
    }
    for username, paths in pages.items():
        page = new_page(PHONE)
        login(page, demo_server, username)
        for path in paths:
            page.set_viewport_size(PHONE)
            response = page.goto(f"{demo_server.url}{path}")
            assert response.status == 200
            for viewport in (PHONE, DESKTOP):
                page.set_viewport_size(viewport)
                _fits(page, viewport)
                screenshot(page, f"agen{path.replace('/', '-').rstrip('-')}-{viewport['width']}")
        page.context.close()
