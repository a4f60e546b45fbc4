"""Pengingat now lives in survei (survei.0008 took its table and rows): drop it from notifikasi's state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("notifikasi", "0002_pengingat"),
        ("survei", "0008_pengingat_dari_notifikasi"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Pengingat")]),
    ]
