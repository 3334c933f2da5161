"""What an analysis reads: a Renja, a workbook, a folder of workbooks, or a list of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from renja_xl.errors import RenjaError
from renja_xl.model import Renja
from renja_xl.workbook.reader import load

__all__ = ["Loaded", "Source", "expand_sources", "load_sources"]

Source = Renja | str | Path | Iterable["Renja | str | Path"]
"""One Renja, one workbook path, one folder, or any mix of them in a list."""

_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Loaded:
    """A Renja and the workbook it was read from (None when given in memory)."""

    renja: Renja
    file: Path | None = None


def _is_workbook(path: Path) -> bool:
    # Skip Excel's lock files (~$...) and the backups safe saving leaves (.cadangan-).
    name = path.name
    return (
        path.is_file()
        and path.suffix.lower() in _SUFFIXES
        and not name.startswith(("~$", "."))
        and ".cadangan-" not in name
    )


def _folder(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if _is_workbook(p))
    if not files:
        raise RenjaError("folder tidak memuat buku kerja .xlsx", file=folder)
    return files


def expand_sources(source: Source) -> list[Renja | Path]:
    """Every Renja and workbook path a source names, folders opened, in order."""
    if isinstance(source, Renja):
        return [source]
    if isinstance(source, str | Path):
        path = Path(source)
        if path.is_dir():
            return list(_folder(path))
        if not path.exists():
            raise RenjaError("berkas tidak ditemukan", file=path)
        return [path]
    return [item for each in source for item in expand_sources(each)]


def load_sources(source: Source, *, strict: bool = True) -> list[Loaded]:
    """Read every workbook a source names (see `renja_xl.workbook.reader.load`)."""
    return [
        Loaded(item) if isinstance(item, Renja) else Loaded(load(item, strict=strict), item)
        for item in expand_sources(source)
    ]
