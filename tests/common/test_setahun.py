"""A year of the demo in one test (docs/keputusan.md «Setiap tugas punya orang», «Antarmuka yang tetap» `kerja_harian`).

The clock (time-machine) starts on 2 November 2026, the demo is loaded, and the year runs to 1 November 2027:
periode 2026 open, a unit head's reminder, follow-ups due and late, a plan report due, late and sent, a problem
raised and answered, the close and FINAL of 2026 with its follow-ups, an acting head (Plt.) appointed and ended,
agents' SK terms ending, the next periode opened and closing. On each day the day's job runs twice; the test
asserts the notices each persona received that day, the cards on each persona's home page, that the second run
sent nothing, and that no task waits for a person who does not exist without being on Tim Monev's list.
"""

import datetime
import io
import json
import os
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from apps.akun.models import Peran, User
from apps.akun.pimpinan import kepala_pd, pimpinan_unit
from apps.akun.tugas import tanpa_penanggung_jawab, tugas_untuk
from apps.common.models import LangkahHarian
from apps.notifikasi.models import Notifikasi
from apps.organisasi.models import Pegawai, PerangkatDaerah
from apps.paket.muat import kode_bawaan
from apps.rencana import services as rencana_services
from apps.rencana.models import LaporanKemajuan, Permasalahan, RencanaTindak
from apps.rencana.workflow import Status as StatusRencana
from apps.rencana.workflow import StatusLaporan, StatusMasalah
from apps.survei import services as survei_services
from apps.survei.models import Pengingat, Periode
from apps.survei.pemberitahuan import pengingat_jangkauan, pengingat_kirim
from apps.tindaklanjut.models import TindakLanjut
from apps.tindaklanjut.services import tindak_lanjut_jadwalkan, tindak_lanjut_transisi
from tests import demo_tersimpan

WITA = datetime.timezone(datetime.timedelta(hours=8))
PERSONA = ["agen", "kepala", "unit", "kbk", "asn", "monev", "sekda", "plt"]
MULAI = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=WITA)


class Tahun:
    """The moving clock and what each persona has been told so far."""

    def __init__(self, traveller) -> None:
        self.traveller = traveller
        self.terakhir = Notifikasi.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        self.diterima: dict[str, list[tuple[str, str]]] = {p: [] for p in PERSONA}

    def user(self, username: str) -> User:
        # A fresh object each time: the role facts are cached on the user object (akun.scope.lingkup).
        return User.objects.get(username=username)

    def hari(self, tanggal: datetime.date) -> None:
        """Move the clock to 09:00 WITA of `tanggal` and run the day's job twice."""
        self.traveller.move_to(datetime.datetime.combine(tanggal, datetime.time(9, 0), tzinfo=WITA))
        call_command("kerja_harian", stdout=io.StringIO())
        notices, emails = Notifikasi.objects.count(), len(mail.outbox)
        out = io.StringIO()
        call_command("kerja_harian", stdout=out)
        assert (Notifikasi.objects.count(), len(mail.outbox)) == (notices, emails), "the second run sent something"
        assert (
            out.getvalue().count("sudah dijalankan hari ini") == LangkahHarian.objects.filter(tanggal=tanggal).count()
        )

    def baru(self) -> dict[str, list[str]]:
        """The notices each persona received since the last call, oldest first (and kept for the year's list)."""
        hari_ini = timezone.localdate().isoformat()
        hasil = {}
        for p in PERSONA:
            teks = list(
                Notifikasi.objects.filter(penerima__username=p, pk__gt=self.terakhir)
                .order_by("pk")
                .values_list("teks", flat=True)
            )
            self.diterima[p] += [(hari_ini, t) for t in teks]
            hasil[p] = teks
        self.terakhir = Notifikasi.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        return {p: t for p, t in hasil.items() if t}

    def beranda(self) -> dict[str, list[str]]:
        """The home cards of each persona, most urgent first (the first is the page's main task)."""
        return {
            p: [t.kunci for t in tugas_untuk(self.user(p))] for p in PERSONA if User.objects.filter(username=p).exists()
        }


def setiap_tugas_punya_orang(hari: datetime.date) -> None:
    """Every open task waits for a person who holds the role today, or is on Tim Monev's list."""
    daftar = {r.url for r in tanpa_penanggung_jawab(hari)}
    terbuka = list(TindakLanjut.objects.filter(status=TindakLanjut.Status.TERBUKA))
    kepala = kepala_pd(
        {tl.perangkat_daerah_id for tl in terbuka} | set(PerangkatDaerah.objects.values_list("pk", flat=True)), hari
    )
    for tl in terbuka:
        orang = kepala.get(tl.perangkat_daerah_id)
        assert tl.penanggung_jawab_id == (orang.user_id if orang else None), tl
        assert (reverse("tindaklanjut:detail", args=[tl.pk]) in daftar) == (orang is None), tl
    for r in RencanaTindak.objects.filter(status=StatusRencana.DIAJUKAN):
        assert r.perangkat_daerah_id in kepala or reverse("rencana:detail", args=[r.pk]) in daftar, r
    for lap in LaporanKemajuan.objects.filter(status=StatusLaporan.TERKIRIM).select_related("rencana"):
        assert lap.rencana.perangkat_daerah_id in kepala or reverse("rencana:laporan_detail", args=[lap.pk]) in daftar
    for m in Permasalahan.objects.filter(status=StatusMasalah.TERBUKA).select_related("rencana__unit_kerja"):
        unit = pimpinan_unit([m.rencana.unit_kerja], hari).get(m.rencana.unit_kerja_id)
        ada = m.rencana.perangkat_daerah_id in kepala or (m.kepada_pimpinan_unit and unit is not None)
        assert ada or reverse("rencana:masalah_detail", args=[m.pk]) in daftar, m


@pytest.fixture(scope="module")
def tahun(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo as seeded on MULAI (kept between runs on SQLite: tests/demo_tersimpan.py), then the year's clock."""
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media-setahun")))
    with django_db_blocker.unblock(), media, time_machine.travel(MULAI, tick=False) as traveller:
        with demo_tersimpan.terpasang(kode_bawaan(), "demo12345"):
            yield Tahun(traveller)


REKAM = os.environ.get("SETAHUN_REKAM") == "1"
DIREKAM: dict = {}


def cek(nyata, harapan, label):
    if REKAM:
        DIREKAM[label] = nyata
        return
    assert nyata == harapan, label


def test_setahun_di_demo(tahun, db, django_capture_on_commit_callbacks):
    t = tahun
    asn = t.user("asn")
    asn.email = "asn@example.org"
    asn.save(update_fields=["email"])
    monev, kepala, unit, agen = t.user("monev"), t.user("kepala"), t.user("unit"), t.user("agen")
    taebenu = PerangkatDaerah.objects.get(kode="53.01.24")

    # 2 November 2026: the demo as loaded; periode 2026 open until 31 December.
    t.baru()
    t.hari(datetime.date(2026, 11, 2))
    cek(
        t.baru(),
        {
            "kepala": [
                "Masa tugas agen perubahan Elisabeth Amalo, S.E. (SK 800.1.2/045/BKPSDM/2025) berakhir 31-10-2026."
            ]
        },
        "2026-11-02 notices",
    )
    cek(
        t.beranda(),
        {
            "agen": ["laporan-jatuh-tempo", "masalah-dijawab"],
            "kepala": ["penetapan", "rencana-setujui", "tindak-lanjut-kepala", "partisipasi"],
            "unit": ["klarifikasi", "partisipasi"],
            "kbk": ["telaah", "partisipasi"],
            "asn": ["formulir1"],
            "monev": ["partisipasi", "formulir1", "tanpa-penanggung-jawab", "tindak-lanjut-monev", "laporan"],
            "sekda": ["laporan", "formulir1", "partisipasi"],
        },
        "2026-11-02 home",
    )
    assert t.beranda()["agen"][0] == "laporan-jatuh-tempo"
    setiap_tugas_punya_orang(timezone.localdate())

    # 20 November: the unit head reminds the unit; a Plt. camat is appointed in Taebenu until 30 June 2027.
    t.hari(datetime.date(2026, 11, 20))
    periode = Periode.objects.get(kode="2026")
    with django_capture_on_commit_callbacks(execute=True):
        pengingat_kirim(periode, kelompok=f"unit:{asn.pegawai.unit_kerja_id}", aktor=unit)
    jangkauan = pengingat_jangkauan(Pengingat.objects.get(periode=periode), unit)
    cek([jangkauan.aplikasi, jangkauan.email, jangkauan.perlu_daftar], [5, 1, 4], "2026-11-20 reached")
    camat = Pegawai.objects.filter(unit_kerja__perangkat_daerah=taebenu, user__isnull=True).order_by("nip").first()
    plt = User.objects.create_user("plt", first_name=camat.nama)
    Pegawai.objects.filter(pk=camat.pk).update(user=plt)
    Peran.objects.create(
        user=plt,
        jenis=Peran.Jenis.KEPALA_PD,
        perangkat_daerah=taebenu,
        sebutan=Peran.Sebutan.PLT,
        mulai=datetime.date(2026, 11, 20),
        sampai=datetime.date(2027, 6, 30),
    )
    t.hari(datetime.date(2026, 11, 21))
    cek(
        t.baru(),
        {
            "asn": ["Pengingat: Formulir 1 Pengukuran Budaya Kerja 2026 belum Anda kirim; ditutup 31-12-2026"],
            "plt": ["12 tindak lanjut hasil evaluasi kini menjadi tanggung jawab Anda."],
        },
        "2026-11-21 notices",
    )
    cek(
        t.beranda(),
        {
            "agen": ["laporan-jatuh-tempo", "masalah-dijawab"],
            "kepala": ["penetapan", "rencana-setujui", "tindak-lanjut-kepala", "partisipasi"],
            "unit": ["klarifikasi", "partisipasi"],
            "kbk": ["telaah", "partisipasi"],
            "asn": ["formulir1"],
            "monev": ["partisipasi", "formulir1", "tindak-lanjut-monev", "laporan"],
            "sekda": ["laporan", "formulir1", "partisipasi"],
            "plt": ["tindak-lanjut-kepala", "partisipasi"],
        },
        "2026-11-21 home",
    )
    setiap_tugas_punya_orang(timezone.localdate())

    # The Kelompok Agen's plan (the agent is a member): returned by the Kepala PD, submitted again (to the
    # Kepala PD, copies to the KBK and the unit head), approved.
    kelompok = RencanaTindak.objects.get(kelompok__isnull=False, status=StatusRencana.DIAJUKAN)
    rencana_services.rencana_transisi(kelompok, ke=StatusRencana.DIKEMBALIKAN, aktor=kepala, catatan="Lengkapi target.")
    cek(
        t.baru(),
        {
            "agen": [
                "Rencana tindak «Pelayanan prima di ruang layanan terpadu» dikembalikan Kepala PD: Lengkapi target."
            ]
        },
        "2026-11-21 plan returned",
    )
    cek(t.beranda()["agen"], ["laporan-jatuh-tempo", "rencana-dikembalikan", "masalah-dijawab"], "2026-11-21 agen home")
    t.hari(datetime.date(2026, 11, 23))
    rencana_services.rencana_transisi(kelompok, ke=StatusRencana.DIAJUKAN, aktor=t.user("agen"))
    cek(
        t.baru(),
        {
            "kepala": [
                "Rencana tindak «Pelayanan prima di ruang layanan terpadu» (Kelompok Agen Layanan Kepegawaian) diajukan: menunggu persetujuan Anda."
            ],
            "kbk": [
                "Tembusan: rencana tindak «Pelayanan prima di ruang layanan terpadu» (Kelompok Agen Layanan Kepegawaian) diajukan ke Kepala PD."
            ],
        },
        "2026-11-23 plan submitted",
    )
    kepala_unit = pimpinan_unit([kelompok.unit_kerja])[kelompok.unit_kerja_id].user
    ajuan = kelompok.riwayat.filter(ke_status=StatusRencana.DIAJUKAN).latest("pk")
    assert sorted(
        Notifikasi.objects.filter(kunci=f"rencana-tembusan:{ajuan.pk}").values_list("penerima", flat=True)
    ) == sorted([t.user("kbk").pk, kepala_unit.pk]), (
        "the copies (tembusan) go to the KBK and the head of the plan's unit"
    )
    rencana_services.rencana_transisi(kelompok, ke=StatusRencana.DISETUJUI, aktor=t.user("kepala"), logis=True)
    cek(
        t.baru(),
        {"agen": ["Rencana tindak «Pelayanan prima di ruang layanan terpadu» disetujui Kepala PD."]},
        "2026-11-23 plan approved",
    )

    # 7 December: the 2025 follow-ups are due on 14 December (set when the demo was loaded). The plan approved on
    # 23 November owes no report for 07/2026-09/2026, a period that ended before the approval: nothing is late.
    t.hari(datetime.date(2026, 12, 7))
    cek(
        t.baru(),
        {
            "kepala": ["2 tindak lanjut hasil evaluasi jatuh tempo 14-12-2026."],
            "plt": ["12 tindak lanjut hasil evaluasi jatuh tempo 14-12-2026."],
        },
        "2026-12-07 notices",
    )
    # 15 December: late; the Kepala PD reports one of them.
    t.hari(datetime.date(2026, 12, 15))
    cek(
        t.baru(),
        {
            "kepala": ["2 tindak lanjut hasil evaluasi terlambat: batas waktu 14-12-2026 sudah lewat."],
            "plt": ["12 tindak lanjut hasil evaluasi terlambat: batas waktu 14-12-2026 sudah lewat."],
        },
        "2026-12-15 notices",
    )
    tl = TindakLanjut.objects.filter(penanggung_jawab=kepala, status=TindakLanjut.Status.TERBUKA).order_by("pk").first()
    tindak_lanjut_transisi(tl, aksi="laporkan", aktor=kepala, catatan="Pelatihan pelayanan untuk bidang terkait.")
    cek(
        t.beranda(),
        {
            "agen": ["laporan-jatuh-tempo", "laporan-jatuh-tempo", "masalah-dijawab"],
            "kepala": ["penetapan", "rencana-setujui", "tindak-lanjut-kepala", "partisipasi"],
            "unit": ["klarifikasi", "partisipasi"],
            "kbk": ["telaah", "partisipasi"],
            "asn": ["formulir1"],
            "monev": ["partisipasi", "formulir1", "tindak-lanjut-monev", "laporan"],
            "sekda": ["laporan", "formulir1", "partisipasi"],
            "plt": ["tindak-lanjut-kepala", "partisipasi"],
        },
        "2026-12-15 home",
    )
    setiap_tugas_punya_orang(timezone.localdate())

    # 24 December: the agent's Q4 report falls due on 31 December.
    t.hari(datetime.date(2026, 12, 24))
    cek(
        t.baru(),
        {
            "agen": [
                "Laporan kemajuan «Pelayanan prima di ruang layanan terpadu» 10/2026–12/2026 jatuh tempo 31-12-2026.",
                "Laporan kemajuan «Layanan kepegawaian tepat waktu dan tertib» 10/2026–12/2026 jatuh tempo 31-12-2026.",
            ]
        },
        "2026-12-24 notices",
    )
    # 28 December: Formulir 1 2026 closes in three days.
    t.hari(datetime.date(2026, 12, 28))
    cek(
        t.baru(),
        {
            "asn": ["Formulir 1 Pengukuran Budaya Kerja 2026 ditutup 31-12-2026 dan Anda belum mengirim"],
            "monev": ["Formulir 1 Pengukuran Budaya Kerja 2026 ditutup 31-12-2026 dan Anda belum mengirim"],
            "sekda": ["Formulir 1 Pengukuran Budaya Kerja 2026 ditutup 31-12-2026 dan Anda belum mengirim"],
        },
        "2026-12-28 notices",
    )
    cek(
        t.beranda(),
        {
            "agen": ["laporan-jatuh-tempo", "laporan-jatuh-tempo", "masalah-dijawab"],
            "kepala": ["penetapan", "rencana-setujui", "tindak-lanjut-kepala", "partisipasi"],
            "unit": ["klarifikasi", "partisipasi"],
            "kbk": ["telaah", "partisipasi"],
            "asn": ["formulir1"],
            "monev": ["formulir1", "partisipasi", "tindak-lanjut-monev", "laporan"],
            "sekda": ["formulir1", "laporan", "partisipasi"],
            "plt": ["tindak-lanjut-kepala", "partisipasi"],
        },
        "2026-12-28 home",
    )

    # 2 January 2027: the deadline has passed (Tim Monev told); the Q4 report is late. The agent sends it and
    # raises a problem with the Kepala PD.
    t.hari(datetime.date(2027, 1, 2))
    cek(
        t.baru(),
        {
            "agen": [
                "Laporan kemajuan «Pelayanan prima di ruang layanan terpadu» 10/2026–12/2026 terlambat: kirim sekarang.",
                "Laporan kemajuan «Layanan kepegawaian tepat waktu dan tertib» 10/2026–12/2026 terlambat: kirim sekarang.",
            ],
            "monev": [
                "Batas waktu Formulir 1 Pengukuran Budaya Kerja 2026 (31-12-2026) sudah lewat: tutup periode ini."
            ],
        },
        "2027-01-02 notices",
    )
    rencana = RencanaTindak.objects.get(
        penetapan__pegawai__user=agen, kelompok__isnull=True, status=StatusRencana.DISETUJUI
    )
    lap = rencana_services.laporan_kemajuan_kirim(
        rencana,
        aktor=agen,
        periode_mulai=datetime.date(2026, 10, 1),
        isian={b.pk: (Decimal("70"), "Berjalan sesuai rencana.") for b in rencana.baris.all()},
    )
    masalah = rencana_services.masalah_ajukan(
        rencana,
        aktor=agen,
        kepada=Permasalahan.Kepada.KEPALA_PD,
        uraian="Ruang layanan sempit.",
        usulan_solusi="Pinjam aula.",
    )
    cek(
        t.baru(),
        {
            "kepala": [
                "Laporan kemajuan «Layanan kepegawaian tepat waktu dan tertib» 10/2026–12/2026 menunggu Anda ketahui.",
                "Permasalahan rencana tindak «Layanan kepegawaian tepat waktu dan tertib» dari Matheus Bani, S.Kom. menunggu arahan Anda.",
            ]
        },
        "2027-01-02 after the report",
    )
    cek(
        t.beranda(),
        {
            "agen": ["laporan-terlambat", "masalah-dijawab"],  # Q4 of the other plan
            "kepala": ["penetapan", "rencana-setujui", "laporan-ketahui", "masalah-jawab", "tindak-lanjut-kepala"],
            "unit": ["klarifikasi"],
            "kbk": ["telaah"],
            "asn": [],
            "monev": ["tindak-lanjut-monev", "laporan"],
            "sekda": ["laporan"],
            "plt": ["tindak-lanjut-kepala"],
        },
        "2027-01-02 home",
    )
    setiap_tugas_punya_orang(timezone.localdate())

    # 5 January: Tim Monev closes and finalises 2026 (its follow-ups go to each head, or the list) and sets
    # their due date; the Kepala PD acknowledges the report and answers the problem.
    t.hari(datetime.date(2027, 1, 5))
    survei_services.periode_ubah_status(periode, ke=Periode.Status.DITUTUP, aktor=monev)
    survei_services.periode_finalkan(periode, aktor=monev, catatan="Finalisasi laporan 2026")
    for tl in TindakLanjut.objects.filter(periode=periode):
        tindak_lanjut_jadwalkan(tl, batas_waktu=datetime.date(2027, 3, 31), aktor=monev)
    rencana_services.laporan_kemajuan_ketahui(lap, aktor=kepala, tanggapan="Baik.")
    rencana_services.masalah_jawab(masalah, aktor=kepala, arahan="Pakai aula lantai dua.")
    cek(
        t.baru(),
        {
            "agen": ["Permasalahan rencana tindak «Layanan kepegawaian tepat waktu dan tertib» sudah dijawab."],
            "kepala": [
                "Hasil evaluasi Pengukuran Budaya Kerja 2026: ada tindak lanjut (kategori KURANG BAIK atau BURUK) untuk perangkat daerah Anda."
            ],
            "plt": [
                "Hasil evaluasi Pengukuran Budaya Kerja 2026: ada tindak lanjut (kategori KURANG BAIK atau BURUK) untuk perangkat daerah Anda."
            ],
        },
        "2027-01-05 notices",
    )
    cek(
        t.beranda(),
        {
            "agen": ["laporan-terlambat", "masalah-dijawab"],  # Q4 of the other plan
            "kepala": ["penetapan", "rencana-setujui", "tindak-lanjut-kepala"],
            "unit": ["klarifikasi"],
            "kbk": ["telaah"],
            "asn": [],
            "monev": ["tindak-lanjut-monev", "laporan"],
            "sekda": ["laporan"],
            "plt": ["tindak-lanjut-kepala"],
        },
        "2027-01-05 home",
    )
    cek(
        (TindakLanjut.objects.filter(periode=periode).count(), len(tanpa_penanggung_jawab())),
        (101, 0),
        "2027-01-05 follow-ups",
    )
    setiap_tugas_punya_orang(timezone.localdate())

    # 1 February: the agents' SK term ends on 1 March; 2 March: it has ended.
    t.hari(datetime.date(2027, 2, 1))
    cek(
        t.baru(),
        {
            "agen": [
                "Masa tugas agen perubahan Matheus Bani, S.Kom. (SK 800.1.2/012/BKPSDM/2026) akan berakhir 01-03-2027."
            ],
            "kepala": [
                "Masa tugas agen perubahan Lidia Manafe, S.E. (SK 800.1.2/012/BKPSDM/2026) akan berakhir 01-03-2027.",
                "Masa tugas agen perubahan Matheus Bani, S.Kom. (SK 800.1.2/012/BKPSDM/2026) akan berakhir 01-03-2027.",
                "Masa tugas agen perubahan Sarlince Kase (SK 800.1.2/012/BKPSDM/2026) akan berakhir 01-03-2027.",
                "Masa tugas agen perubahan Wilhelmus Saekoh (SK 800.1.2/012/BKPSDM/2026) akan berakhir 01-03-2027.",
            ],
        },
        "2027-02-01 notices",
    )
    t.hari(datetime.date(2027, 3, 2))
    cek(
        t.baru(),
        {
            "agen": [
                "Masa tugas agen perubahan Matheus Bani, S.Kom. (SK 800.1.2/012/BKPSDM/2026) berakhir 01-03-2027."
            ],
            "kepala": [
                "Masa tugas agen perubahan Lidia Manafe, S.E. (SK 800.1.2/012/BKPSDM/2026) berakhir 01-03-2027.",
                "Masa tugas agen perubahan Matheus Bani, S.Kom. (SK 800.1.2/012/BKPSDM/2026) berakhir 01-03-2027.",
                "Masa tugas agen perubahan Sarlince Kase (SK 800.1.2/012/BKPSDM/2026) berakhir 01-03-2027.",
                "Masa tugas agen perubahan Wilhelmus Saekoh (SK 800.1.2/012/BKPSDM/2026) berakhir 01-03-2027.",
            ],
        },
        "2027-03-02 notices",
    )
    cek(
        t.beranda(),
        {
            "agen": [],
            "kepala": ["penetapan", "rencana-setujui", "tindak-lanjut-kepala"],
            "unit": ["klarifikasi"],
            "kbk": ["telaah"],
            "asn": [],
            "monev": ["tindak-lanjut-monev", "laporan"],
            "sekda": ["laporan"],
            "plt": ["tindak-lanjut-kepala"],
        },
        "2027-03-02 home",
    )

    # 24 March and 1 April: the 2026 follow-ups due, then late.
    t.hari(datetime.date(2027, 3, 24))
    cek(
        t.baru(),
        {
            "kepala": ["4 tindak lanjut hasil evaluasi jatuh tempo 31-03-2027."],
            "plt": ["12 tindak lanjut hasil evaluasi jatuh tempo 31-03-2027."],
        },
        "2027-03-24 notices",
    )
    t.hari(datetime.date(2027, 4, 1))
    cek(
        t.baru(),
        {
            "kepala": ["4 tindak lanjut hasil evaluasi terlambat: batas waktu 31-03-2027 sudah lewat."],
            "plt": ["12 tindak lanjut hasil evaluasi terlambat: batas waktu 31-03-2027 sudah lewat."],
        },
        "2027-04-01 notices",
    )
    setiap_tugas_punya_orang(timezone.localdate())

    # 1 July: the Plt.'s term ended on 30 June: Taebenu's follow-ups go back to Tim Monev's list.
    t.hari(datetime.date(2027, 7, 1))
    cek(
        t.baru(),
        {
            "monev": [
                "24 tindak lanjut kini tanpa penanggung jawab: tidak ada Kepala atau Plt./Plh. di perangkat daerahnya."
            ]
        },
        "2027-07-01 notices",
    )
    cek(
        t.beranda(),
        {
            "agen": [],
            "kepala": ["penetapan", "rencana-setujui", "tindak-lanjut-kepala"],
            "unit": ["klarifikasi"],
            "kbk": ["telaah"],
            "asn": [],
            "monev": ["tanpa-penanggung-jawab", "tindak-lanjut-monev", "laporan"],
            "sekda": ["laporan"],
            "plt": [],
        },
        "2027-07-01 home",
    )
    setiap_tugas_punya_orang(timezone.localdate())

    # 1 October: Tim Monev opens periode 2027 (until 31 October); 29 October: it closes in two days;
    # 1 November: the deadline has passed.
    t.hari(datetime.date(2027, 10, 1))
    baru = Periode.objects.create(
        kode="2027",
        nama="Pengukuran Budaya Kerja 2027",
        instrumen=periode.instrumen,
        tanggal_buka=datetime.date(2027, 10, 1),
        tanggal_tutup=datetime.date(2027, 10, 31),
    )
    survei_services.periode_ubah_status(baru, ke=Periode.Status.DIBUKA, aktor=monev)
    cek(
        t.baru(),
        {
            "agen": ["Formulir 1 Pengukuran Budaya Kerja 2027 dibuka sampai 31-10-2027"],
            "kepala": ["Formulir 1 Pengukuran Budaya Kerja 2027 dibuka sampai 31-10-2027"],
            "unit": ["Formulir 1 Pengukuran Budaya Kerja 2027 dibuka sampai 31-10-2027"],
            "kbk": ["Formulir 1 Pengukuran Budaya Kerja 2027 dibuka sampai 31-10-2027"],
            "asn": ["Formulir 1 Pengukuran Budaya Kerja 2027 dibuka sampai 31-10-2027"],
            "monev": ["Formulir 1 Pengukuran Budaya Kerja 2027 dibuka sampai 31-10-2027"],
            "sekda": ["Formulir 1 Pengukuran Budaya Kerja 2027 dibuka sampai 31-10-2027"],
            "plt": ["Formulir 1 Pengukuran Budaya Kerja 2027 dibuka sampai 31-10-2027"],
        },
        "2027-10-01 notices",
    )
    cek(
        t.beranda(),
        {
            "agen": ["formulir1"],
            "kepala": ["penetapan", "rencana-setujui", "tindak-lanjut-kepala", "formulir1", "partisipasi"],
            "unit": ["klarifikasi", "formulir1", "partisipasi"],
            "kbk": ["telaah", "formulir1", "partisipasi"],
            "asn": ["formulir1"],
            "monev": ["partisipasi", "formulir1", "tanpa-penanggung-jawab", "tindak-lanjut-monev", "laporan"],
            "sekda": ["laporan", "formulir1", "partisipasi"],
            "plt": ["formulir1"],
        },
        "2027-10-01 home",
    )
    t.hari(datetime.date(2027, 10, 29))
    cek(
        t.baru(),
        {
            "agen": ["Formulir 1 Pengukuran Budaya Kerja 2027 ditutup 31-10-2027 dan Anda belum mengirim"],
            "kepala": ["Formulir 1 Pengukuran Budaya Kerja 2027 ditutup 31-10-2027 dan Anda belum mengirim"],
            "unit": ["Formulir 1 Pengukuran Budaya Kerja 2027 ditutup 31-10-2027 dan Anda belum mengirim"],
            "kbk": ["Formulir 1 Pengukuran Budaya Kerja 2027 ditutup 31-10-2027 dan Anda belum mengirim"],
            "asn": ["Formulir 1 Pengukuran Budaya Kerja 2027 ditutup 31-10-2027 dan Anda belum mengirim"],
            "monev": ["Formulir 1 Pengukuran Budaya Kerja 2027 ditutup 31-10-2027 dan Anda belum mengirim"],
            "sekda": ["Formulir 1 Pengukuran Budaya Kerja 2027 ditutup 31-10-2027 dan Anda belum mengirim"],
            "plt": ["Formulir 1 Pengukuran Budaya Kerja 2027 ditutup 31-10-2027 dan Anda belum mengirim"],
        },
        "2027-10-29 notices",
    )
    t.hari(datetime.date(2027, 11, 1))
    cek(
        t.baru(),
        {"monev": ["Batas waktu Formulir 1 Pengukuran Budaya Kerja 2027 (31-10-2027) sudah lewat: tutup periode ini."]},
        "2027-11-01 notices",
    )
    cek(
        t.beranda(),
        {
            "agen": [],
            "kepala": ["penetapan", "rencana-setujui", "tindak-lanjut-kepala"],
            "unit": ["klarifikasi"],
            "kbk": ["telaah"],
            "asn": [],
            "monev": ["tanpa-penanggung-jawab", "tindak-lanjut-monev", "laporan"],
            "sekda": ["laporan"],
            "plt": [],
        },
        "2027-11-01 home",
    )
    setiap_tugas_punya_orang(timezone.localdate())

    # Nothing was sent twice over the year: one notice per person and key, one email per notice.
    assert len(mail.outbox) == Notifikasi.objects.filter(email="TERKIRIM").count()
    if REKAM:
        with open("/tmp/setahun.json", "w") as f:
            json.dump({"cek": DIREKAM, "diterima": t.diterima}, f, indent=1, ensure_ascii=False, default=list)
