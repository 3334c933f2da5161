"""Projection rules: how next year's figures follow from this year's.

`ProjectionRules` holds the defaults (growth of the pagu in percent, rounding unit, what
happens to targets) and a list of `ProjectionRule` overrides. A rule is scoped by any of
program, kegiatan, sub kegiatan (each matched by kode or by name, ignoring case
and spacing; a trailing "*" matches a name's beginning) and sumber dana. A rule
on a program reaches its kegiatan and sub kegiatan; the most specific matching
rule decides, separately for the pagu, the target and skipping:

    sub kegiatan  >  kegiatan  >  program  >  sumber dana only  >  defaults

and, at the same level, a rule that also names a sumber dana beats one that
does not; among equals the one declared last wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from renja_xl.model import Baris
from renja_xl.prakiraan.values import format_percent

__all__ = ["Decision", "Lineage", "ProjectionRule", "ProjectionRules", "rule_text"]

_SPACES = re.compile(r"\s+")
_PROGRAM_PREFIX = "program "


def rule_text(text: str) -> str:
    """A name or code as rules compare it: case-folded, spacing collapsed."""
    return _SPACES.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class Lineage:
    """Where a row sits: its program, kegiatan and sub kegiatan rows and its sumber dana.

    `sumber_dana` is the row's own, or the nearest parent's when its cell is empty.
    """

    program: Baris | None = None
    kegiatan: Baris | None = None
    sub_kegiatan: Baris | None = None
    sumber_dana: str = ""


def _matches_row(pattern: str, row: Baris | None, is_program: bool = False) -> bool:
    if row is None:
        return False
    wanted = rule_text(pattern)
    if row.kode and wanted == rule_text(row.kode):
        return True
    return _matches_name(wanted, rule_text(row.uraian), is_program)


def _matches_name(wanted: str, name: str, is_program: bool) -> bool:
    candidates = {name}
    if is_program:
        candidates.add(name.removeprefix(_PROGRAM_PREFIX))
        wanted = wanted.removeprefix(_PROGRAM_PREFIX)
    if wanted.endswith("*"):
        stem = wanted[:-1].rstrip()
        return any(c.startswith(stem) for c in candidates)
    return wanted in candidates


@dataclass(frozen=True)
class ProjectionRule:
    """One override: a scope and what it sets (None = leave to a wider rule).

    `growth` is the pagu's growth in percent; `target_growth` (percent) or
    `target_step` (added to the number) make targets grow; `skip` leaves the
    rows' N+1 cells empty (a sub kegiatan that ends this year).
    """

    program: str | None = None
    kegiatan: str | None = None
    sub_kegiatan: str | None = None
    sumber_dana: str | None = None
    growth: Decimal | None = None
    target_growth: Decimal | None = None
    target_step: Decimal | None = None
    skip: bool | None = None
    note: str = ""
    origin: str = ""

    def __post_init__(self) -> None:
        if self.target_growth is not None and self.target_step is not None:
            raise ValueError("satu aturan hanya boleh berisi kenaikan target atau tambah target")

    def matches(self, lineage: Lineage) -> bool:
        """Whether this rule reaches a row of this `lineage`."""
        checks = [
            self.program is None or _matches_row(self.program, lineage.program, is_program=True),
            self.kegiatan is None or _matches_row(self.kegiatan, lineage.kegiatan),
            self.sub_kegiatan is None or _matches_row(self.sub_kegiatan, lineage.sub_kegiatan),
            self.sumber_dana is None
            or rule_text(self.sumber_dana) == rule_text(lineage.sumber_dana),
        ]
        return all(checks)

    @property
    def specificity(self) -> tuple[int, bool]:
        """(deepest level named: 0 none … 3 sub kegiatan, names a sumber dana)."""
        depth = max(
            (d for d, v in ((1, self.program), (2, self.kegiatan), (3, self.sub_kegiatan)) if v),
            default=0,
        )
        return depth, self.sumber_dana is not None

    @property
    def sets_target(self) -> bool:
        """Whether this rule says how targets grow."""
        return self.target_growth is not None or self.target_step is not None

    def describe(self) -> str:
        """The rule as users read it: where it was declared and what it reaches."""
        parts = [
            f"{label} '{value}'"
            for label, value in (
                ("sub kegiatan", self.sub_kegiatan),
                ("kegiatan", self.kegiatan),
                ("program", self.program),
                ("sumber dana", self.sumber_dana),
            )
            if value is not None
        ]
        scope = ", ".join(parts) or "semua baris"
        return f"{self.origin}: {scope}" if self.origin else scope


@dataclass(frozen=True)
class Decision:
    """What the rules say for one row, and which rule said it (None = default)."""

    growth: Decimal
    growth_rule: ProjectionRule | None
    target_growth: Decimal | None
    target_step: Decimal | None
    target_rule: ProjectionRule | None
    skip: bool
    skip_rule: ProjectionRule | None


@dataclass(frozen=True)
class ProjectionRules:
    """Defaults plus overrides. `rounding` is the unit, in rupiah, new pagu round to."""

    growth: Decimal = Decimal(5)
    rounding: int = 1000
    target_growth: Decimal | None = None
    target_step: Decimal | None = None
    rules: tuple[ProjectionRule, ...] = field(default_factory=tuple)
    origin: str = ""

    def __post_init__(self) -> None:
        if self.rounding < 1:
            raise ValueError("satuan pembulatan harus 1 rupiah atau lebih")
        if self.target_growth is not None and self.target_step is not None:
            raise ValueError("isi kenaikan target atau tambah target, bukan keduanya")

    def with_defaults(self, growth: Decimal | None = None, rounding: int | None = None
                      ) -> ProjectionRules:
        """A copy with the default growth and/or rounding replaced (e.g. from the command line)."""
        return replace(
            self,
            growth=self.growth if growth is None else growth,
            rounding=self.rounding if rounding is None else rounding,
        )

    def decide(self, lineage: Lineage) -> Decision:
        """The growth, target policy and skipping that apply to a row of this `lineage`."""
        matching = [r for r in self.rules if r.matches(lineage)]
        growth_rule = _most_specific(r for r in matching if r.growth is not None)
        target_rule = _most_specific(r for r in matching if r.sets_target)
        skip_rule = _most_specific(r for r in matching if r.skip is not None)
        return Decision(
            growth=growth_rule.growth if growth_rule and growth_rule.growth is not None
            else self.growth,
            growth_rule=growth_rule,
            target_growth=target_rule.target_growth if target_rule else self.target_growth,
            target_step=target_rule.target_step if target_rule else self.target_step,
            target_rule=target_rule,
            skip=bool(skip_rule and skip_rule.skip),
            skip_rule=skip_rule,
        )

    def describe_default(self) -> str:
        """The defaults as users read them."""
        return f"kenaikan bawaan {format_percent(self.growth)}"


def _most_specific(rules: Iterable[ProjectionRule]) -> ProjectionRule | None:
    best: ProjectionRule | None = None
    for rule in rules:
        if best is None or rule.specificity >= best.specificity:
            best = rule
    return best
