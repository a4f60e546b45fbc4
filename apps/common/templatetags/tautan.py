"""`{% url %}` with a memory: a link without arguments is reversed once per process.

Every page carries the same dozen argument-free links (menu, footer, logout), and Django reverses each anew: about
a tenth of the form page's CPU (bench/kirim.py). The result depends only on the name, the current application,
the URLconf, the script prefix and the language, so it is kept under those. A link with arguments, or one
that does not reverse, goes through Django's own tag unchanged. Installed for every template as a builtin
(settings.TEMPLATES), so templates keep writing `{% url %}`.
"""

from django import template
from django.conf import settings
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as url_django
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.translation import get_language

register = template.Library()

_TAUTAN: dict[tuple, str] = {}


class URLTetapNode(URLNode):
    def render(self, context):
        if self.args or self.kwargs or self.asvar:
            return super().render(context)
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        kunci = (view_name, current_app, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language())
        url = _TAUTAN.get(kunci)
        if url is None:
            url = _TAUTAN[kunci] = reverse(view_name, current_app=current_app)
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = url_django(parser, token)
    return URLTetapNode(node.view_name, node.args, node.kwargs, node.asvar)
