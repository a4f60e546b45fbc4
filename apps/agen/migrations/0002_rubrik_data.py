from django.db import migrations


def forwards(apps, schema_editor):
    from apps.agen.reference import load_rubrik

    load_rubrik(apps.get_model("agen", "RubrikItem"))


class Migration(migrations.Migration):
    dependencies = [("agen", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
