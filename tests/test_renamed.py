"""Names renamed in 0.2 still work until 0.3: the same object, with a DeprecationWarning."""

import importlib

import pytest

# (module, old name, new name): every alias the README promises.
PROMISED = [
    ("renja_xl", "isi_kode", "fill_kode"),
    ("renja_xl", "next_year", "make_tahun_depan"),
    ("renja_xl", "Rules", "ProjectionRules"),
    ("renja_xl.nomenklatur", "isi_kode", "fill_kode"),
    ("renja_xl.tahun_depan", "next_year", "make_tahun_depan"),
    ("renja_xl.tahun_depan", "NextYear", "TahunDepan"),
    ("renja_xl.prakiraan", "Rules", "ProjectionRules"),
    ("renja_xl.prakiraan", "Rule", "ProjectionRule"),
    ("renja_xl.prakiraan", "Scope", "Lineage"),
    ("renja_xl.prakiraan", "Report", "FillResult"),
    ("renja_xl.bulk", "make_next_year", "write_tahun_depan"),
    ("renja_xl.bulk", "plan_next_year", "plan_tahun_depan"),
    ("renja_xl.bulk", "NextYearFile", "TahunDepanFile"),
    ("renja_xl.bulk", "NextYearTask", "TahunDepanTask"),
]


@pytest.mark.parametrize(("module", "old", "new"), PROMISED)
def it_answers_an_old_name_with_the_new_object_and_a_warning(module, old, new) -> None:
    imported = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=f"{module}.{new}"):
        assert getattr(imported, old) is getattr(imported, new)
    assert old not in imported.__all__
    assert new in imported.__all__


def it_lists_exactly_the_promised_aliases_in_each_module() -> None:
    for module in {m for m, _, _ in PROMISED}:
        promised = {old: new for m, old, new in PROMISED if m == module}
        assert promised == importlib.import_module(module)._RENAMED, module


def it_still_imports_an_old_name_with_from_import() -> None:
    with pytest.warns(DeprecationWarning):
        from renja_xl.prakiraan import Rules
    from renja_xl.prakiraan import ProjectionRules

    assert Rules is ProjectionRules


def it_refuses_a_name_that_never_existed() -> None:
    import renja_xl.prakiraan

    with pytest.raises(AttributeError, match="tidak_ada"):
        renja_xl.prakiraan.tidak_ada  # noqa: B018
