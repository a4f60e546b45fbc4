"""AsnPeriode moves from laporan to hasil with its rows: the model enters hasil's state on laporan's table, the
table is renamed to hasil_asnperiode (ALTER TABLE ... RENAME on SQLite and PostgreSQL, no copy), and its content
type follows it. laporan.0003 then drops the model from laporan's state only."""

import django.db.models.deletion
from django.db import migrations, models


def pindah_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="hasil", model="asnperiode").exists():
        ContentType.objects.filter(app_label="laporan", model="asnperiode").update(app_label="hasil")


def kembalikan_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="laporan", model="asnperiode").exists():
        ContentType.objects.filter(app_label="hasil", model="asnperiode").update(app_label="laporan")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("laporan", "0002_asn_periode"),
        ("organisasi", "0002_golongan_data"),
        ("survei", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AsnPeriode",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("jumlah", models.PositiveIntegerField(verbose_name="ASN aktif")),
                        ("dihitung_pada", models.DateTimeField(auto_now_add=True)),
                        (
                            "perangkat_daerah",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="organisasi.perangkatdaerah",
                            ),
                        ),
                        (
                            "periode",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="survei.periode"
                            ),
                        ),
                        (
                            "unit_kerja",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="organisasi.unitkerja"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "jumlah ASN periode",
                        "verbose_name_plural": "jumlah ASN periode",
                        "db_table": "laporan_asnperiode",
                        "constraints": [
                            models.UniqueConstraint(fields=("periode", "unit_kerja"), name="asn_periode_unik")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="asnperiode", table=None),
        migrations.RunPython(pindah_content_type, kembalikan_content_type),
    ]
