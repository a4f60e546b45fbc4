"""The item notes of Formulir 1 in Indonesian (they came in English from the source CSV). A frozen copy of the
translation: this migration does not import live code."""

import re

from django.db import migrations

TETAP = {
    "trailing colon of the printed text dropped": "titik dua di akhir teks cetak dihilangkan",
    "printed across two lines": "tercetak dalam dua baris",
    "printed under heading 'A. Berorientasi Hasil'; the BerAKHLAK value is Berorientasi Pelayanan": (
        "tercetak di bawah judul «A. Berorientasi Hasil»; nilai BerAKHLAK-nya adalah Berorientasi Pelayanan"
    ),
}
HILANG = re.compile(r"missing from the published text; item (\d+) of the KepMenPAN 25/KEP/M\.PAN/4/2002 instrument")


def indonesia(teks: str) -> str:
    if teks in TETAP:
        return TETAP[teks]
    m = HILANG.fullmatch(teks)
    if m:
        return f"tidak ada dalam teks yang diterbitkan; butir {m.group(1)} instrumen KepMenPAN 25/KEP/M.PAN/4/2002"
    return teks


def terjemahkan(apps, schema_editor):
    Butir = apps.get_model("survei", "Butir")
    for butir in Butir.objects.exclude(catatan=""):
        baru = indonesia(butir.catatan)
        if baru != butir.catatan:
            Butir.objects.filter(pk=butir.pk).update(catatan=baru)


class Migration(migrations.Migration):
    dependencies = [("survei", "0006_periode_ditutup_pertama_pada")]

    operations = [migrations.RunPython(terjemahkan, migrations.RunPython.noop)]
