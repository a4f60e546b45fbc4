from django.db import migrations


def forwards(apps, schema_editor):
    from apps.nilai.katalog import load_katalog

    load_katalog(apps.get_model("nilai", "Nilai"))


class Migration(migrations.Migration):
    dependencies = [("nilai", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
