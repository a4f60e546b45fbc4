"""Values for the demo (docs/paket.md): demo rows name BerAKHLAK values by code and the pemda's own values by
position ("LOKAL:1" = the pack's first local value), so that the demo works with any pack."""

from apps.common.demo import DemoContext

from .models import Nilai


def kode_demo(kode: list[str]) -> list[str]:
    """The codes of `kode`, with "LOKAL:n" replaced by the code of the installed n-th local value."""
    lokal = dict(Nilai.objects.filter(sistem=Nilai.Sistem.MEDIASI).values_list("urutan", "kode"))
    return [lokal.get(int(k.split(":")[1]), k) if k.startswith("LOKAL:") else k for k in kode]


def nilai_demo(kode: list[str]) -> list[Nilai]:
    return list(Nilai.objects.filter(kode__in=kode_demo(kode)))


def seed(ctx: DemoContext) -> None:
    """Nothing to add: the values come with the pack (apps.paket)."""
