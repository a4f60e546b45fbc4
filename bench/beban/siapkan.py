"""Prepare the deadline-day database: N ASN, each logged in (a session), and a periode open today.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_beban .venv/bin/python bench/beban/siapkan.py --asn 6000

Run by bench/beban/jalankan.py; by hand only to look at the data. The database must be one of its own (its name
has to contain "beban"): it is created when missing, migrated, and every earlier bench ASN, periode and response
in it is removed. Writes "session-key user-id" per line to bench/beban/sesi.txt (the locust users take one each, so every
submission is a different ASN) and prints the periode's code.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _produksi import setel_lingkungan  # noqa: E402

setel_lingkungan()

import django  # noqa: E402
import psycopg2  # noqa: E402
from django.conf import settings  # noqa: E402

SESI = Path(__file__).resolve().parent / "sesi.txt"


def buat_database() -> None:
    db = settings.DATABASES["default"]
    if "beban" not in db["NAME"]:
        sys.exit(f"Use a database of its own, whose name contains 'beban' (not {db['NAME']!r}).")
    conn = psycopg2.connect(
        dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432, password=db["PASSWORD"]
    )
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{db["NAME"]}"')
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--asn", type=int, default=6000)
    args = parser.parse_args()
    buat_database()
    django.setup()

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from apps.akun.models import User
    from apps.common.middleware import DISEGARKAN
    from apps.organisasi.models import Pegawai, PemberitahuanDiterima, PerangkatDaerah, UnitKerja
    from apps.survei import instrumen
    from apps.survei.models import InstrumenVersi, Periode

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        # A database of its own: empty the previous run's rows in a few statements (deleting them through the
        # ORM took minutes).
        with connection.cursor() as cur:
            cur.execute("TRUNCATE survei_jawaban, survei_respon, django_session CASCADE")
            cur.execute(
                "DELETE FROM survei_riwayatperiode WHERE periode_id IN "
                "(SELECT id FROM survei_periode WHERE kode LIKE 'BEBAN%%')"
            )
            cur.execute("DELETE FROM survei_periode WHERE kode LIKE 'BEBAN%%'")
            cur.execute("DELETE FROM organisasi_pegawai WHERE nip LIKE '1999%%'")
            cur.execute(
                "DELETE FROM organisasi_pemberitahuanditerima WHERE user_id IN "
                "(SELECT id FROM akun_user WHERE username LIKE 'beban-%%')"
            )
            cur.execute("DELETE FROM akun_user WHERE username LIKE 'beban-%%'")
        pd, _ = PerangkatDaerah.objects.get_or_create(
            kode="BEBAN", defaults={"nama": "Dinas Beban", "jenis": PerangkatDaerah.Jenis.choices[0][0]}
        )
        units = []
        for i in range(20):
            unit, _ = UnitKerja.objects.get_or_create(
                kode=f"BEBAN.{i:02d}", defaults={"nama": f"Bidang Beban {i}", "perangkat_daerah": pd}
            )
            units.append(unit)
        users = User.objects.bulk_create([User(username=f"beban-{i:05d}") for i in range(args.asn)])
        Pegawai.objects.bulk_create(
            [
                Pegawai(
                    user=u,
                    nip=f"1999{i:014d}",
                    nama=f"ASN Beban {i}",
                    jenis_asn="PNS",
                    unit_kerja=units[i % len(units)],
                )
                for i, u in enumerate(users)
            ]
        )
        # The privacy notice is read once before the first Formulir 1 (docs/pdp.md, «Pemberitahuan»): done here.
        PemberitahuanDiterima.objects.bulk_create(
            [PemberitahuanDiterima(user=u, versi=PemberitahuanDiterima.VERSI) for u in users]
        )
        today = timezone.localdate()
        periode = Periode.objects.create(
            kode=f"BEBAN{int(time.time()) % 100000}",
            nama="Hari terakhir",
            instrumen=InstrumenVersi.objects.get(kode=instrumen.KODE),
            tanggal_buka=today,
            tanggal_tutup=today,
            status=Periode.Status.DIBUKA,
        )
        # Logged in: what django.contrib.auth.login() leaves in a session, written a moment ago.
        now = int(time.time())
        expire = timezone.now() + timezone.timedelta(seconds=settings.SESSION_COOKIE_AGE)
        store = SessionStore()
        sessions = []
        chars = "abcdefghijklmnopqrstuvwxyz0123456789"
        for u in users:
            data = {
                SESSION_KEY: str(u.pk),
                BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[-1],  # the model backend, as login() writes
                HASH_SESSION_KEY: u.get_session_auth_hash(),
                DISEGARKAN: now,
            }
            sessions.append(
                Session(session_key=get_random_string(32, chars), session_data=store.encode(data), expire_date=expire)
            )
        Session.objects.bulk_create(sessions)
    SESI.write_text("".join(f"{s.session_key} {u.pk}\n" for s, u in zip(sessions, users, strict=True)))
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    print(periode.kode)


if __name__ == "__main__":
    main()
