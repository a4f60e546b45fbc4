"""The error summary at the top of every page whose form was refused (docs/keputusan.md, «Tampilan»): a phone
shows the reason without scrolling, and each line links to its field."""

from django import forms, template
from django.template.loader import render_to_string

register = template.Library()


def _forms_in(context) -> list[forms.BaseForm]:
    found: list[forms.BaseForm] = []
    for layer in context.dicts:
        for value in layer.values():
            candidates = value if isinstance(value, (list, tuple)) else [value]
            for candidate in candidates:
                if isinstance(candidate, tuple):
                    candidates_in_tuple = [c for c in candidate if isinstance(c, forms.BaseForm)]
                    found.extend(c for c in candidates_in_tuple if c not in found)
                elif isinstance(candidate, forms.BaseForm) and candidate not in found:
                    found.append(candidate)
    return found


@register.simple_tag(takes_context=True)
def ringkasan_galat(context) -> str:
    """Every refused form of the page: its errors not tied to a field, then each field's label and error, linked.
    An error the page already shows as a message above it (a full disk, apps/common/permintaan.py) is not repeated."""
    baris = []
    sudah = {str(m) for m in context.get("messages") or ()}
    for form in _forms_in(context):
        if not form.is_bound or not form.errors:
            continue
        baris.extend({"pesan": pesan, "tautan": None, "label": None} for pesan in form.non_field_errors())
        for name, errors in form.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
                continue
            field = form[name]
            label = form.fields[name].label or name
            for pesan in errors:
                if pesan in sudah:
                    continue
                baris.append({"pesan": pesan, "tautan": field.auto_id, "label": label})
    if not baris:
        return ""
    return render_to_string("_ringkasan_galat.html", {"baris": baris})
