"""Existing appointments get their role fact (akun.Peran AGEN_PERUBAHAN), as services.peran_agen_selaraskan writes
it for new ones: the SK's PD and term, ended the day before a revocation."""

import datetime

from django.contrib.auth.hashers import make_password
from django.db import migrations
from django.utils import timezone


def isi(apps, schema_editor):
    Penetapan = apps.get_model("agen", "Penetapan")
    Peran = apps.get_model("akun", "Peran")
    User = apps.get_model("akun", "User")
    for penetapan in Penetapan.objects.filter(peran_akses__isnull=True).select_related("pegawai", "surat_keputusan"):
        pegawai, sk = penetapan.pegawai, penetapan.surat_keputusan
        if pegawai.user_id is None:
            user = User.objects.filter(username=pegawai.nip).first()
            if user is None:
                user = User.objects.create(username=pegawai.nip, email=pegawai.email, password=make_password(None))
            pegawai.user = user
            pegawai.save(update_fields=["user"])
        mulai, sampai = sk.masa_mulai, sk.masa_selesai
        if penetapan.dicabut_pada is not None:
            sampai = timezone.localtime(penetapan.dicabut_pada).date() - datetime.timedelta(days=1)
            mulai = min(mulai, sampai)
        penetapan.peran_akses = Peran.objects.create(
            user_id=pegawai.user_id,
            jenis="AGEN_PERUBAHAN",
            perangkat_daerah_id=sk.perangkat_daerah_id,
            mulai=mulai,
            sampai=sampai,
            nomor_sk=sk.nomor,
        )
        penetapan.save(update_fields=["peran_akses"])


def kosongkan(apps, schema_editor):
    Penetapan = apps.get_model("agen", "Penetapan")
    Peran = apps.get_model("akun", "Peran")
    ids = list(Penetapan.objects.filter(peran_akses__isnull=False).values_list("peran_akses_id", flat=True))
    Penetapan.objects.update(peran_akses=None)
    Peran.objects.filter(pk__in=ids).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agen", "0005_penetapan_peran_akses"),
        ("akun", "0004_peran_agen_dan_versi"),
    ]

    operations = [migrations.RunPython(isi, kosongkan)]
