"""Numbers in Indonesian form (6,50; 1.234): one function for pages, PDFs and notices (docs/keputusan.md,
"Angka"). XLSX cells keep real numbers; only their display format differs."""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _


def angka(value, places: int = 2) -> str:
    """6.5 -> "6,50"; 1234 -> "1.234" (places=0); None or "" -> "—". Half-up rounding, as the report's."""
    if value is None or value == "":
        return "—"
    quant = Decimal(1).scaleb(-places)
    d = Decimal(str(value)).quantize(quant, rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    whole, _sep, frac = f"{abs(d):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{frac}" if places else f"{sign}{text}"


def selisih(value) -> str:
    """A change with its sign: "+0,45", "−1,20", "0,00"."""
    if value is None:
        return "—"
    d = Decimal(str(value))
    if d > 0:
        return "+" + angka(d)
    if d < 0:
        return "−" + angka(-d)
    return angka(d)


# Input ------------------------------------------------------------------------------------------------------------

_SPASI = str.maketrans("", "", " \u00a0\u202f")


class AngkaTidakJelasError(ValueError):
    """A number whose separators can be read two ways ("1.234,5", "1.234")."""


def baca_angka(teks: str) -> Decimal:
    """Read a number typed by a person (docs/keputusan.md, «Angka»): "85,5" and "85.5" are 85.5; "1234" is 1234.

    Refused as ambiguous (AngkaTidakJelasError): both a dot and a comma ("1.234,5", "1,234.5"), more than one
    separator ("1.234.567", "1,5,2"), and one dot followed by exactly three digits ("1.234": a thousands dot in
    Indonesian, a decimal point in English). Anything else that is not a number raises ValueError.
    """
    s = (teks or "").strip().translate(_SPASI)
    if s.startswith(("+", "-", "−")):
        tanda, s = ("-" if s[0] in "-−" else ""), s[1:]
    else:
        tanda = ""
    if not s or any(ch not in "0123456789.," for ch in s):
        raise ValueError(teks)
    titik, koma = s.count("."), s.count(",")
    if titik + koma > 1:
        raise AngkaTidakJelasError(teks)
    if titik == 1:
        utuh, _sep, pecahan = s.partition(".")
        if len(pecahan) == 3 and utuh.strip("0"):
            raise AngkaTidakJelasError(teks)
    s = s.replace(",", ".")
    if s.startswith(".") or s.endswith("."):
        raise ValueError(teks)
    return Decimal(tanda + s)


class AngkaField(forms.DecimalField):
    """The one form field for a number a person types (docs/keputusan.md, «Angka»): accepts "85,5" and "85.5" as
    85.5, refuses an ambiguous entry with a message in Indonesian, shows its value with a decimal comma. A text input
    with a decimal keyboard: a browser's number input would refuse the comma before the server sees it."""

    default_error_messages = {
        "invalid": _("Masukkan angka, misalnya 85,5."),
        "tidak_jelas": _(
            "Angka %(nilai)s dapat dibaca dua cara. Tulis tanpa pemisah ribuan, dengan koma desimal: "
            "misalnya 1234,5 atau 85,5."
        ),
    }

    def __init__(self, *args, bulat: bool = False, **kwargs) -> None:
        """`bulat=True`: a whole number (a count, a year), returned as an int."""
        self.bulat = bulat
        if bulat:
            kwargs["decimal_places"] = 0
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        kwargs.pop("localize", None)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return int(value) if self.bulat and value is not None else value

    def widget_attrs(self, widget):
        # DecimalField adds step/min/max for a number input; a text input keeps only the decimal keyboard.
        return {"inputmode": "decimal"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        try:
            return baca_angka(str(value))
        except AngkaTidakJelasError:
            raise forms.ValidationError(
                self.error_messages["tidak_jelas"], code="tidak_jelas", params={"nilai": str(value).strip()}
            )
        except (ValueError, ArithmeticError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float):
            return f"{Decimal(str(value)).normalize():f}".replace(".", ",")
        return value
