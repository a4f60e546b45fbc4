"""The pemda's words in templates: `{{ instansi|sebutan:"sekda" }}`, `{{ instansi|teks_pemda:"pasal_laporan" }}`
(apps.common.models.Instansi.istilah_dari / teks_dari; neutral words when the pack gives none)."""

from django import template

register = template.Library()


@register.filter
def sebutan(instansi, kunci: str) -> str:
    return instansi.istilah_dari(kunci)


@register.filter
def teks_pemda(instansi, kunci: str) -> str:
    return instansi.teks_dari(kunci)
