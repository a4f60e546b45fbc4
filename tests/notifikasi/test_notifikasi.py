"""In-app notices (docs/arsitektur.md, «Aplikasi»: notifikasi): created where something waits for a person, shown with a badge, marked
read when opened or acted on."""

from django.core import mail
from django.urls import reverse

from apps.agen import services as agen_services
from apps.agen.workflow import Aksi, Status
from apps.notifikasi.models import Notifikasi
from apps.notifikasi.services import notifikasi_kirim
from apps.survei import services as survei_services
from apps.survei.pemberitahuan import beri_tahu_periode_akan_tutup
from tests.agen.helpers import ALASAN, nominasi, putaran
from tests.survei.helpers import buat_periode, jawaban


def _teks(user) -> list[str]:
    return list(Notifikasi.objects.filter(penerima=user).values_list("teks", flat=True))


def test_a_nomination_tells_the_nominee_who_sees_the_badge_and_reads_it_by_acting(world, client):
    world.asn.user.email = "asn@example.org"
    world.asn.user.save(update_fields=["email"])
    n = agen_services.nominasi_usulkan(
        putaran(world), pegawai=world.asn, aktor=world.pimpinan.user, mekanisme="MUSYAWARAH", alasan=ALASAN
    )
    assert _teks(world.asn.user) == ["Anda diusulkan sebagai agen perubahan: konfirmasi komitmen Anda"]
    client.force_login(world.asn.user)
    page = client.get("/").content.decode()
    assert 'data-testid="lencana-notifikasi">1<' in page
    agen_services.nominasi_transisi(n, aksi=Aksi.KONFIRMASI, aktor=world.asn.user)
    assert Notifikasi.objects.get(penerima=world.asn.user).dibaca is not None
    assert 'data-testid="lencana-notifikasi"' not in client.get("/").content.decode()
    # The KBK of the PD is told that a nomination waits for review.
    assert _teks(world.kbk.user) == ["Usulan agen perubahan menunggu telaah: " + world.asn.nama_lengkap]


def test_email_goes_only_to_an_address_after_commit(world, django_capture_on_commit_callbacks):
    world.asn.user.email = "asn@example.org"
    world.asn.user.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        notifikasi_kirim(world.asn.user, teks="Uji", url="/", email=True)
        notifikasi_kirim(world.asn_b.user, teks="Uji", url="/", email=True)
    assert [m.to for m in mail.outbox] == [["asn@example.org"]]


def test_clarification_asked_and_answered_reach_the_nominator_then_the_asker(world):
    n = nominasi(world, status=Status.PENELAAHAN)
    agen_services.nominasi_transisi(
        n, aksi=Aksi.MINTA_KLARIFIKASI_PENGUSUL, aktor=world.kbk.user, catatan="Mohon bukti inovasi"
    )
    assert _teks(world.pimpinan.user) == [f"KBK meminta klarifikasi atas usulan {world.asn.nama_lengkap}"]
    agen_services.nominasi_transisi(n, aksi=Aksi.JAWAB_KLARIFIKASI, aktor=world.pimpinan.user, catatan="Terlampir")
    assert Notifikasi.objects.get(penerima=world.pimpinan.user).dibaca is not None
    assert _teks(world.kbk.user) == [f"Klarifikasi atas usulan {world.asn.nama_lengkap} sudah dijawab"]


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(world, client):
    notice = notifikasi_kirim(world.asn.user, teks="Formulir 1 dibuka", url="/survei/")
    client.force_login(world.asn.user)
    response = client.get(reverse("notifikasi:buka", args=[notice.pk]))
    assert response["Location"] == "/survei/"
    notice.refresh_from_db()
    assert notice.dibaca is not None


def test_a_periode_opening_and_closing_soon_tell_each_asn_once(world):
    periode = buat_periode("BARU", status="DRAFT")
    survei_services.periode_ubah_status(periode, ke="DIBUKA", aktor=world.monev.user)
    assert _teks(world.asn.user) == [f"Formulir 1 Periode BARU dibuka sampai {periode.tanggal_tutup:%d-%m-%Y}"]
    survei_services.respon_kirim(periode, pegawai=world.asn_b, answers=jawaban())
    from datetime import timedelta

    hari = periode.tanggal_tutup - timedelta(days=2)
    first = beri_tahu_periode_akan_tutup(hari)
    assert beri_tahu_periode_akan_tutup(hari) == 0
    assert first > 0
    assert len(_teks(world.asn.user)) == 2
    assert len(_teks(world.asn_b.user)) == 1  # submitted: only the opening notice
