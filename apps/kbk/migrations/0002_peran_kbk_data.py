from django.db import migrations


def forwards(apps, schema_editor):
    from apps.kbk.reference import load_peran_kbk

    load_peran_kbk(apps.get_model("kbk", "PeranKBK"))


class Migration(migrations.Migration):
    dependencies = [("kbk", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
