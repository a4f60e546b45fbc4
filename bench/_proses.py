"""What the benches that measure one process share: Django set up as a bench (a throwaway key), and the
process's peak resident set."""

import os
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kupang_budaya.settings")
    # A bench is not production: a throwaway key (kupang_budaya/settings.py refuses to start without one).
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "k" * 40)
    import django

    django.setup()


def peak_rss_mb() -> int:
    """VmHWM: the peak resident set of this process image (ru_maxrss would include the parent's before exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
