"""Find Tabel 3.1 and Tabel 4.1 in a sheet by their header text, not by position.

A header is a row naming the indicator column and the name column, optionally
followed by a second header row (Lokasi, Target, ...) under merged group
headings, and by the row of column numbers 1..n. Tables pasted from a PDF
repeat that header on every page: such repeats are recognised and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renja_xl.model import TabelKind
from renja_xl.workbook.grid import Grid

__all__ = ["Region", "find_regions", "is_number_row", "is_repeat_header"]

_YEAR = re.compile(r"\b(20\d\d)\b")
_MAJU = ("maju", "prakiraan", "perkiraan", "n+1")
HEADER_SCAN_LIMIT = 2000
"""Header rows are looked for among the first rows of a sheet only."""


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("\n", " ").split())


@dataclass
class Region:
    """Where one table lies in a sheet and what each column holds."""

    kind: TabelKind
    sheet: str
    header_row: int
    data_start: int
    end_row: int
    columns: dict[str, int]
    tahun: int | None = None
    tahun_maju: int | None = None
    header_texts: dict[int, str] = field(default_factory=dict)
    """Normalised header text by column, to recognise repeats of the header."""
    header_words: frozenset[str] = frozenset()
    """Every normalised text of both header rows (repeats of either are skipped)."""
    kode_parts: tuple[int, ...] = ()
    """The columns of a Kode split over five (Urusan, Bidang, Program, Kegiatan, Sub
    Kegiatan), as SIPD-era tables print it; empty for a one-column Kode."""


def _classify(label: str, group: str, taken: dict[str, int]) -> str | None:
    text = f"{group} {label}"
    maju = any(word in text for word in _MAJU)
    if label.startswith("kode") or label == "kode":
        return "kode"
    if "indikator" in label:
        return "indikator"
    if "urusan" in label or "program/kegiatan" in label or label.startswith("uraian"):
        return "uraian"
    if "lokasi" in label:
        return "lokasi"
    if "target" in label:
        return "target_maju" if maju or "target" in taken else "target"
    if "pagu" in label or "kebutuhan dana" in label or label.startswith("dana"):
        return "pagu_maju" if maju or "pagu" in taken else "pagu"
    if "sumber dana" in label:
        return "sumber_dana"
    if label.startswith(("catatan", "ket")):
        return "catatan"
    return None


def _group_labels(grid: Grid, row: int) -> dict[int, str]:
    """Group heading text over each column of a header row (merged cells spread)."""
    labels: dict[int, str] = {}
    for first_row, first_col, last_row, last_col in grid.merged:
        if first_row == row == last_row and last_col > first_col:
            text = _norm(grid.text(row, first_col))
            for col in range(first_col, last_col + 1):
                labels[col] = text
    return labels


def _read_header(
    grid: Grid, row: int
) -> tuple[dict[str, int], dict[int, str], list[str], bool, tuple[int, ...]]:
    top = {c: _norm(cell.text) for c, cell in grid.rows.get(row, {}).items() if cell.text}
    sub = {c: _norm(cell.text) for c, cell in grid.rows.get(row + 1, {}).items() if cell.text}
    two_level = any(
        any(word in text for word in ("lokasi", "target", "sumber", "pagu", "kebutuhan"))
        for text in sub.values()
    )
    groups = _group_labels(grid, row)
    columns: dict[str, int] = {}
    texts: dict[int, str] = dict(top)
    last_top = ""
    group_texts: list[str] = []
    kode_parts: list[int] = []
    for col in sorted(set(top) | (set(sub) if two_level else set())):
        if col in top:
            last_top = top[col]
        sub_text = sub.get(col, "") if two_level else ""
        if sub_text:
            group = groups.get(col) or (top.get(col) or last_top)
            label = sub_text
            if group == "kode" and len(kode_parts) < 5:  # Kode | Urusan, Bidang, ...
                kode_parts.append(col)
                continue
            group_texts.append(group)
        else:
            group, label = "", top.get(col, "")
        name = _classify(label, group, columns)
        if name and name not in columns:
            columns[name] = col
    split = tuple(kode_parts) if len(kode_parts) == 5 else ()
    if split:
        columns.setdefault("kode", split[0])
    return columns, texts, group_texts, two_level, split


def is_number_row(grid: Grid, row: int) -> bool:
    """A row of column numbers 1, 2, 3, ... (under the header, or repeated)."""
    cells = grid.rows.get(row)
    if not cells or len(cells) < 3:
        return False
    numbers = []
    for col in sorted(cells):
        text = cells[col].text
        if not text.isdigit():
            return False
        numbers.append((col, int(text)))
    first_col, first_number = numbers[0]
    return first_number <= 2 and all(n - first_number == c - first_col for c, n in numbers)


def is_repeat_header(grid: Grid, row: int, region: Region) -> bool:
    """A copy of the table's header row inside the data (a new printed page)."""
    cells = grid.rows.get(row)
    if not cells:
        return False
    for name in ("pagu", "pagu_maju"):
        col = region.columns.get(name)
        if col in cells and cells[col].kind in ("n", "f"):
            return False  # a row with figures is data
    same = sum(1 for cell in cells.values() if _norm(cell.text) in region.header_words)
    return same >= 2


def _header_candidates(grid: Grid) -> list[int]:
    found = []
    rows = grid.rows
    for row in sorted(rows):
        if row > HEADER_SCAN_LIMIT and not found:
            break
        for cell in rows[row].values():  # cheap test first: most rows are data
            value = cell[0]
            if isinstance(value, str) and ("ndikator" in value or "NDIKATOR" in value):
                break
        else:
            continue
        strings = [c.value for c in rows[row].values() if isinstance(c.value, str)]
        texts = [_norm(s) for s in strings]
        if any("indikator" in t for t in texts) and any(
            "urusan" in t or "program/kegiatan" in t or t.startswith("uraian") for t in texts
        ):
            found.append(row)
    return found


def _years(texts: list[str]) -> list[int]:
    return [int(y) for text in texts for y in _YEAR.findall(text)]


def _region(grid: Grid, row: int) -> Region | None:
    columns, texts, groups, two_level, kode_parts = _read_header(grid, row)
    if "uraian" not in columns or "pagu" not in columns:
        return None
    data_start = row + 2 if two_level else row + 1
    if is_number_row(grid, data_start):
        data_start += 1
    kind = TabelKind.TABEL_31 if "pagu_maju" in columns else TabelKind.TABEL_41
    years = _years(groups + list(texts.values()))
    tahun = min(years) if years else None
    maju_years = [y for y in years if tahun is not None and y > tahun]
    return Region(
        kind=kind,
        sheet=grid.sheet,
        header_row=row,
        data_start=data_start,
        end_row=grid.max_row + 1,
        columns=columns,
        tahun=tahun,
        tahun_maju=maju_years[0] if maju_years else None,
        header_texts=dict(texts),
        header_words=frozenset(texts.values())
        | frozenset(_norm(c.text) for c in grid.rows.get(row + 1, {}).values() if two_level),
        kode_parts=kode_parts,
    )


def find_regions(grid: Grid) -> list[Region]:
    """Every table in a sheet, in order; page-repeat headers are not new tables."""
    regions: list[Region] = []
    for row in _header_candidates(grid):
        if regions and row < regions[-1].data_start:
            continue
        region = _region(grid, row)
        if region is None:
            continue
        if regions and regions[-1].columns == region.columns and regions[-1].kind == region.kind:
            continue  # the header printed again on a new page
        if regions:
            regions[-1].end_row = row
        regions.append(region)
    return regions
