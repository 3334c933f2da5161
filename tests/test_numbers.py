"""Rupiah amounts and targets as Indonesian staff type them."""

from decimal import Decimal

import pytest

from renja_xl.numbers import format_rupiah, parse_amount, parse_rupiah, parse_target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.428.928.570", 14_428_928_570),
        ("Rp 1.500.000,-", 1_500_000),
        ("Rp. 1.500.000,00", 1_500_000),
        ("1.500.000,00", 1_500_000),
        ("IDR 2.000", 2_000),
        ("1500000", 1_500_000),
        ("1,500,000", 1_500_000),
        ("(1.000.000)", -1_000_000),
        ("-250.000", -250_000),
        ("Rp 2,5 M", 2_500_000_000),
        ("1,5 juta", 1_500_000),
        ("750 rb", 750_000),
        ("\u00a01.000\u00a0", 1_000),
    ],
)
def it_parses_rupiah_typed_the_indonesian_way(text: str, expected: int) -> None:
    assert parse_rupiah(text) == expected


@pytest.mark.parametrize("text", ["", "-", " - ", "—", "nihil"])
def it_reads_empty_marks_as_no_amount(text: str) -> None:
    assert parse_rupiah(text) is None


@pytest.mark.parametrize("text", ["seratus juta", "Rp abc", "12 Orang", "1.2.3,4,5"])
def it_rejects_text_that_is_not_an_amount(text: str) -> None:
    with pytest.raises(ValueError, match="bukan angka rupiah"):
        parse_rupiah(text)


def it_keeps_sen_exactly_never_rounding_them_away() -> None:
    assert parse_amount("1.500.000,50") == Decimal("1500000.50")
    assert parse_rupiah("1.500.000,50") == Decimal("1500000.5")
    assert type(parse_rupiah("1.500.000,00")) is int


def it_formats_rupiah_with_dots() -> None:
    assert format_rupiah(14_428_928_570) == "14.428.928.570"
    assert format_rupiah(14_428_928_570, prefix=True) == "Rp 14.428.928.570,-"
    assert format_rupiah(-5000) == "-5.000"
    assert format_rupiah(None) == "-"


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("52 Orang", Decimal(52), "Orang"),
        ("85%", Decimal(85), "%"),
        ("100 %", Decimal(100), "%"),
        ("1.000 korban", Decimal(1000), "korban"),
        ("14", Decimal(14), None),
        ("Orang", None, "Orang"),
        ("Pratama", None, None),
        ("9 unit, 32 unit", None, None),
        ("-", None, None),
        ("", None, None),
    ],
)
def it_splits_targets_into_number_and_unit(text: str, number, unit) -> None:
    assert parse_target(text) == (number, unit)
