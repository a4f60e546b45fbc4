from django.db import migrations

from ._katalog_0002 import load_katalog


def forwards(apps, schema_editor):
    load_katalog(apps.get_model("nilai", "Nilai"))


class Migration(migrations.Migration):
    dependencies = [("nilai", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
