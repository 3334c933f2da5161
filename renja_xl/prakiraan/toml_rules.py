"""Projection rules declared in a TOML file.

    kenaikan = "5%"          # default growth of the pagu
    pembulatan = 1000        # new pagu round to Rp 1.000, half up

    [[aturan]]
    program = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"
    kenaikan = "10%"

    [[aturan]]
    sub_kegiatan = "Penyediaan Barang Cetak dan Penggandaan"
    kenaikan = "tetap"
    keterangan = "pagu tetap"

See `renja_xl.prakiraan.declaration` for every key.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from renja_xl.errors import RenjaError
from renja_xl.prakiraan.declaration import (
    DEFAULT_KEYS,
    DeclarationError,
    build_rules,
    defaults_from,
    rule_from,
)
from renja_xl.prakiraan.rules import ProjectionRule, ProjectionRules

__all__ = ["load_example_rules", "load_rules", "rules_from_toml"]

_EXAMPLE = "aturan_dharmasraya.toml"


def load_rules(path: str | Path) -> ProjectionRules:
    """Projection rules from a TOML file; RenjaError, naming the file, when it cannot be used."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise RenjaError(f"berkas aturan tidak dapat dibaca ({exc.strerror})", file=path) from None
    except UnicodeDecodeError:
        raise RenjaError("berkas aturan bukan teks UTF-8", file=path) from None
    try:
        return rules_from_toml(text, origin=path.name)
    except RenjaError as exc:
        raise exc.located(path) from None


def rules_from_toml(text: str, origin: str = "aturan") -> ProjectionRules:
    """Projection rules from the text of a TOML rules file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RenjaError(f"bukan TOML yang benar: {exc}") from None
    unknown = sorted(set(data) - {*DEFAULT_KEYS, "aturan"})
    if unknown:
        raise RenjaError(f"kunci tidak dikenal '{unknown[0]}' (yang dikenal: "
                         + ", ".join((*DEFAULT_KEYS, "[[aturan]]")) + ")")
    try:
        defaults = defaults_from(data)
        rules = _rules(data.get("aturan", []), origin)
        return build_rules(defaults, rules, origin)
    except DeclarationError as exc:
        raise RenjaError(str(exc)) from None


def _rules(tables: object, origin: str) -> list[ProjectionRule]:
    if not isinstance(tables, list):
        raise DeclarationError("aturan", "tulis setiap aturan sebagai [[aturan]]")
    rules = []
    for number, table in enumerate(tables, start=1):
        where = f"{origin}, aturan ke-{number}"
        if not isinstance(table, dict):
            raise DeclarationError("aturan", f"{where} bukan tabel [[aturan]]")
        try:
            rules.append(rule_from(table, where))
        except DeclarationError as exc:
            raise RenjaError(f"{where}, {exc}") from None
    return rules


def load_example_rules() -> ProjectionRules:
    """The rules that reproduce the Dharmasraya 2023 prakiraan maju (packaged example)."""
    text = resources.files("renja_xl.prakiraan").joinpath(_EXAMPLE).read_text("utf-8")
    return rules_from_toml(text, origin=_EXAMPLE)
