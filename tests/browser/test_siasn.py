"""The admin's SIASN import in the browser (docs/keputusan.md, «Impor SIASN»): upload, edit the column mapping,
read the dry-run diff, confirm; on a 390 px phone."""

import pytest

from apps.organisasi.models import ImporSiasn, Pegawai
from tests.organisasi.siasn_data import HEADER, nip_ke, xlsx_bytes

from .conftest import DESKTOP, PHONE_390, login, screenshot


def _ekspor_demo() -> list[list]:
    """The demo registry as BKN would export it today: one row per active pegawai."""
    rows = []
    for p in Pegawai.objects.filter(aktif=True).select_related("golongan", "unit_kerja__perangkat_daerah"):
        row = dict.fromkeys(HEADER, "")
        row.update(
            {
                "NIP BARU": p.nip,
                "NAMA": p.nama,
                "JENIS PEGAWAI NAMA": p.jenis_asn,
                "GOL AKHIR NAMA": p.golongan.kode if p.golongan else "",
                "JABATAN NAMA": p.jabatan,
                "ESELON": p.eselon,
                "UNOR NAMA": p.unit_kerja.nama,
                "UNOR INDUK NAMA": p.unit_kerja.perangkat_daerah.nama,
            }
        )
        rows.append([row[h] for h in HEADER])
    return rows


@pytest.mark.browser
def test_admin_imports_a_siasn_export_after_reading_the_diff(demo_server, new_page, tmp_path):
    rows = _ekspor_demo()
    nip, unor, induk, jabatan = (HEADER.index(h) for h in ("NIP BARU", "UNOR NAMA", "UNOR INDUK NAMA", "JABATAN NAMA"))
    biasa = [r for r in rows if not r[jabatan].startswith("Kepala")]
    keluar = biasa[0]
    rows.remove(keluar)
    pindah = next(r for r in biasa[1:] if r[induk] == biasa[1][induk] and r[unor] != biasa[1][unor])
    pindah_ke = (biasa[1][unor], biasa[1][induk])
    pindah[unor], pindah[induk] = pindah_ke
    baru = [list(rows[-1]) for _ in range(2)]
    for n, row in enumerate(baru):
        row[nip], row[HEADER.index("NAMA")], row[jabatan] = nip_ke(9000 + n * 7), f"Pegawai Baru SIASN {n}", "Analis"
        row[HEADER.index("ESELON")] = ""
    rows.extend(baru)
    header = ["NAMA PNS" if h == "NAMA" else h for h in HEADER]  # this export names the column differently
    (tmp_path / "siasn.xlsx").write_bytes(xlsx_bytes(rows, header, judul=[["DATA PNS DAN PPPK"]]))

    page = new_page(PHONE_390)
    login(page, demo_server, "admin")
    page.goto(f"{demo_server.url}/admin/organisasi/pegawai/")
    page.get_by_role("link", name="Impor dari SIASN").click()
    page.set_input_files("input[type=file]", str(tmp_path / "siasn.xlsx"))
    page.get_by_role("button", name="Periksa berkas (uji coba)").click()
    refused = page.get_by_test_id("siasn-ditolak")
    assert "kolom untuk Nama (NAMA, NAMA PEGAWAI) tidak ditemukan" in refused.inner_text()
    screenshot(page, "siasn-ditolak-390")

    page.locator("input[name=kolom_nama]").fill("NAMA, NAMA PNS")
    page.set_input_files("input[type=file]", str(tmp_path / "siasn.xlsx"))
    page.get_by_role("button", name="Periksa berkas (uji coba)").click()
    ringkasan = page.get_by_test_id("ringkasan-siasn")
    jumlah = {k: ringkasan.locator(f"[data-jumlah={k}]").inner_text() for k in ("baru", "mutasi", "keluar", "berubah")}
    assert jumlah == {"baru": "2", "mutasi": "1", "keluar": "1", "berubah": "0"}
    assert page.get_by_test_id("siasn-keluar").locator("tbody tr").all_inner_texts()[0].startswith(keluar[nip])
    screenshot(page, "siasn-pratinjau-390")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_390["width"]
    page.set_viewport_size(DESKTOP)
    screenshot(page, "siasn-pratinjau-1280")

    with page.expect_navigation():
        page.get_by_role("button", name="Terapkan impor").click()
    assert "Impor SIASN tersimpan: 2 pegawai baru, 1 mutasi, 1 keluar" in page.locator(".messagelist").inner_text()
    assert page.get_by_test_id("riwayat-siasn").locator("tbody tr").count() == 1
    screenshot(page, "siasn-selesai-1280")
    assert not Pegawai.objects.get(nip=keluar[nip]).aktif
    moved = Pegawai.objects.select_related("unit_kerja__perangkat_daerah").get(nip=pindah[nip])
    assert (moved.unit_kerja.nama, moved.unit_kerja.perangkat_daerah.nama) == pindah_ke
    assert ImporSiasn.objects.get().jumlah["baru"] == 2
    # The mapping was saved: the next upload reads "NAMA PNS" without typing it again.
    page.goto(f"{demo_server.url}/admin/organisasi/pegawai/siasn/")
    assert "NAMA PNS" in page.locator("input[name=kolom_nama]").input_value()
