from django import template

from apps.akun.scope import lingkup

from ..models import InstrumenVersi, Periode, Respon

register = template.Library()


@register.simple_tag(takes_context=True)
def formulir_beranda(context) -> dict:
    """Open periodes with the ASN's status in each (home card), and the newest instrument version."""
    scope = lingkup(context["request"].user)
    rows = []
    if scope.pegawai is not None:
        terbuka = [p for p in Periode.objects.filter(status=Periode.Status.DIBUKA) if p.menerima_kiriman()]
        status = dict(
            Respon.objects.filter(pegawai=scope.pegawai, periode__in=terbuka).values_list("periode_id", "status")
        )
        rows = [(p, status.get(p.pk)) for p in terbuka]
    return {"periode": rows, "instrumen": InstrumenVersi.objects.only("pk").first()}
