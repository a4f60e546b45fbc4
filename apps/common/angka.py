"""Numbers in Indonesian form (6,50; 1.234): one function for pages, PDFs and notices (docs/keputusan.md,
"Angka"). XLSX cells keep real numbers; only their display format differs."""

from decimal import ROUND_HALF_UP, Decimal


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
