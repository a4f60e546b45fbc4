from django.apps import AppConfig
from django.db.models import fields
from django.forms import models as form_models


class CommonConfig(AppConfig):
    name = "apps.common"
    verbose_name = "Umum"

    def ready(self) -> None:
        from . import instansi  # noqa: F401  (its signal forgets the cached row when the row is saved)

        pilih_kosong()
        autocomplete_aman()


PILIH = "— pilih —"


def pilih_kosong() -> None:
    """Every empty choice reads "— pilih —" instead of Django's "---------" (model choice fields and choices
    of model fields, in our forms and in the admin alike)."""
    fields.BLANK_CHOICE_DASH[:] = [("", PILIH)]
    form_models.ModelChoiceField.__init__.__kwdefaults__["empty_label"] = PILIH


def autocomplete_aman() -> None:
    """The admin's autocomplete widget re-renders a refused form by looking up the submitted values as keys of the
    related model; a value that is not a key (text in an id field) raised ValueError there: a 500 instead of the
    form with its error (docs/keamanan.md, «Masukan»; tests/security/test_fuzz.py). Values that are not valid keys
    are left out of the lookup; the field still reports its own error."""
    from django.contrib.admin.widgets import AutocompleteMixin
    from django.core.exceptions import ValidationError

    asli = AutocompleteMixin.optgroups

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        to_field = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
        sah = []
        for v in value:
            try:
                to_field.to_python(v)
            except ValidationError:
                continue
            sah.append(v)
        return asli(self, name, sah, attr)

    AutocompleteMixin.optgroups = optgroups
