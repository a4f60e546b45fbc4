"""Server time of the pages of a closed periode at 1,000,000 responses (docs/keputusan.md, «Periode tertutup
dibaca, tidak dihitung»; figures in README «Pengukuran»).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_bench python bench/laporan.py --responses 1000000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kupang_bench python bench/periode_tertutup.py --responses 1000000

Runs on the periode `bench-N` that bench/laporan.py generates (40 PD x 10 units, N responses, answers for the
first 20,000). It marks the periode as closed through the service (its first close set, as
apps.survei.services does), then times the whole request through the Django test client as the Sekda, each the
median of --repeat runs after one warm-up (the first read of a periode closed before its world was stored
freezes it: that warm-up is printed apart as "first read"):
- dashboard: the dashboard page;
- report: the consolidated report page (HTML);
- PD report: the report page of PD B00 (HTML).
The script uses only the models and URLs that the code before and after the stored aggregates share, so the
same file measures both (README: before on commit 54443a2, after on this one, same database, same hour).
Prints one Markdown table row.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from _produksi import setel_lingkungan  # noqa: E402

setel_lingkungan()  # as deployed: DEBUG off, persistent connections (bench/_produksi.py)
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kupang_bench")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

HEADER = (
    "| code | N responses | first read (ms) | dashboard (ms) | report (ms) | PD report (ms) |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: |"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--label", default="")
    parser.add_argument("--header", action="store_true")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    from apps.akun.models import Peran
    from apps.survei.models import Periode

    periode = Periode.objects.get(kode=f"bench-{args.responses}")
    Periode.objects.filter(pk=periode.pk, ditutup_pertama_pada__isnull=True).update(
        ditutup_pertama_pada=timezone.now(), ditutup_pada=timezone.now()
    )
    sekda = Peran.objects.filter(jenis=Peran.Jenis.SEKDA).order_by("pk").first().user
    client = Client()
    client.force_login(sekda)
    urls = {
        "dashboard": reverse("laporan:dasbor", args=[periode.kode]),
        "report": reverse("laporan:konsolidasi", args=[periode.kode]),
        "pd": reverse("laporan:pd", args=[periode.kode, "B00"]),
    }

    def get(url: str) -> float:
        start = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        elapsed = time.perf_counter() - start
        reset_queries()
        return elapsed * 1000

    first = get(urls["report"])
    times = {}
    for name, url in urls.items():
        get(url)  # warm-up
        times[name] = statistics.median(get(url) for _ in range(args.repeat))
    if args.header:
        print(HEADER)
    print(
        f"| {args.label} | {args.responses:,} | {first:.0f} | {times['dashboard']:.0f} | {times['report']:.0f} "
        f"| {times['pd']:.0f} |"
    )


if __name__ == "__main__":
    main()
