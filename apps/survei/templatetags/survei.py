from django import template

from apps.akun.scope import lingkup

from ..models import InstrumenVersi, Periode, Respon

register = template.Library()


@register.simple_tag(takes_context=True)
def formulir_beranda(context) -> dict:
    """Open periodes with the ASN's status in each (home card), the ASN's responses by periode (a sent one links to
    its result), and the newest instrument version."""
    scope = lingkup(context["request"].user)
    rows = []
    if scope.pegawai is not None:
        terbuka = [p for p in Periode.objects.filter(status=Periode.Status.DIBUKA) if p.menerima_kiriman()]
        respon = {
            periode_id: (status, pk)
            for periode_id, status, pk in Respon.objects.filter(pegawai=scope.pegawai, periode__in=terbuka).values_list(
                "periode_id", "status", "pk"
            )
        }
        rows = [(p, *respon.get(p.pk, (None, None))) for p in terbuka]
    return {"periode": rows, "instrumen": InstrumenVersi.objects.only("pk").first()}
