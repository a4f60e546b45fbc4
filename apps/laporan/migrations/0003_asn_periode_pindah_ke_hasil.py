"""AsnPeriode now lives in hasil (hasil.0001 took its table and rows): drop it from laporan's state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("hasil", "0001_asn_periode_dari_laporan"),
        ("laporan", "0002_asn_periode"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="AsnPeriode")]),
    ]
