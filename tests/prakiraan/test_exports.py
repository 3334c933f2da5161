"""The public surface of renja_xl.prakiraan: one sorted list, every name importable."""

import renja_xl.prakiraan as prakiraan


def test_all_is_sorted_and_complete():
    assert prakiraan.__all__ == sorted(prakiraan.__all__, key=lambda n: (not n.isupper(), n))
    for name in prakiraan.__all__:
        assert getattr(prakiraan, name) is not None


def test_the_main_entry_points_are_public():
    assert {"ProjectionRules", "ProjectionRule", "fill_prakiraan", "load_rules",
            "rules_from_rows"} <= set(prakiraan.__all__)
