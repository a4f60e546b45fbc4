"""The report summary's follow-up note becomes a text of the pemda, and the kind of region in running text a term
(docs/paket.md): a row of the Kupang pack (or of an install before packs) that lacks them gets the words the
templates wrote before ("kabupaten")."""

from django.db import migrations

from ._instansi_0004 import ISI

KUNCI = ("tindak_lanjut_laporan", "tindak_lanjut_laporan_pdf")


def isi_teks(apps, schema_editor):
    Instansi = apps.get_model("common", "Instansi")
    for row in Instansi.objects.filter(paket_kode=ISI["paket_kode"]):
        teks = dict(row.teks or {})
        kosong = [k for k in KUNCI if not teks.get(k)]
        teks.update({k: ISI["teks"][k] for k in kosong})
        row.teks = teks
        row.istilah = {"daerah": ISI["istilah"]["daerah"], **(row.istilah or {})}
        row.save(update_fields=["teks", "istilah"])


class Migration(migrations.Migration):
    dependencies = [("common", "0004_instansi_paket")]

    operations = [migrations.RunPython(isi_teks, migrations.RunPython.noop)]
