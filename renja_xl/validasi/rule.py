"""How a rule is declared: a stable code, a default severity, a documented check.

Rules are plain functions registered with `@rule(code, severity)`; the
engine decides when and how they run. A rule yields `Problem`s (what and
where); the engine turns them into `Finding`s with the configured severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from renja_xl.model import Baris, Tabel
from renja_xl.validasi.finding import Severity, Value

__all__ = ["RULES", "Problem", "Rule", "Scope", "rule"]


class Scope(StrEnum):
    """What a rule looks at: one table at a time, or the whole Renja."""

    TABEL = "tabel"
    RENJA = "renja"


class Problem(NamedTuple):
    """What a rule found, before it gets its code and severity."""

    tabel: Tabel
    baris: Baris
    field: str
    message: str
    expected: Value = None
    actual: Value = None
    related: str | None = None


Check = Callable[[Any], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A declared rule: code, default severity, scope and the check itself."""

    code: str
    severity: Severity
    scope: Scope
    check: Check

    @property
    def description(self) -> str:
        """The first line of the check's docstring."""
        return (self.check.__doc__ or "").strip().splitlines()[0]


RULES: dict[str, Rule] = {}
"""Every declared rule by code, in declaration order."""


def rule(code: str, severity: Severity, scope: Scope = Scope.TABEL) -> Callable[[Check], Check]:
    """Declare a check function as the rule `code`."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule {code!r} declared twice")
        RULES[code] = Rule(code, severity, scope, check)
        return check

    return register
