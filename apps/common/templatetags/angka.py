from django import template

from apps.common import angka as _angka

register = template.Library()


@register.filter
def angka(value, places=2):
    """{{ ts|angka }} -> 6,50; {{ n|angka:0 }} -> 1.234."""
    return _angka.angka(value, int(places))


@register.filter
def selisih(value):
    """{{ delta|selisih }} -> +0,45 / −1,20."""
    return _angka.selisih(value)


@register.filter
def istilah(value: str) -> str:
    """The regulation's English words in running text on screen, said in Indonesian ("law enforcement" in the
    follow-up of BURUK, Lampiran BAB IV.2); documents keep the regulation's own words."""
    return str(value).replace('"law enforcement"', "penegakan aturan").replace("“law enforcement”", "penegakan aturan")
