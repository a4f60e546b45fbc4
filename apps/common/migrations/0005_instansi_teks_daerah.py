"""Words the templates wrote before packs become the pemda's (docs/paket.md): the report summary's follow-up note
and the privacy notice's legal basis (texts), the kind of region ("kabupaten") and the regulation's short name
("Perbup") in running text (terms). A row of the Kupang pack (or of an install before packs) that lacks them gets
the words shown before."""

from django.db import migrations

from ._instansi_0004 import ISI

TEKS = ("tindak_lanjut_laporan", "tindak_lanjut_laporan_pdf", "peraturan_pemberitahuan")
ISTILAH = ("daerah", "peraturan_singkat")


def isi_teks(apps, schema_editor):
    Instansi = apps.get_model("common", "Instansi")
    for row in Instansi.objects.filter(paket_kode=ISI["paket_kode"]):
        teks, istilah = dict(row.teks or {}), dict(row.istilah or {})
        teks.update({k: ISI["teks"][k] for k in TEKS if not teks.get(k)})
        istilah.update({k: ISI["istilah"][k] for k in ISTILAH if not istilah.get(k)})
        row.teks, row.istilah = teks, istilah
        row.save(update_fields=["teks", "istilah"])


class Migration(migrations.Migration):
    dependencies = [("common", "0004_instansi_paket")]

    operations = [migrations.RunPython(isi_teks, migrations.RunPython.noop)]
