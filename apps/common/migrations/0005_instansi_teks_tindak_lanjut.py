"""The report summary's follow-up note becomes a text of the pemda (docs/paket.md, «Teks dokumen»): a row of the
Kupang pack (or of an install before packs) that lacks it gets the words the template wrote before."""

from django.db import migrations

from ._instansi_0004 import ISI

KUNCI = ("tindak_lanjut_laporan", "tindak_lanjut_laporan_pdf")


def isi_teks(apps, schema_editor):
    Instansi = apps.get_model("common", "Instansi")
    for row in Instansi.objects.filter(paket_kode=ISI["paket_kode"]):
        teks = dict(row.teks or {})
        kosong = [k for k in KUNCI if not teks.get(k)]
        if not kosong:
            continue
        teks.update({k: ISI["teks"][k] for k in kosong})
        row.teks = teks
        row.save(update_fields=["teks"])


class Migration(migrations.Migration):
    dependencies = [("common", "0004_instansi_paket")]

    operations = [migrations.RunPython(isi_teks, migrations.RunPython.noop)]
