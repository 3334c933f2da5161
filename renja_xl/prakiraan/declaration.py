"""Turning declared settings (TOML tables, sheet rows) into a `ProjectionRule` or `ProjectionRules`.

Both the TOML file and the "Aturan" sheet use the same Indonesian keys:

    program, kegiatan, sub_kegiatan, sumber_dana   the scope (kode or name)
    kenaikan                                       growth of the pagu, "5%"
    kenaikan_target / tambah_target                targets grow by % / by a number
    lewati                                         leave N+1 empty (the row ends)
    keterangan                                     a note for people

and, for the whole file, `kenaikan`, `pembulatan`, `kenaikan_target`, `tambah_target`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from renja_xl.prakiraan.rules import ProjectionRule, ProjectionRules
from renja_xl.prakiraan.values import parse_flag, parse_percent, parse_unit

__all__ = ["DEFAULT_KEYS", "RULE_KEYS", "SCOPE_KEYS", "defaults_from", "rule_from"]

SCOPE_KEYS = ("program", "kegiatan", "sub_kegiatan", "sumber_dana")
RULE_KEYS = (*SCOPE_KEYS, "kenaikan", "kenaikan_target", "tambah_target", "lewati", "keterangan")
DEFAULT_KEYS = ("kenaikan", "pembulatan", "kenaikan_target", "tambah_target")


class DeclarationError(ValueError):
    """A declared value that cannot be used; `key` names the setting."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


def _value(key: str, parse: Any, raw: object, **options: Any) -> Any:
    try:
        return parse(raw, **options)
    except ValueError as exc:
        raise DeclarationError(key, str(exc)) from None


def _text(key: str, raw: object) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise DeclarationError(key, f"harus berupa teks, bukan {raw!r}")
    text = str(raw).strip()
    return text or None


def _percent(key: str, raw: object, fraction_numbers: bool) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return _value(key, parse_percent, raw, fraction_numbers=fraction_numbers)


def _step(key: str, raw: object) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return _percent(key, str(raw).replace("%", ""), fraction_numbers=False)


def rule_from(values: Mapping[str, object], origin: str, *, fraction_numbers: bool = False
              ) -> ProjectionRule:
    """A `ProjectionRule` from declared keys; unknown keys and bad values raise DeclarationError."""
    unknown = sorted(set(values) - set(RULE_KEYS))
    if unknown:
        raise DeclarationError(unknown[0], "kunci tidak dikenal (yang dikenal: "
                               + ", ".join(RULE_KEYS) + ")")
    skip = values.get("lewati")
    try:
        return ProjectionRule(
            **{key: _text(key, values.get(key)) for key in SCOPE_KEYS},
            growth=_percent("kenaikan", values.get("kenaikan"), fraction_numbers),
            target_growth=_percent("kenaikan_target", values.get("kenaikan_target"),
                                   fraction_numbers),
            target_step=_step("tambah_target", values.get("tambah_target")),
            skip=None if skip is None else _value("lewati", parse_flag, skip),
            note=_text("keterangan", values.get("keterangan")) or "",
            origin=origin,
        )
    except DeclarationError:
        raise
    except ValueError as exc:
        raise DeclarationError("kenaikan_target", str(exc)) from None


def defaults_from(values: Mapping[str, object], *, fraction_numbers: bool = False) -> dict:
    """Keyword arguments for `ProjectionRules` from the file-wide settings."""
    out: dict[str, Any] = {}
    if values.get("kenaikan") is not None:
        out["growth"] = _percent("kenaikan", values["kenaikan"], fraction_numbers)
    if values.get("pembulatan") is not None:
        out["rounding"] = _value("pembulatan", parse_unit, values["pembulatan"])
    if values.get("kenaikan_target") is not None:
        out["target_growth"] = _percent("kenaikan_target", values["kenaikan_target"],
                                        fraction_numbers)
    if values.get("tambah_target") is not None:
        out["target_step"] = _step("tambah_target", values["tambah_target"])
    return {k: v for k, v in out.items() if v is not None}


def build_rules(defaults: Mapping[str, Any], rules: list[ProjectionRule], origin: str
                ) -> ProjectionRules:
    """`ProjectionRules` from the settings and rules, with conflicting settings refused."""
    try:
        return ProjectionRules(**defaults, rules=tuple(rules), origin=origin)
    except ValueError as exc:
        raise DeclarationError("pengaturan", str(exc)) from None
