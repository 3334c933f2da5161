"""Filling the prakiraan maju (N+1) columns of Tabel 3.1 from year N.

`fill_prakiraan` changes the table in place and returns a `FillResult` of every
cell it filled and every row it left alone, with the rule behind each, in
Bahasa Indonesia. Only empty cells are filled unless `timpa=True`; a sub
kegiatan whose N+1 cells hold "-" ends this year and is not projected. The
program, kegiatan and JUMLAH rows above the filled sub kegiatan are then set
to the sum of their rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from renja_xl.errors import RenjaError
from renja_xl.hierarchy import parent_index
from renja_xl.model import Baris, Level, Renja, Tabel, Target
from renja_xl.numbers import format_rupiah, is_empty_mark
from renja_xl.prakiraan.rounding import grow
from renja_xl.prakiraan.rules import Decision, Lineage, ProjectionRule, ProjectionRules
from renja_xl.prakiraan.targets import project_target
from renja_xl.prakiraan.values import format_percent
from renja_xl.totals import expected_totals

__all__ = ["Fill", "FillResult", "Skip", "fill_prakiraan"]

_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)
_TOTAL_RULE = "jumlah baris di bawahnya"


@dataclass(frozen=True)
class Fill:
    """One N+1 cell that was filled: `rule` says which rule, `how` the arithmetic."""

    index: int
    baris: Baris
    field: str
    old: int | str | None
    new: int | str | None
    rule: str
    how: str
    total: bool = False

    @property
    def row(self) -> int | None:
        """The sheet row of the cell, when the table came from a workbook."""
        return self.baris.asal.row if self.baris.asal else None


@dataclass(frozen=True)
class Skip:
    """A row whose empty N+1 cells were left empty, and why."""

    index: int
    baris: Baris
    reason: str

    @property
    def row(self) -> int | None:
        """The sheet row, when the table came from a workbook."""
        return self.baris.asal.row if self.baris.asal else None


@dataclass
class FillResult:
    """Everything `fill_prakiraan` did: filled cells (sub kegiatan first, then totals)."""

    fills: list[Fill] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)

    @property
    def totals(self) -> list[Fill]:
        """The program, kegiatan and JUMLAH figures that were recomputed."""
        return [f for f in self.fills if f.total]

    def filled(self, field_name: str) -> list[Fill]:
        """The cells of one field ("pagu_maju" or "target_maju") filled from a rule."""
        return [f for f in self.fills if f.field == field_name and not f.total]


def fill_prakiraan(source: Renja | Tabel, rules: ProjectionRules | None = None, *,
                   timpa: bool = False) -> FillResult:
    """Fill the empty pagu_maju and target_maju cells of Tabel 3.1 by `rules`.

    With `timpa=True` cells that already hold a value are recomputed too.
    """
    tabel = _tabel31(source)
    rules = rules or ProjectionRules()
    report = FillResult()
    filled_rows: set[int] = set()
    for index, lineage in _lineages(tabel.baris).items():
        row = tabel.baris[index]
        decision = rules.decide(lineage)
        if _skipped(index, row, decision, timpa, report):
            continue
        if row.level is Level.SUB_KEGIATAN and _fill_pagu(index, row, decision, rules, timpa,
                                                           report):
            filled_rows.add(index)
        _fill_target(index, row, decision, timpa, report)
    _recompute_above(tabel, filled_rows, report)
    return report


def _tabel31(source: Renja | Tabel) -> Tabel:
    tabel = source.tabel31 if isinstance(source, Renja) else source
    if tabel is None or not tabel.has_maju:
        raise RenjaError("tidak ada Tabel 3.1 (kolom prakiraan maju) untuk diisi")
    return tabel


def _lineages(baris: list[Baris]) -> dict[int, Lineage]:
    """The lineage of every program, kegiatan and sub kegiatan row, by row index."""
    parents = parent_index(baris)
    lineages: dict[int, Lineage] = {}
    for index, row in enumerate(baris):
        if row.level not in _LEVELS:
            continue
        chain = _chain(index, baris, parents)
        lineages[index] = Lineage(
            program=chain.get(Level.PROGRAM),
            kegiatan=chain.get(Level.KEGIATAN),
            sub_kegiatan=chain.get(Level.SUB_KEGIATAN),
            sumber_dana=_sumber_dana(row, chain),
        )
    return lineages


def _chain(index: int, baris: list[Baris], parents: list[int | None]) -> dict[Level, Baris]:
    chain: dict[Level, Baris] = {}
    current: int | None = index
    while current is not None:
        chain.setdefault(baris[current].level, baris[current])
        current = parents[current]
    return chain


def _sumber_dana(row: Baris, chain: dict[Level, Baris]) -> str:
    candidates = [row, chain.get(Level.KEGIATAN), chain.get(Level.PROGRAM)]
    return next((c.sumber_dana.strip() for c in candidates if c and c.sumber_dana.strip()), "")


def _has_value(row: Baris, field_name: str) -> bool:
    """Whether the N+1 cell holds anything at all ("-" included)."""
    if field_name in row.raw:
        return True
    if field_name == "target_maju":
        return bool(row.target_maju.teks.strip())
    return getattr(row, field_name) is not None


def _marked_ended(row: Baris) -> bool:
    """Whether an N+1 cell of the row holds "-": the row ends this year."""
    cells = [row.target_maju.teks]
    raw = row.raw.get("pagu_maju")
    if raw is not None and isinstance(raw.value, str):
        cells.append(raw.value)
    return any(c.strip() and is_empty_mark(c) for c in cells)


def _has_gap(row: Baris) -> bool:
    fields = ["target_maju"] + (["pagu_maju"] if row.level is Level.SUB_KEGIATAN else [])
    return any(not _has_value(row, f) for f in fields)


def _skipped(index: int, row: Baris, decision: Decision, timpa: bool, report: FillResult) -> bool:
    if decision.skip:
        if _has_gap(row):
            reason = f"dilewati menurut aturan ({_rule_text(decision.skip_rule)})"
            report.skipped.append(Skip(index, row, reason))
        return True
    if not timpa and _marked_ended(row):
        if row.level is Level.SUB_KEGIATAN and not _has_value(row, "pagu_maju"):
            report.skipped.append(Skip(index, row, "sel tahun N+1 berisi '-' (tidak dilanjutkan)"))
        return True
    return False


def _fill_pagu(index: int, row: Baris, decision: Decision, rules: ProjectionRules, timpa: bool,
               report: FillResult) -> bool:
    if _has_value(row, "pagu_maju") and not timpa:
        return False
    if row.pagu is None:
        reason = "pagu tahun N bukan angka" if "pagu" in row.raw else "tidak ada pagu tahun N"
        report.skipped.append(Skip(index, row, reason))
        return False
    new = grow(row.pagu, decision.growth, rules.rounding)
    old = row.pagu_maju
    if old == new and "pagu_maju" not in row.raw:
        return False
    row.pagu_maju = new
    row.raw.pop("pagu_maju", None)
    how = _pagu_how(row.pagu, decision, rules, new)
    rule = _rule_text(decision.growth_rule, rules)
    report.fills.append(Fill(index, row, "pagu_maju", old, new, rule, how))
    return True


def _pagu_how(pagu: int, decision: Decision, rules: ProjectionRules, new: int) -> str:
    if decision.growth == 0:
        return f"{format_rupiah(pagu)} tetap"
    how = f"{format_rupiah(pagu)} + {format_percent(decision.growth)} = {format_rupiah(new)}"
    if rules.rounding > 1:
        how += f" (dibulatkan ke Rp {format_rupiah(rules.rounding)})"
    return how


def _fill_target(index: int, row: Baris, decision: Decision, timpa: bool,
                 report: FillResult) -> None:
    source = row.target.teks.strip()
    if not source or is_empty_mark(source) or (_has_value(row, "target_maju") and not timpa):
        return
    change = project_target(row.target, decision.target_growth, decision.target_step)
    old = row.target_maju.teks
    if old == change.target.teks and "target_maju" not in row.raw:
        return
    row.target_maju = Target.from_text(change.target.teks)
    row.raw.pop("target_maju", None)
    rule = _target_rule_text(decision)
    report.fills.append(
        Fill(index, row, "target_maju", old or None, change.target.teks, rule, change.how)
    )


def _target_rule_text(decision: Decision) -> str:
    if decision.target_rule is not None:
        return _rule_text(decision.target_rule)
    if decision.target_growth is None and decision.target_step is None:
        return "target dibawa ke tahun N+1"
    return "kenaikan target bawaan"


def _rule_text(rule: ProjectionRule | None, rules: ProjectionRules | None = None) -> str:
    if rule is None:
        return rules.describe_default() if rules else "aturan bawaan"
    return rule.describe()


def _recompute_above(tabel: Tabel, filled_rows: set[int], report: FillResult) -> None:
    if not filled_rows:
        return
    affected = _ancestors(tabel.baris, filled_rows)
    for (index, field_name), new in sorted(expected_totals(tabel).items()):
        row = tabel.baris[index]
        if field_name != "pagu_maju" or not (index in affected or row.level is Level.JUMLAH):
            continue
        old = row.pagu_maju
        if old != new:
            row.pagu_maju = new
            report.fills.append(Fill(index, row, field_name, old, new, _TOTAL_RULE,
                                     f"= {format_rupiah(new)}", total=True))


def _ancestors(baris: list[Baris], rows: set[int]) -> set[int]:
    parents = parent_index(baris)
    found: set[int] = set()
    for index in rows:
        current = parents[index]
        while current is not None and current not in found:
            found.add(current)
            current = parents[current]
    return found
