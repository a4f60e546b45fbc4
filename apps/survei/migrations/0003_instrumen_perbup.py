from django.db import migrations

from ._instrumen_0003 import load_instrumen


def forwards(apps, schema_editor):
    load_instrumen(*(apps.get_model("survei", m) for m in ("InstrumenVersi", "Bagian", "Butir", "BandKategori")))


class Migration(migrations.Migration):
    dependencies = [("survei", "0002_riwayat_periode")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
