"""Growth and rounding in whole rupiah, exact."""

from decimal import Decimal

from renja_xl.prakiraan import grow, round_to_unit


def test_five_percent_of_the_gender_program_is_exact():
    assert grow(54_407_000, Decimal(5), 1) == 57_127_350


def test_ten_percent_of_the_salaries_is_exact():
    assert grow(3_456_116_400, Decimal(10), 1) == 3_801_728_040


def test_rounding_to_a_thousand_goes_half_up():
    assert round_to_unit(Decimal("57127350"), 1000) == 57_127_000
    assert round_to_unit(Decimal("57127500"), 1000) == 57_128_000
    assert round_to_unit(Decimal("57127499.99"), 1000) == 57_127_000


def test_a_fraction_of_a_rupiah_rounds_half_up():
    assert grow(8_798_355, Decimal(10), 1) == 9_678_191  # 9.678.190,5


def test_huge_amounts_stay_exact():
    assert grow(123_456_789_012_345, Decimal("2.5"), 1) == 126_543_208_737_654  # ,625


def test_flat_is_the_same_amount():
    assert grow(50_002_000, Decimal(0), 1000) == 50_002_000
