"""Which workbooks a bulk command works on: files given, and the workbooks inside folders."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from renja_xl.errors import RenjaError

__all__ = ["WORKBOOK_SUFFIXES", "find_workbooks"]

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})


def find_workbooks(paths: Iterable[str | Path]) -> list[Path]:
    """Every workbook named or found (recursively) in the folders named, each once, absolute.

    Files in a folder come in name order; Excel lock files ("~$…"), hidden
    files and the backups renja_xl makes (".cadangan-") are skipped.
    """
    found: dict[Path, None] = {}
    for path in map(Path, paths):
        if path.is_dir():
            found.update(dict.fromkeys(_in_folder(path)))
        elif path.is_file():
            found[path.resolve()] = None
        else:
            raise RenjaError("berkas atau folder tidak ditemukan", file=path)
    return list(found)


def _in_folder(folder: Path) -> list[Path]:
    return sorted(
        p.resolve()
        for p in folder.rglob("*")
        if p.suffix.lower() in WORKBOOK_SUFFIXES and p.is_file() and _wanted(p.relative_to(folder))
    )


def _wanted(relative: Path) -> bool:
    name = relative.name
    hidden = any(part.startswith(".") for part in relative.parts)
    return not (hidden or name.startswith("~$") or ".cadangan-" in name)
