from django.apps import AppConfig
from django.db.models import fields
from django.forms import models as form_models


class CommonConfig(AppConfig):
    name = "apps.common"
    verbose_name = "Umum"

    def ready(self) -> None:
        pilih_kosong()


PILIH = "— pilih —"


def pilih_kosong() -> None:
    """Every empty choice reads "— pilih —" instead of Django's "---------" (model choice fields and choices
    of model fields, in our forms and in the admin alike)."""
    fields.BLANK_CHOICE_DASH[:] = [("", PILIH)]
    form_models.ModelChoiceField.__init__.__kwdefaults__["empty_label"] = PILIH
