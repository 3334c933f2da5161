"""Prakiraan maju: next year's (N+1) pagu and targets of Tabel 3.1, by declared rules.

    from renja_xl.example import load_example
    from renja_xl.prakiraan import ProjectionRules, fill_prakiraan, load_rules

    renja = load_example()
    report = fill_prakiraan(renja, load_rules("aturan.toml"))
    for fill in report.fills:
        print(fill.row, fill.field, fill.old, fill.new, fill.rule)

Pure functions over the model: no workbook is touched here.
"""

from renja_xl import _renamed
from renja_xl.prakiraan.fill import Fill, FillResult, Skip, fill_prakiraan
from renja_xl.prakiraan.rounding import grow, round_to_unit
from renja_xl.prakiraan.rules import Decision, Lineage, ProjectionRule, ProjectionRules
from renja_xl.prakiraan.sheet_rules import SHEET_NAME, rules_from_rows
from renja_xl.prakiraan.targets import project_target
from renja_xl.prakiraan.toml_rules import load_example_rules, load_rules, rules_from_toml
from renja_xl.prakiraan.values import parse_percent

__all__ = [
    "SHEET_NAME",
    "Decision",
    "Fill",
    "FillResult",
    "Lineage",
    "ProjectionRule",
    "ProjectionRules",
    "Skip",
    "fill_prakiraan",
    "grow",
    "load_example_rules",
    "load_rules",
    "parse_percent",
    "project_target",
    "round_to_unit",
    "rules_from_rows",
    "rules_from_toml",
]

# Old names (0.1), kept until 0.3 with a DeprecationWarning.
_RENAMED = {
    "Report": "FillResult",
    "Rule": "ProjectionRule",
    "Rules": "ProjectionRules",
    "Scope": "Lineage",
}
__getattr__ = _renamed.module_getattr(__name__, _RENAMED)
