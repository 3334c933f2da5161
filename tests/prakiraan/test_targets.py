"""Targets carried to N+1: the unit stays, the number grows only by a rule."""

from decimal import Decimal

import pytest

from renja_xl.model import Target
from renja_xl.prakiraan import project_target


def _next(teks: str, growth: str | None = None, step: str | None = None) -> str:
    change = project_target(
        Target.from_text(teks),
        None if growth is None else Decimal(growth),
        None if step is None else Decimal(step),
    )
    return change.target.teks


@pytest.mark.parametrize("teks", ["52 Orang", "85%", "Pratama", "9 unit, 32 unit", "1.000 korban"])
def test_without_a_rule_the_target_is_carried_as_typed(teks):
    assert _next(teks) == teks


def test_growth_keeps_the_unit():
    assert _next("52 Orang", growth="10") == "57 Orang"


def test_growth_keeps_thousands_dots():
    assert _next("1.000 korban", growth="5") == "1.050 korban"


def test_growth_keeps_decimals():
    assert _next("2,5 Dokumen", growth="10") == "2,8 Dokumen"


def test_a_step_adds_to_the_number():
    assert _next("85%", step="5") == "90%"


def test_a_percentage_stops_at_100():
    assert _next("98%", growth="5") == "100%"
    assert _next("97 persen", step="5") == "100 persen"


def test_a_target_with_no_single_number_is_carried_as_text():
    change = project_target(Target.from_text("Pratama"), Decimal(5))
    assert change.target.teks == "Pratama"
    assert change.how == "disalin sebagai teks (tidak ada satu angka)"


def test_the_new_target_is_parsed_again_and_rounds_half_up():
    change = project_target(Target.from_text("35 Org"), Decimal(10))
    assert (change.target.angka, change.target.satuan) == (Decimal(39), "Org")  # 38,5
