"""Demo logins (docs/keputusan.md, «Antarmuka yang tetap»): admin, sekda, monev, and in BKPSDM: kepala, kbk, unit, asn."""

import datetime

from apps.common.demo import DemoContext
from apps.organisasi.demo import DEMO_PD, make_nip
from apps.organisasi.models import Golongan, Pegawai, PemberitahuanDiterima, PerangkatDaerah, UnitKerja

from .models import Peran, User

P = Peran.Jenis

# username, nama, gelar (depan, belakang), golongan, jabatan, unit kode, roles
DEMO_PEGAWAI = [
    (
        "sekda",
        "Obed Kase",
        ("Drs.", "M.Si."),
        "IV/d",
        "",  # the pack's office title (instansi.sekda)
        "SETDA.01",
        [(P.SEKDA, None)],
    ),
    (
        "monev",
        "Maria Goreti Lay",
        ("", "S.Sos., M.AP."),
        "III/d",
        "Analis Kebijakan Ahli Muda",
        "SETDA.01.02",
        [(P.TIM_MONEV, None)],
    ),
    (
        "kepala",
        "Yeremias Nubatonis",
        ("", "S.H., M.Si."),
        "IV/b",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        f"{DEMO_PD}.01",
        [(P.KEPALA_PD, "pd")],
    ),
    ("kbk", "Naomi Fanggidae", ("", "S.E."), "IV/a", "Sekretaris BKPSDM", f"{DEMO_PD}.01", [(P.ANGGOTA_KBK, "pd")]),
    (
        "unit",
        "Agustinus Selan",
        ("", "S.Kom."),
        "III/d",
        "Kepala Bidang Pengembangan Sumber Daya Manusia",
        f"{DEMO_PD}.02",
        [(P.PIMPINAN_UNIT, "unit")],
    ),
    ("asn", "Yuliana Bessie", ("", "S.Psi."), "III/a", "Analis SDM Aparatur Ahli Pertama", f"{DEMO_PD}.02", []),
]


# PDs left without a head in the demo, so that Tim Monev's "tanpa penanggung jawab" list has something on it:
# the Sekretariat Daerah (its head is the Sekda, who holds the pemda-wide role instead) and one kecamatan (the
# pack's last) whose camat has left. Every other PD gets a Kepala, every fourth one an acting head (Plt.), so the routing of
# docs/keputusan.md «Setiap tugas punya orang» shows on the demo.
PD_TANPA_KEPALA_TETAP = "SETDA"
MULAI_KEPALA = datetime.date(2025, 1, 2)


def pd_tanpa_kepala(ctx: DemoContext) -> tuple[str, str]:
    """The Sekretariat Daerah and the pack's last kecamatan."""
    return (PD_TANPA_KEPALA_TETAP, ctx.kecamatan()[-1][0])


def _kepala_demo(ctx: DemoContext) -> None:
    """A head for every PD but those of PD_TANPA_KEPALA: the first ASN (by NIP) of its first unit, with an
    account without a usable password (docs/keputusan.md «Antarmuka yang tetap»: only the fixed demo logins have one)."""
    pds = PerangkatDaerah.objects.exclude(kode__in=(DEMO_PD, *pd_tanpa_kepala(ctx))).order_by("kode")
    for i, pd in enumerate(pds):
        if Peran.objects.filter(jenis=P.KEPALA_PD, perangkat_daerah=pd).exists():
            continue
        pegawai = (
            Pegawai.objects.filter(unit_kerja__perangkat_daerah=pd, unit_kerja__induk__isnull=True, user__isnull=True)
            .order_by("unit_kerja__kode", "nip")
            .first()
        )
        if pegawai is None:
            continue
        user = User(username=pegawai.nip, first_name=pegawai.nama)
        user.set_unusable_password()
        user.save()
        Pegawai.objects.filter(pk=pegawai.pk).update(user=user)
        sebutan = Peran.Sebutan.PLT if i % 4 == 3 else Peran.Sebutan.DEFINITIF
        Peran.objects.create(user=user, jenis=P.KEPALA_PD, perangkat_daerah=pd, sebutan=sebutan, mulai=MULAI_KEPALA)


def _user(username: str, password: str, **extra) -> User:
    user, created = User.objects.get_or_create(username=username, defaults=extra)
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    # The demo logins have read the privacy notice (the journey that shows it first: tests/browser/test_pdp.py).
    PemberitahuanDiterima.objects.get_or_create(user=user, versi=PemberitahuanDiterima.VERSI)
    return user


def seed(ctx: DemoContext) -> None:
    admin = _user("admin", ctx.password, is_staff=True, is_superuser=True)
    if not (admin.is_staff and admin.is_superuser):
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
    ctx.logins.append(("admin", "Admin (Bagian Organisasi), superuser", ctx.paket["instansi"]["wilayah"]))
    used = ctx.refs.get("nip_used", set())
    start = datetime.date(2025, 1, 2)
    for username, nama, (depan, belakang), gol, jabatan, unit_kode, roles in DEMO_PEGAWAI:
        user = _user(username, ctx.password, first_name=nama)
        jabatan = jabatan or ctx.paket["instansi"]["sekda"]
        unit = UnitKerja.objects.select_related("perangkat_daerah").get(kode=unit_kode)
        nip = make_nip(ctx.rng, "PNS", used)
        pegawai = Pegawai.objects.filter(user=user).first()
        if pegawai is None:
            pegawai = Pegawai.objects.create(
                user=user,
                nip=nip,
                nama=nama,
                gelar_depan=depan,
                gelar_belakang=belakang,
                jenis_asn="PNS",
                golongan=Golongan.objects.get(jenis_asn="PNS", kode=gol),
                jabatan=jabatan,
                unit_kerja=unit,
            )
        ctx.refs[f"user:{username}"] = user
        ctx.refs[f"pegawai:{username}"] = pegawai
        labels = []
        for jenis, lingkup in roles:
            scope = {
                "perangkat_daerah": unit.perangkat_daerah if lingkup == "pd" else None,
                "unit_kerja": unit if lingkup == "unit" else None,
            }
            Peran.objects.get_or_create(user=user, jenis=jenis, **scope, defaults={"mulai": start})
            where = (
                unit.nama
                if lingkup == "unit"
                else unit.perangkat_daerah.nama
                if lingkup == "pd"
                else ctx.paket["instansi"]["wilayah"].split()[0]
            )
            labels.append(f"{P(jenis).label} ({where})")
        ctx.logins.append((username, ", ".join(labels) or "ASN", f"{unit.nama}, {unit.perangkat_daerah.singkatan}"))
    ctx.refs["pd_demo"] = ctx.refs["pegawai:kepala"].unit_kerja.perangkat_daerah
    _kepala_demo(ctx)
    ctx.refs["unit_demo"] = ctx.refs["pegawai:asn"].unit_kerja
