"""Numbers typed the Indonesian way (docs/keputusan.md, «Angka»): one form field, `AngkaField`, reads "85,5" and
"85.5" as 85.5 and refuses what can be read two ways; every numeric field of every form is that field."""

import importlib
import inspect
from decimal import Decimal
from pathlib import Path

import pytest
from django import forms

from apps.common.angka import AngkaField, AngkaTidakJelasError, baca_angka


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("85,5", Decimal("85.5")),
        ("85.5", Decimal("85.5")),
        (" 85,5 ", Decimal("85.5")),
        ("1234", Decimal("1234")),
        ("1234,5", Decimal("1234.5")),
        ("0.125", Decimal("0.125")),
        ("0,75", Decimal("0.75")),
        ("12.50", Decimal("12.50")),
        ("-3,5", Decimal("-3.5")),
    ],
)
def test_reads_comma_and_point(teks, nilai):
    assert baca_angka(teks) == nilai


@pytest.mark.parametrize("teks", ["1.234,5", "1,234.5", "1.234", "1.234.567", "8,5,5"])
def test_refuses_what_reads_two_ways(teks):
    with pytest.raises(AngkaTidakJelasError):
        baca_angka(teks)


@pytest.mark.parametrize("teks", ["abc", "85,", ",5", "8 5a", "", "--1"])
def test_refuses_what_is_not_a_number(teks):
    with pytest.raises(ValueError):
        baca_angka(teks)


def test_field_messages_are_indonesian_and_clear():
    field = AngkaField(max_digits=12, decimal_places=2)
    assert field.clean("85,5") == Decimal("85.5")
    with pytest.raises(forms.ValidationError) as exc:
        field.clean("1.234,5")
    assert exc.value.messages == [
        "Angka 1.234,5 dapat dibaca dua cara. Tulis tanpa pemisah ribuan, dengan koma desimal: misalnya 1234,5 "
        "atau 85,5."
    ]
    with pytest.raises(forms.ValidationError) as exc:
        field.clean("delapan")
    assert exc.value.messages == ["Masukkan angka, misalnya 85,5."]


def test_field_shows_its_value_with_a_decimal_comma_in_a_text_input():
    class F(forms.Form):
        x = AngkaField(max_digits=12, decimal_places=2)

    html = str(F(initial={"x": Decimal("85.50")})["x"])
    assert 'value="85,5"' in html
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html


def test_whole_number_field_returns_an_int_and_refuses_a_fraction():
    field = AngkaField(bulat=True, max_digits=7, min_value=1)
    assert field.clean("12") == 12
    assert type(field.clean("12")) is int
    with pytest.raises(forms.ValidationError):
        field.clean("12,5")


# Every form of the project: a field that takes a number is an AngkaField (DecimalField, IntegerField and
# FloatField of Django read "85,5" as invalid or, with a thousands separator, as 855).
FORM_MODULES = sorted(
    f"apps.{p.parent.name}.forms" for p in (Path(__file__).resolve().parents[2] / "apps").glob("*/forms.py")
)


def _form_classes():
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for _n, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == name:
                yield name, cls


def test_every_numeric_form_field_is_the_indonesian_field():
    numeric = {}
    for _module, cls in _form_classes():
        for field_name, field in cls.base_fields.items():
            if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField):
                numeric[f"{cls.__name__}.{field_name}"] = type(field).__name__
    assert numeric == {
        "BarisForm.target_angka": "AngkaField",
        "KegiatanForm.jumlah_peserta": "AngkaField",
        "PutaranForm.tahun": "AngkaField",
    }


def test_no_form_module_builds_a_stock_numeric_field():
    """The fields added in __init__ (per row of a plan) are not in base_fields: the source shows them."""
    for name in FORM_MODULES:
        source = inspect.getsource(importlib.import_module(name))
        for stock in ("forms.DecimalField(", "forms.IntegerField(", "forms.FloatField(", "NumberInput("):
            assert stock not in source, f"{name} uses {stock}"
