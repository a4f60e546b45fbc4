"""axe-core at 390 px and 1280 px on every page of the access matrix (tests/access/, docs/keamanan.md «Kendali»),
each opened by a demo login that may open it: no serious or critical violation, and at 390 px the page itself
never scrolls sideways (a table wider than the phone scrolls inside its own box, with the cue above it).

HALAMAN names, for each GET URL pattern of the matrix that some persona may open, the demo login that opens it
and how its URL is found in the demo; UNDUHAN names the patterns that answer with a file, not a page.
`test_every_page_of_the_matrix_is_walked` fails when a pattern is in neither, so a new page cannot slip out.

The walk is its own stage, `make test-axe` (marker `axe`), which .ci/run runs on every push beside `make test`, and
the browser stage of pack 2 runs it again on that pack's demo: it was a sixth of the time of `make test` (README
«Tes»). `test_every_page_of_the_matrix_is_walked` stays in `make test`, so a new page without a login here fails
there. Cost: one browser context per login whose viewport changes between the widths, one page reused, axe-core an
init script of that context and run once per width, no fixed wait; one test item per login, so pytest-xdist spreads
them over the workers.
"""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from .conftest import DESKTOP, PHONE_390, login, screenshot

# The demo login that plays each persona of tests/conftest.PERSONAS ("outsider", a user of another PD, has no
# demo login: every page it may open is opened by another persona). Both `asn` and `agen` are the matrix's asn.
PERSONA = {
    "anonim": "anonim",
    "asn": "asn",
    "agen": "asn",
    "unit": "pimpinan",
    "kbk": "kbk",
    "kepala": "kepala",
    "monev": "monev",
    "sekda": "sekda",
    "admin": "admin",
}
LOGINS = list(PERSONA)


# -- the demo's objects each page needs (queried after the demo is loaded) ------------------------------------


def _pegawai(username: str):
    from apps.organisasi.models import Pegawai

    return Pegawai.objects.get(user__username=username)


def _bkpsdm():
    return _pegawai("kepala").unit_kerja.perangkat_daerah


def _nominasi(status: str) -> int:
    from apps.agen.models import Nominasi

    return Nominasi.objects.filter(status=status).order_by("pk").first().pk


def _penetapan(username: str) -> int:
    from apps.agen.models import Penetapan

    return Penetapan.objects.get(nominasi__pegawai__user__username=username).pk


def _sk(username: str) -> int:
    from apps.agen.models import Penetapan

    return Penetapan.objects.get(nominasi__pegawai__user__username=username).surat_keputusan_id


def _kelompok() -> int:
    from apps.agen.models import KelompokAgen

    return KelompokAgen.objects.filter(dibubarkan_pada=None).first().pk


def _rencana(status: str, username: str | None = "agen") -> int:
    from apps.rencana.models import RencanaTindak

    plans = RencanaTindak.objects.filter(status=status).order_by("pk")
    if username is not None:
        plans = plans.filter(penetapan__nominasi__pegawai__user__username=username)
    return plans.first().pk


def _laporan() -> int:
    from apps.rencana.models import LaporanKemajuan

    return LaporanKemajuan.objects.order_by("pk").first().pk


def _masalah() -> int:
    from apps.rencana.models import Permasalahan

    return Permasalahan.objects.order_by("pk").first().pk


def _pertemuan() -> int:
    from apps.forum.models import Pertemuan

    return Pertemuan.objects.order_by("pk").first().pk


def _praktik() -> int:
    from apps.forum.models import PraktikBaik

    return PraktikBaik.objects.filter(perangkat_daerah=_bkpsdm()).order_by("pk").first().pk


def _tindak_lanjut() -> int:
    from apps.tindaklanjut.models import TindakLanjut

    return TindakLanjut.objects.filter(perangkat_daerah=_bkpsdm()).order_by("pk").first().pk


def _respon(username: str, kode: str) -> int:
    from apps.survei.models import Respon

    return Respon.objects.get(pegawai__user__username=username, periode__kode=kode).pk


def _instrumen() -> int:
    from apps.survei.models import InstrumenVersi

    return InstrumenVersi.objects.order_by("pk").first().pk


def _belum_aktif(username: str) -> int:
    """A never-activated colleague in the unit of `username`."""
    from apps.organisasi.models import Pegawai

    return Pegawai.objects.filter(unit_kerja=_pegawai(username).unit_kerja, user=None).order_by("pk").first().pk


def _dokumen() -> str:
    from apps.common.models import DokumenTerbit

    return DokumenTerbit.objects.order_by("pk").first().kode


def _u(name: str, **kwargs) -> Callable[[], str]:
    """The URL of `name`, its kwargs given as values or as callables run once the demo is loaded."""
    return lambda: reverse(name, kwargs={k: v() if callable(v) else v for k, v in kwargs.items()} or None)


# -- objects the demo lacks, made for the walk ------------------------------------------------------------------


def _pengingat() -> int:
    """A reminder the head of unit sent today for their unit about the open periode (the demo sends none)."""
    from apps.survei.models import Pengingat, Periode

    unit = _pegawai("unit").unit_kerja
    return Pengingat.objects.create(
        periode=Periode.objects.get(kode="2026"),
        kelompok=f"unit:{unit.pk}",
        tanggal=timezone.localdate(),
        oleh=_pegawai("unit").user,
    ).pk


def _komitmen_asn() -> int:
    """The nomination waiting for its nominee's commitment, made the `asn` login's (in the demo its nominee has no
    account yet)."""
    from apps.agen.models import Nominasi

    nominasi = Nominasi.objects.get(pk=_nominasi("MENUNGGU_KOMITMEN"))
    nominasi.pegawai = _pegawai("asn")
    nominasi.save(update_fields=["pegawai"])
    return nominasi.pk


def _rencana_agen(status: str) -> Callable[[], int]:
    """A plan in `status` made the `agen` login's (the demo's draft and returned plans are of agents without an
    account)."""

    def pk() -> int:
        from apps.rencana.models import RencanaTindak

        rencana = RencanaTindak.objects.get(pk=_rencana(status, None))
        rencana.penetapan_id = _penetapan("agen")
        rencana.dibuat_oleh = _pegawai("agen").user
        rencana.save(update_fields=["penetapan", "dibuat_oleh"])
        return rencana.pk

    return pk


# matrix URL pattern -> (demo login, its URL in the demo). The logins share the pages so that each test item
# takes a similar time; every login's home page and menu are checked besides (they differ by role).
HALAMAN: dict[str, tuple[str, Callable[[], str]]] = {
    # anonymous
    "akun:login": ("anonim", _u("akun:login")),
    "akun:aktivasi": ("anonim", _u("akun:aktivasi")),
    "akun:lupa_sandi": ("anonim", _u("akun:lupa_sandi")),
    "pdp:pemberitahuan": ("anonim", _u("pdp:pemberitahuan")),
    # asn: an ASN who has not filled in the open periode
    "beranda": ("asn", _u("beranda")),
    "agen:saya": ("asn", _u("agen:saya")),
    "agen:komitmen": ("asn", _u("agen:komitmen", pk=_komitmen_asn)),
    "akun:ganti_sandi": ("asn", _u("akun:ganti_sandi")),
    "survei:daftar": ("asn", _u("survei:daftar")),
    "survei:formulir": ("asn", _u("survei:formulir", kode="2026")),
    "survei:respon": ("asn", _u("survei:respon", pk=lambda: _respon("asn", "2025"))),
    "survei:instrumen": ("asn", _u("survei:instrumen", pk=_instrumen)),
    "survei:cetak": ("asn", _u("survei:cetak", pk=_instrumen)),
    "laporan:hasil_saya": ("asn", _u("laporan:hasil_saya", kode="2025")),
    "organisasi:profil": ("asn", _u("organisasi:profil")),
    "organisasi:pegawai_detail": ("asn", _u("organisasi:pegawai_detail", pk=lambda: _pegawai("asn").pk)),
    "pdp:data_saya": ("asn", _u("pdp:data_saya")),
    "notifikasi:daftar": ("asn", _u("notifikasi:daftar")),
    # agen: an appointed agent with an approved plan, a report and two problems
    "rencana:saya": ("agen", _u("rencana:saya")),
    "rencana:rencana_tambah": ("agen", _u("rencana:rencana_tambah")),
    "rencana:detail": ("agen", _u("rencana:detail", pk=lambda: _rencana("DISETUJUI"))),
    "rencana:rencana_ubah": ("agen", _u("rencana:rencana_ubah", pk=_rencana_agen("DRAF"))),
    "rencana:baris_tambah": ("agen", _u("rencana:baris_tambah", pk=_rencana_agen("DRAF"))),
    "rencana:baris_ubah": ("agen", _u("rencana:baris_ubah", pk=_rencana_agen("DIKEMBALIKAN"), nomor=1)),
    "rencana:laporan_tambah": ("agen", _u("rencana:laporan_tambah", pk=lambda: _rencana("DISETUJUI"))),
    "rencana:masalah_tambah": ("agen", _u("rencana:masalah_tambah", pk=lambda: _rencana("DISETUJUI"))),
    "rencana:laporan_detail": ("agen", _u("rencana:laporan_detail", pk=_laporan)),
    "rencana:masalah_detail": ("agen", _u("rencana:masalah_detail", pk=_masalah)),
    "agen:agen_detail": ("agen", _u("agen:agen_detail", pk=lambda: _penetapan("agen"))),
    "agen:sk_detail": ("agen", _u("agen:sk_detail", pk=lambda: _sk("agen"))),
    "forum:pertemuan_tambah": ("agen", _u("forum:pertemuan_tambah", kode=lambda: _bkpsdm().kode)),
    "forum:pertemuan_detail": ("agen", _u("forum:pertemuan_detail", pk=_pertemuan)),
    # unit: head of a unit of BKPSDM
    "agen:usulan_saya": ("unit", _u("agen:usulan_saya")),
    "agen:nominasi_tambah": ("unit", _u("agen:nominasi_tambah")),
    "agen:nominasi_detail": ("unit", _u("agen:nominasi_detail", pk=lambda: _nominasi("KLARIFIKASI_PENGUSUL"))),
    "akun:kode_aktivasi_pegawai": ("unit", _u("akun:kode_aktivasi_pegawai", pk=lambda: _belum_aktif("unit"))),
    "laporan:index": ("unit", _u("laporan:index")),
    "laporan:unit": ("unit", _u("laporan:unit", kode="2025", pk=lambda: _pegawai("unit").unit_kerja.pk)),
    "organisasi:pegawai_list": ("unit", _u("organisasi:pegawai_list")),
    "rencana:daftar": ("unit", _u("rencana:daftar")),
    "rencana:masalah_list": ("unit", _u("rencana:masalah_list")),
    "survei:partisipasi": ("unit", _u("survei:partisipasi", kode="2026")),
    "survei:partisipasi_cetak": ("unit", _u("survei:partisipasi_cetak", kode="2026")),
    "survei:pengingat_hasil": ("unit", _u("survei:pengingat_hasil", kode="2026", pk=_pengingat)),
    # kbk: a member of BKPSDM's KBK
    "agen:antrean_kbk": ("kbk", _u("agen:antrean_kbk")),
    "agen:nominasi_nilai": ("kbk", _u("agen:nominasi_nilai", pk=lambda: _nominasi("ASSESSMENT"))),
    "agen:sk_list": ("kbk", _u("agen:sk_list")),
    "agen:kelompok_list": ("kbk", _u("agen:kelompok_list")),
    "agen:kelompok_tambah": ("kbk", _u("agen:kelompok_tambah")),
    "agen:kelompok_detail": ("kbk", _u("agen:kelompok_detail", pk=_kelompok)),
    "agen:kelompok_ubah": ("kbk", _u("agen:kelompok_ubah", pk=_kelompok)),
    "agen:kelompok_bubarkan": ("kbk", _u("agen:kelompok_bubarkan", pk=_kelompok)),
    "forum:pertemuan_ubah": ("kbk", _u("forum:pertemuan_ubah", pk=_pertemuan)),
    "forum:praktik_tambah": ("kbk", _u("forum:praktik_tambah", kode=lambda: _bkpsdm().kode)),
    "forum:praktik_ubah": ("kbk", _u("forum:praktik_ubah", pk=_praktik)),
    "kbk:detail": ("kbk", _u("kbk:detail", pk=lambda: _bkpsdm().pk)),
    "tindaklanjut:daftar": ("kbk", _u("tindaklanjut:daftar")),
    "tindaklanjut:detail": ("kbk", _u("tindaklanjut:detail", pk=_tindak_lanjut)),
    # kepala: Kepala BKPSDM
    "agen:antrean_kepala": ("kepala", _u("agen:antrean_kepala")),
    "agen:nominasi_tetapkan": ("kepala", _u("agen:nominasi_tetapkan", pk=lambda: _nominasi("DIREKOMENDASIKAN"))),
    "agen:putaran_list": ("kepala", _u("agen:putaran_list")),
    "akun:kode_aktivasi_unit_list": ("kepala", _u("akun:kode_aktivasi_unit_list")),
    "akun:kode_aktivasi_cetak": ("kepala", _u("akun:kode_aktivasi_cetak", pk=lambda: _pegawai("unit").unit_kerja.pk)),
    "rencana:keputusan": ("kepala", _u("rencana:keputusan", pk=lambda: _rencana("DIAJUKAN", None))),
    "internalisasi:pd": ("kepala", _u("internalisasi:pd", kode=lambda: _bkpsdm().kode)),
    "laporan:pd": ("kepala", _u("laporan:pd", kode="2025", pd_kode=lambda: _bkpsdm().kode)),
    # monev: Tim Monev
    "agen:ikhtisar": ("monev", _u("agen:ikhtisar")),
    "akun:tanpa_penanggung_jawab": ("monev", _u("akun:tanpa_penanggung_jawab")),
    "laporan:konsolidasi": ("monev", _u("laporan:konsolidasi", kode="2025")),
    "laporan:dasbor": ("monev", _u("laporan:dasbor", kode="2025")),
    "laporan:finalisasi": ("monev", _u("laporan:finalisasi", kode="2025")),
    "laporan:catatan_pd": ("monev", _u("laporan:catatan_pd", kode="2025", pd_kode=lambda: _bkpsdm().kode)),
    "laporan:catatan_unit": (
        "monev",
        _u("laporan:catatan_unit", kode="2025", pk=lambda: _pegawai("unit").unit_kerja.pk),
    ),
    "laporan:rincian": ("monev", _u("laporan:rincian", kode="2025", pk=lambda: _pegawai("unit").unit_kerja.pk)),
    "survei:buka_kembali": ("monev", _u("survei:buka_kembali", pk=lambda: _respon("unit", "2026"))),
    "survei:periode_list": ("monev", _u("survei:periode_list")),
    "survei:periode_tambah": ("monev", _u("survei:periode_tambah")),
    "survei:periode_status": ("monev", _u("survei:periode_status", kode="2026", ke="DITUTUP")),
    # sekda
    "agen:daftar_agen": ("sekda", _u("agen:daftar_agen")),
    "rencana:ikhtisar": ("sekda", _u("rencana:ikhtisar")),
    "internalisasi:index": ("sekda", _u("internalisasi:index")),
    "kbk:daftar": ("sekda", _u("kbk:daftar")),
    "kbk:tim_monev": ("sekda", _u("kbk:tim_monev")),
    "forum:index": ("sekda", _u("forum:index")),
    "forum:forum_detail": ("sekda", _u("forum:forum_detail", kode="kabupaten")),
    "forum:praktik_list": ("sekda", _u("forum:praktik_list")),
    "forum:praktik_detail": ("sekda", _u("forum:praktik_detail", pk=_praktik)),
    # the same patterns in other states (other badges, actions and forms)
    "agen:nominasi_detail[ditelaah]": ("kbk", _u("agen:nominasi_detail", pk=lambda: _nominasi("PENELAAHAN"))),
    "agen:nominasi_detail[ditetapkan]": ("kepala", _u("agen:nominasi_detail", pk=lambda: _nominasi("DITETAPKAN"))),
    "rencana:detail[diajukan]": ("kepala", _u("rencana:detail", pk=lambda: _rencana("DIAJUKAN", None))),
    "rencana:detail[draf]": ("agen", _u("rencana:detail", pk=_rencana_agen("DRAF"))),
    # admin
    "dokumen:cari": ("admin", _u("dokumen:cari")),
    "dokumen:verifikasi": ("admin", _u("dokumen:verifikasi", kode=_dokumen)),
    "nilai:pedoman": ("admin", _u("nilai:pedoman")),
}

# Patterns that answer with a file or data, not a page (each read back by its own tests).
UNDUHAN = {
    "sehat": "JSON",
    "agen:sk_pdf": "PDF",
    "forum:lampiran_unduh": "lampiran",
    "internalisasi:berkas": "bukti",
    "laporan:konsolidasi_unduh": "PDF/XLSX",
    "laporan:pd_unduh": "PDF/XLSX",
    "laporan:ekspor_jawaban": "XLSX",
    "organisasi:impor_template": "XLSX",
    "pdp:data_saya_pdf": "PDF",
    "pdp:data_saya_json": "JSON",
    "rencana:ekspor_xlsx": "XLSX",
    "rencana:rencana_pdf": "PDF",
    "rencana:laporan_pdf": "PDF",
    "rencana:bukti_unduh": "bukti",
    "survei:service_worker": "JavaScript",
    "survei:partisipasi_xlsx": "XLSX",
    "tindaklanjut:bukti": "bukti",
}


def _matrix_pages() -> dict[str, set[str]]:
    """Each GET URL pattern of the access matrix that some persona may open -> the personas that may."""
    from tests.test_access_matrix import all_cases

    pages: dict[str, set[str]] = {}
    for case in all_cases():
        if case.method == "get":
            may = {persona for persona, status in case.expect.items() if status == 200}
            if may:
                pages.setdefault(case.url_name, set()).update(may)
    return pages


def _pattern(name: str) -> str:
    """The URL pattern of a HALAMAN key ("rencana:detail[draf]" is rencana:detail in another state)."""
    return name.split("[")[0]


def test_every_page_of_the_matrix_is_walked():
    """Each page of the matrix is in HALAMAN (with a login the matrix lets open it) or in UNDUHAN; nothing else is."""
    pages = _matrix_pages()
    walked = {_pattern(name) for name in HALAMAN}
    assert set(pages) - walked - set(UNDUHAN) == set(), "halaman matriks tanpa login di HALAMAN"
    assert (walked | set(UNDUHAN)) - set(pages) == set()
    assert walked & set(UNDUHAN) == set()
    assert {name: login for name, (login, _) in HALAMAN.items() if PERSONA[login] not in pages[_pattern(name)]} == {}


GESER = r"""() => {
  const doc = document.documentElement;
  const wide = b => b.scrollWidth > b.clientWidth + 1;
  const boxes = [...document.querySelectorAll('main .table-responsive')].filter(wide);
  const cue = b => { const p = b.previousElementSibling;
    return !!p && p.classList.contains('geser-petunjuk') && p.getBoundingClientRect().height > 0; };
  const scrollers = [...document.querySelectorAll('body *')].filter(e => wide(e)
    && !e.classList.contains('table-responsive') && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
  const nav = document.querySelector('nav.navbar');
  const repeats = t => { const w = (t.toLowerCase().match(/[a-z]{4,}/g) || []); return w.length !== new Set(w).size; };
  const badges = [...document.querySelectorAll('main .badge')];
  const ulang = [...badges, ...badges.map(b => b.parentElement).filter(p => p.tagName === 'TD')]
    .map(e => e.textContent.trim().replace(/\s+/g, ' ')).filter(repeats);
  return {halaman: doc.scrollWidth - doc.clientWidth, tanpa_petunjuk: boxes.filter(b => !cue(b)).length,
          geser_lain: scrollers.map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')),
          kepala: !nav || nav.getBoundingClientRect().height <= 56, ulang: [...new Set(ulang)]};
}"""
GESER_OK = {"halaman": 0, "tanpa_petunjuk": 0, "geser_lain": [], "kepala": True, "ulang": []}
AXE_JS = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js").read_text()
# axe-core (about 0.5 MB of script) is given to every document of the walk's context as an init script (`walk`):
# through the DevTools protocol, which the page's CSP does not restrict, and compiled once by the renderer rather
# than once per page. Then it runs with only the violations reported.
AXE_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(n => n.target.join(' '))]);
}"""


def _axe(page) -> list:
    return page.evaluate(AXE_RUN)


def _file(name: str) -> str:
    return name.replace(":", "-").replace("[", "-").replace("]", "").replace(" ", "-")


# True once the window has the new width and every table is marked as static/js/tabel.js marks it at that width
# (the class and the cue follow whether its box scrolls): its `mark()`, 100 ms after a resize, then changes nothing.
TABEL_SIAP = """w => window.innerWidth === w && [...document.querySelectorAll('main table')].every(t => {
  const wrap = t.parentElement;
  if (!wrap.classList.contains('table-responsive')) return false;
  const wide = wrap.scrollWidth > wrap.clientWidth + 1;
  const cue = wrap.previousElementSibling;
  return wrap.classList.contains('tabel-geser') === wide && !!(cue && cue.classList.contains('geser-petunjuk')) === wide;
})"""


def _width(page, viewport) -> None:
    """Change the width and wait until static/js/tabel.js has re-marked the tables (no wait on a page without one)."""
    page.set_viewport_size(viewport)
    page.wait_for_function(TABEL_SIAP, arg=viewport["width"], polling="raf")


def walk(page, server, pages: dict[str, str]) -> dict:
    """Open each page at 390 px then 1280 px; the problems found, by (pattern, width)."""
    found = {}
    page.context.add_init_script(AXE_JS)
    for name, path in pages.items():
        page.set_viewport_size(PHONE_390)  # the page loads at this width: no resize to wait for
        response = page.goto(f"{server.url}{path}")
        if response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            found[(name, path)] = (response.status, response.headers.get("content-type"))
            continue
        found[(name, 390, "geser")] = page.evaluate(GESER)
        found[(name, 390)] = _axe(page)
        screenshot(page, f"axe-{_file(name)}-390")
        if name == "beranda" and page.get_by_role("button", name="Buka menu").count():
            page.get_by_role("button", name="Buka menu").click()
            page.locator("#menu-utama.show").wait_for()
            found[(name, 390, "menu")] = _axe(page)
        _width(page, DESKTOP)
        found[(name, 1280)] = _axe(page)
        screenshot(page, f"axe-{_file(name)}-1280")
    return {k: v for k, v in found.items() if (v != GESER_OK if k[-1] == "geser" else v)}


@pytest.fixture
def hanya_sqlite():
    """The walk on SQLite only: on PostgreSQL each test item would seed the demo again (about 18 s, see
    conftest._demo_snapshot) for the same pages, whose HTML does not depend on the database."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("jalan halaman hanya di SQLite: halamannya sama di PostgreSQL")


@pytest.mark.browser
@pytest.mark.axe
@pytest.mark.parametrize("username", LOGINS)
def test_every_page_of_the_matrix_passes_axe_and_never_scrolls_sideways_on_a_phone(
    username, hanya_sqlite, demo_server, new_page
):
    """The login's pages of HALAMAN and its home page; the phone header stays one 56 px row, badge or not."""
    pages = {name: url() for name, (login_, url) in HALAMAN.items() if login_ == username}
    if username != "anonim":
        pages = {"beranda": "/", **pages}
    page = new_page(PHONE_390)
    page.set_default_timeout(30000)  # the walk is long: a busy machine may stall one page for a while
    if username != "anonim":
        login(page, demo_server, username)
    assert walk(page, demo_server, pages) == {}
