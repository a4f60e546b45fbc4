"""Pengingat moves from notifikasi to survei with its rows (survei owns the reminder of a periode; notifikasi stays
below the domain apps and names none of their models): the model enters survei's state on notifikasi's table, the
table is renamed to survei_pengingat (no copy), and its content type follows it. notifikasi.0003 then drops the
model from notifikasi's state only."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def pindah_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="survei", model="pengingat").exists():
        ContentType.objects.filter(app_label="notifikasi", model="pengingat").update(app_label="survei")


def kembalikan_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="notifikasi", model="pengingat").exists():
        ContentType.objects.filter(app_label="survei", model="pengingat").update(app_label="notifikasi")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("notifikasi", "0002_pengingat"),
        ("survei", "0007_catatan_butir_indonesia"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Pengingat",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kelompok", models.CharField(max_length=40, verbose_name="kelompok")),
                        ("tanggal", models.DateField(verbose_name="tanggal")),
                        ("jumlah", models.PositiveIntegerField(default=0, verbose_name="jumlah penerima")),
                        ("dibuat", models.DateTimeField(auto_now_add=True)),
                        (
                            "oleh",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "periode",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="survei.periode"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "pengingat",
                        "verbose_name_plural": "pengingat",
                        "db_table": "notifikasi_pengingat",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("periode", "kelompok", "tanggal"), name="pengingat_sekali_sehari"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="pengingat", table=None),
        migrations.RunPython(pindah_content_type, kembalikan_content_type),
    ]
