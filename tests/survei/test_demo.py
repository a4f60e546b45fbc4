"""seed_demo's Formulir 1 part (docs/keputusan.md, «Antarmuka yang tetap»): 2025 (finalised) with most units, open 2026 where `asn` has not answered."""

import io
from collections import Counter

import pytest
from django.core.management import call_command

from apps.survei.demo import UNIT_DUA_RESPONDEN, UNIT_TANPA_RESPONDEN
from apps.survei.models import Jawaban, Periode, Respon
from apps.survei.scoring import PERBUP_BANDS, band_for_total

pytestmark = pytest.mark.django_db


def _snapshot():
    return sorted(
        Respon.objects.values_list("periode__kode", "pegawai__nip", "status", "total_1", "total_2", "total_3")
    )


def test_seed_demo_periodes_and_responses():
    call_command("seed_demo", stdout=io.StringIO())
    first = _snapshot()
    answers = Jawaban.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert _snapshot() == first
    assert Jawaban.objects.count() == answers

    assert dict(Periode.objects.values_list("kode", "status")) == {
        "2025": "FINAL",
        "2026": "DIBUKA",
    }  # 2025 finalised by apps.laporan.demo
    sent = Respon.objects.filter(periode__kode="2025", status="TERKIRIM")
    per_unit = Counter(sent.values_list("unit_kerja__kode", flat=True))
    assert per_unit[UNIT_DUA_RESPONDEN] == 2
    assert [per_unit[k] for k in sorted(UNIT_TANPA_RESPONDEN)] == [0, 0, 0]
    assert sent.filter(pegawai__user__username="asn").count() == 1
    assert Respon.objects.filter(periode__kode="2026", pegawai__user__username="asn").count() == 0
    assert Respon.objects.filter(periode__kode="2026", status="TERKIRIM").count() > 0
    for i, kode in ((1, "I"), (2, "II"), (3, "III")):
        kategori = Counter(
            band_for_total(t, PERBUP_BANDS[kode]).kategori for t in sent.values_list(f"total_{i}", flat=True)
        )
        assert len(kategori) == 4, kode
        assert kategori.most_common(2)[0][0] in {"CUKUP_BAIK", "KURANG_BAIK"}
    assert Jawaban.objects.filter(respon__in=sent).count() == sent.count() * 35
