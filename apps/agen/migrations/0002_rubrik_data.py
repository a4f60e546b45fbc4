from django.db import migrations

from ._rubrik_0002 import load_rubrik


def forwards(apps, schema_editor):
    load_rubrik(apps.get_model("agen", "RubrikItem"))


class Migration(migrations.Migration):
    dependencies = [("agen", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
