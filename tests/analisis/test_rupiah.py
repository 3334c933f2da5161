"""Rupiah written short for chart axes, the Indonesian way."""

import pytest

from renja_xl.analisis import format_rupiah_compact, rupiah_formatter, unit_for


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (14_428_928_570, "Rp 14,43 miliar"),
        (1_500_000_000, "Rp 1,5 miliar"),
        (250_000_000, "Rp 250 juta"),
        (2_500_000_000_000, "Rp 2,5 triliun"),
        (-175_000_000, "-Rp 175 juta"),
        (0, "Rp 0"),
        (750, "Rp 750"),
        (None, "-"),
    ],
)
def test_each_amount_takes_its_own_unit(amount: int | None, expected: str) -> None:
    assert format_rupiah_compact(amount) == expected


def test_a_fixed_unit_keeps_every_tick_in_the_same_unit() -> None:
    assert format_rupiah_compact(250_000_000, "miliar") == "Rp 0,25 miliar"
    assert format_rupiah_compact(1_500_000_000_000, "miliar") == "Rp 1.500 miliar"


def test_abbreviated_units_are_m_and_jt() -> None:
    assert format_rupiah_compact(1_500_000_000, abbreviate=True) == "Rp 1,5 M"
    assert format_rupiah_compact(57_127_350, abbreviate=True) == "Rp 57,13 jt"


def test_float_noise_from_tick_positions_disappears() -> None:
    assert format_rupiah_compact(1.2000000000000002e9) == "Rp 1,2 miliar"


def test_unit_for_picks_the_largest_unit_not_bigger_than_the_amount() -> None:
    assert unit_for(14_428_928_570) == "miliar"
    assert unit_for(999_999_999) == "juta"
    assert unit_for(-2_000_000) == "juta"
    assert unit_for(999) is None


def test_the_matplotlib_formatter_labels_ticks_in_rupiah() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    formatter = rupiah_formatter("miliar")
    assert formatter(5e9, 0) == "Rp 5 miliar"
    figure, axes = plt.subplots()
    axes.bar(["a", "b"], [1_500_000_000, 3_000_000_000])
    axes.yaxis.set_major_formatter(formatter)
    figure.canvas.draw()
    labels = [t.get_text() for t in axes.get_yticklabels() if t.get_text()]
    plt.close(figure)
    assert "Rp 0" in labels
    assert all(label.startswith("Rp ") for label in labels)
    assert any(label.endswith(" miliar") for label in labels)
