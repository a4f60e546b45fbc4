from django.db import migrations

from ._golongan_0002 import load_golongan


def forwards(apps, schema_editor):
    load_golongan(apps.get_model("organisasi", "Golongan"))


class Migration(migrations.Migration):
    dependencies = [("organisasi", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
