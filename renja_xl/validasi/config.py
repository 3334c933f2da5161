"""Which rules run, at which severity, with which limits: from arguments or a TOML file.

A configuration file (Bahasa Indonesia keys, since staff write it)::

    [aturan]
    nonaktif = ["indikator.empty", "kode.*"]    # rules switched off
    [aturan.tingkat]
    "pagu.maju_jump" = "error"                 # re-levelled: "error" or "warning"
    [batas]
    lonjakan_pagu_maju = 0.3                   # pagu.maju_jump: share of year N
    kemiripan_nama = 90                        # kode.name_mismatch: 0..100
    sumber_dana_tambahan = ["PAD"]             # extra recognised sumber dana
    nomenklatur_tambahan = ["ekspor_2026.xlsx"]  # kode.unknown: more known codes
                                               # (a SIPD-RI export or a CSV with `kode`)

`kode.unknown` checks the packaged regulation (Kepmendagri 900.1.15.5-1317/2023) and,
apart from it, the packaged list of codes observed in SIPD-RI exports ("sipd_buru"),
plus every list named in `nomenklatur_tambahan` or with `validasi --nomenklatur`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from renja_xl.errors import RenjaError
from renja_xl.validasi.finding import Severity

__all__ = ["Config", "ConfigError", "load_config"]


class ConfigError(RenjaError):
    """The Validasi configuration cannot be used (unknown rule, bad value)."""


@dataclass(frozen=True)
class Config:
    """Rule selection and limits for one validation."""

    disabled: frozenset[str] = frozenset()
    """Rule codes (or patterns like "kode.*") that do not run."""
    severity: Mapping[str, Severity] = field(default_factory=dict)
    """Rule code → severity that replaces the rule's default."""
    maju_jump_share: float = 0.5
    name_similarity: float = 92.0
    extra_sumber_dana: tuple[str, ...] = ()
    extra_nomenklatur: tuple[str, ...] = ("sipd_buru",)
    """Lists of known codes consulted besides the regulation (`renja_xl.nomenklatur.known`)."""

    def enabled(self, code: str) -> bool:
        """Whether the rule with this code runs."""
        return not any(fnmatchcase(code, pattern) for pattern in self.disabled)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity the rule's findings get."""
        return self.severity.get(code, default)

    def with_overrides(
        self,
        disable: Iterable[str] = (),
        severity: Mapping[str, str | Severity] | None = None,
    ) -> Config:
        """A copy with more rules switched off and some severities replaced."""
        levels = dict(self.severity) | {k: _severity(v, k) for k, v in (severity or {}).items()}
        return replace(self, disabled=self.disabled | frozenset(disable), severity=levels)

    def check_codes(self, known: Iterable[str]) -> None:
        """Refuse rule codes that match no rule (a typo would silently do nothing)."""
        known = list(known)
        for pattern in (*self.disabled, *self.severity):
            if not any(fnmatchcase(code, pattern) for code in known):
                raise ConfigError(f"aturan validasi tidak dikenal: {pattern!r}")


def _severity(value: object, code: str) -> Severity:
    try:
        return Severity(str(value).strip().lower())
    except ValueError:
        raise ConfigError(
            f"tingkat aturan {code!r} harus \"error\" atau \"warning\", bukan {value!r}"
        ) from None


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"bagian [{key}] harus berupa tabel TOML")
    return value


def _number(limits: Mapping[str, Any], key: str, default: float, top: float) -> float:
    value = limits.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= top:
        raise ConfigError(f"batas {key!r} harus angka antara 0 dan {top:g}, bukan {value!r}")
    return float(value)


def _strings(section: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = section.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key!r} harus daftar teks")
    return tuple(value)


def config_from_mapping(data: Mapping[str, Any]) -> Config:
    """A configuration from the parsed contents of a TOML file."""
    rules = _table(data, "aturan")
    limits = _table(data, "batas")
    defaults = Config()
    return Config(
        disabled=frozenset(_strings(rules, "nonaktif")),
        severity={k: _severity(v, k) for k, v in _table(rules, "tingkat").items()},
        maju_jump_share=_number(limits, "lonjakan_pagu_maju", defaults.maju_jump_share, 100),
        name_similarity=_number(limits, "kemiripan_nama", defaults.name_similarity, 100),
        extra_sumber_dana=_strings(limits, "sumber_dana_tambahan"),
        extra_nomenklatur=defaults.extra_nomenklatur + _strings(limits, "nomenklatur_tambahan"),
    )


def load_config(path: str | Path) -> Config:
    """Read a Validasi configuration file (TOML)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError("berkas konfigurasi tidak ditemukan", file=path) from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"berkas konfigurasi tidak dapat dibaca ({exc})", file=path) from None
    try:
        return config_from_mapping(data)
    except ConfigError as exc:
        raise exc.located(path) from None
