from django.db import migrations


def forwards(apps, schema_editor):
    from apps.survei.instrumen import load_instrumen

    load_instrumen(*(apps.get_model("survei", m) for m in ("InstrumenVersi", "Bagian", "Butir", "BandKategori")))


class Migration(migrations.Migration):
    dependencies = [("survei", "0002_riwayat_periode")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
