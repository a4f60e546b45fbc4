from django.db import migrations

from ._peran_kbk_0002 import load_peran_kbk


def forwards(apps, schema_editor):
    load_peran_kbk(apps.get_model("kbk", "PeranKBK"))


class Migration(migrations.Migration):
    dependencies = [("kbk", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
