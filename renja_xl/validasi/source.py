"""What Validasi is given: a Renja, a workbook path, or two workbooks holding one table each."""

from __future__ import annotations

from pathlib import Path

from renja_xl.errors import RenjaError, WorkbookError
from renja_xl.model import Renja, TabelKind

__all__ = ["Source", "load_source"]

Source = Renja | str | Path


def _load(path: Path) -> Renja:
    """Read a workbook leniently: every oddity becomes something Validasi can report."""
    from renja_xl.workbook.reader import load

    try:
        return load(path, strict=False)
    except RenjaError as exc:
        raise exc.located(path) from None
    except (MemoryError, RecursionError):
        raise WorkbookError(
            "workbook terlalu besar atau terlalu rumit untuk dibaca", file=path
        ) from None
    except Exception as exc:  # whatever a hostile file does, the answer is "unreadable"
        raise WorkbookError(
            f"workbook tidak dapat dibaca ({type(exc).__name__}: {exc})", file=path
        ) from exc


def _renja(source: Source) -> tuple[Renja, str | None]:
    if isinstance(source, Renja):
        return source, None
    return _load(Path(source)), str(source)


def load_source(
    source: Source, other: Source | None = None
) -> tuple[Renja, dict[TabelKind, str | None]]:
    """The Renja to validate and, for each of its tables, the file it came from.

    With `other`, a table missing from the first source is taken from the second
    (Tabel 3.1 in one file and Tabel 4.1 in another).
    """
    renja, file = _renja(source)
    files: dict[TabelKind, str | None] = {t.kind: file for t in renja.tabel}
    if other is None:
        return renja, files
    second, second_file = _renja(other)
    renja = renja.model_copy()
    for attribute, kind in (("tabel31", TabelKind.TABEL_31), ("tabel41", TabelKind.TABEL_41)):
        if getattr(renja, attribute) is None and getattr(second, attribute) is not None:
            setattr(renja, attribute, getattr(second, attribute))
            files[kind] = second_file
    if second_file is not None and second_file not in files.values():
        raise RenjaError(
            "berkas kedua tidak menambah tabel: kedua berkas memuat tabel yang sama",
            file=second_file,
        )
    return renja, files
