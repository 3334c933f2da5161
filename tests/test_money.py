"""Exact rupiah: int when whole, Decimal only with sen, written the Indonesian way."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from renja_xl.money import format_rupiah, has_sen, json_text, rupiah, rupiah_or_none


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (14_428_928_570, 14_428_928_570),
        (Decimal("5.00"), 5),
        (5.0, 5),
        (11847012.01, Decimal("11847012.01")),
        (1014404875283.72, Decimal("1014404875283.72")),
        (Decimal("11847012.010"), Decimal("11847012.01")),
        ("Rp 1.500.000,50", Decimal("1500000.5")),
        ("Rp 14.428.928.570,-", 14_428_928_570),
    ],
)
def it_normalises_every_kind_of_amount_exactly(value: object, expected: object) -> None:
    found = rupiah(value)
    assert found == expected
    assert type(found) is type(expected)


def it_reads_a_float_from_a_cell_through_its_shortest_repr() -> None:
    # 0.1 + 0.2 is not 0.3 in binary; what a cell shows is what is kept.
    assert rupiah(0.1) + rupiah(0.2) == Decimal("0.3")
    assert rupiah(11847012.01) == Decimal("11847012.01")


def it_says_none_for_no_amount_and_refuses_what_is_not_money() -> None:
    assert rupiah_or_none(None) is None
    assert rupiah_or_none("-") is None
    for bad in (True, float("nan"), float("inf"), Decimal("NaN")):
        with pytest.raises((TypeError, ValueError)):
            rupiah(bad)
    with pytest.raises(ValueError, match="bukan angka rupiah"):
        rupiah("seratus juta")


def it_prints_whole_amounts_exactly_as_before() -> None:
    assert format_rupiah(14_428_928_570) == "14.428.928.570"
    assert format_rupiah(14_428_928_570, prefix=True) == "Rp 14.428.928.570,-"
    assert format_rupiah(-5000) == "-5.000"
    assert format_rupiah(None) == "-"
    assert format_rupiah(Decimal("5000.00"), prefix=True) == "Rp 5.000,-"


def it_prints_sen_after_a_comma() -> None:
    assert format_rupiah(Decimal("11847012.01")) == "11.847.012,01"
    assert format_rupiah(Decimal("1014404875283.72"), prefix=True) == "Rp 1.014.404.875.283,72"
    assert format_rupiah(Decimal("1500000.5"), prefix=True) == "Rp 1.500.000,50"
    assert format_rupiah(Decimal("-0.5")) == "-0,50"


def it_knows_which_amounts_carry_sen() -> None:
    assert has_sen(Decimal("0.01"))
    assert not has_sen(Decimal("3"))
    assert not has_sen(3)
    assert not has_sen(None)


def it_writes_sen_in_json_as_an_exact_number() -> None:
    text = json_text({"total": Decimal("1014404875283.72"), "n": 3, "nama": "Rp"}, indent=None)
    assert text == '{"total": 1014404875283.72, "n": 3, "nama": "Rp"}'
    assert json.loads(text, parse_float=Decimal)["total"] == Decimal("1014404875283.72")


def it_leaves_text_that_looks_like_the_marker_alone() -> None:
    text = json_text({"nama": "0123456789abcdef12.5"}, indent=None)
    assert json.loads(text) == {"nama": "0123456789abcdef12.5"}
