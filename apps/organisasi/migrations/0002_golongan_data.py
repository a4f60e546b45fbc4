from django.db import migrations


def forwards(apps, schema_editor):
    from apps.organisasi.golongan import load_golongan

    load_golongan(apps.get_model("organisasi", "Golongan"))


class Migration(migrations.Migration):
    dependencies = [("organisasi", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
