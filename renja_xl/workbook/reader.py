"""Read Tabel 3.1 and Tabel 4.1 from a workbook into a `Renja`.

`load(path)` opens an .xlsx, finds each table by its header in any sheet,
reads every data row (skipping page-repeat headers and column-number rows),
evaluates pagu formulas itself (cached values are never trusted for totals),
infers each row's level from every signal (`renja_xl.inference`), and picks up
the title lines and the signature block.

With `strict=True` (the default; used by `hitung` and `ringkasan`) a pagu cell
that cannot be a number is an error naming the cell. With `strict=False`
(Validasi) such cells are kept in `Baris.raw` and reported as findings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from renja_xl.errors import CellValueError, LayoutNotFoundError, RenjaError
from renja_xl.formula import (
    Evaluator,
    FormulaError,
    Range,
    UnsupportedFormula,
    cell_text,
    is_subtotal,
    plain_subtotal,
    ranges,
)
from renja_xl.inference import RowSignals, infer_levels
from renja_xl.model import Asal, Baris, Level, Penandatangan, RawCell, Renja, Tabel, TabelKind
from renja_xl.model import Target as TargetModel
from renja_xl.money import Rupiah, rupiah
from renja_xl.numbers import parse_amount
from renja_xl.workbook._titles import is_signature, read_metadata, signature_lines, title_lines
from renja_xl.workbook.detect import Region, find_regions, is_number_row, is_repeat_header
from renja_xl.workbook.grid import Grid, GridCell
from renja_xl.workbook.kode_columns import join_kode, strip_level_prefix

__all__ = ["load", "read_grids"]

PAGU_FIELDS = ("pagu", "pagu_maju")
TEXTS = ("kode", "uraian", "indikator", "lokasi", "sumber_dana", "catatan", "target",
         "target_maju")
"""The text columns of a row, in the order `_RawRow.texts` keeps them."""
KODE, URAIAN, INDIKATOR, LOKASI, SUMBER_DANA, CATATAN, TARGET, TARGET_MAJU = range(len(TEXTS))
_JUMLAH = re.compile(r"^\s*(jumlah|total)\b", re.IGNORECASE)

Cached = Callable[[str, int, int], Any]
"""(sheet, row, column) → Excel's cached value, for formulas we cannot evaluate."""


class _Amount:
    """A pagu cell's interpretation."""

    __slots__ = ("children", "fatal_text", "problem", "raw", "value")

    def __init__(self, value: Rupiah | None = None, raw: RawCell | None = None,
                 problem: str | None = None, fatal_text: bool = False) -> None:
        self.value, self.raw, self.problem, self.fatal_text = value, raw, problem, fatal_text
        self.children: list[Range] = []
        """The one-column ranges of this cell's own SUBTOTAL/SUM formula."""


_NO_AMOUNT = _Amount()
"""An empty pagu cell (shared: never changed)."""


class _Evaluator(Evaluator):
    """The grid's evaluator, with Excel's saved results for formulas it cannot compute."""

    def __init__(self, grid: Grid, cached: Cached | None) -> None:
        super().__init__(grid)
        self.grid, self.cached = grid, cached


def _amount(ev: _Evaluator, row: int, col: int, cell: GridCell | None) -> _Amount:
    if cell is None:
        return _NO_AMOUNT
    kind, value = cell[1], cell[0]
    if kind == "n" and type(value) is int:  # most cells: checked first, nothing to keep
        return _Amount(value)
    ref = cell_text(row, col)
    if kind == "s":
        try:
            parsed = parse_amount(value)
        except ValueError:
            return _Amount(
                raw=RawCell(ref=ref, value=cell.text),
                problem=f"berisi teks '{cell.text}', bukan angka rupiah",
                fatal_text=True,
            )
        return _whole(parsed, RawCell(ref=ref, value=cell.text))
    if kind == "e":
        return _Amount(raw=RawCell(ref=ref, value=str(value)),
                       problem=f"berisi galat Excel {value}")
    if kind == "f":
        return _formula_amount(ev, row, col, cell)
    if kind == "n" and not isinstance(value, bool):
        amount = rupiah(value)  # a cell's number, exactly as its shortest decimal text
        return _Amount(amount) if type(amount) is int else _Amount(amount, RawCell(ref=ref,
                                                                                    value=value))
    return _Amount(raw=RawCell(ref=ref, value=str(value)),
                   problem=f"berisi '{cell.text}', bukan angka rupiah", fatal_text=True)


def _whole(value: int | Decimal | None, raw: RawCell | None) -> _Amount:
    """The amount exactly (`renja_xl.money`): int when whole, Decimal when it has sen."""
    if value is None or type(value) is int:
        return _Amount(value, raw)
    return _Amount(rupiah(value), raw)


def _formula_amount(ev: _Evaluator, row: int, col: int, cell: GridCell) -> _Amount:
    text = str(cell.value)
    raw = RawCell(ref=cell_text(row, col), value=None, formula=text.lstrip("="))
    block = plain_subtotal(text)
    if block is not None and block.first_column == block.last_column == col:
        # What the writer puts in every parent: summed from the column's prefix sums.
        found = ev.column_total(col, block.first_row, block.last_row)
        if found is not None:
            amount = _whole(found[0] if found[1] else None, raw)
            amount.children = [block]
            return amount
    try:
        value = ev.value(row, col)
    except FormulaError as exc:
        return _Amount(raw=RawCell(ref=raw.ref, value=str(exc), formula=raw.formula),
                       problem=f"rumusnya menghasilkan galat {exc}")
    except UnsupportedFormula:
        cached = ev.cached(ev.grid.sheet, row, col) if ev.cached else None
        if isinstance(cached, int | float) and not isinstance(cached, bool):
            return _whole(rupiah(cached), raw)
        return _Amount(raw=raw, problem="rumusnya tidak dapat dihitung ulang dan tidak "
                       "memiliki nilai tersimpan")
    amount = _whole(value, raw)
    if is_subtotal(text) or "SUM(" in text.upper():
        amount.children = _formula_ranges(text, col)
    return amount


def _formula_ranges(text: str, col: int) -> list[Range]:
    """The ranges of a SUBTOTAL/SUM formula that cover the formula's own column."""
    block = plain_subtotal(text)
    try:
        found = [block] if block is not None else ranges(text)
    except (UnsupportedFormula, FormulaError):
        return []
    return [rng for rng in found if rng.first_column <= col <= rng.last_column]


class _RawRow:
    """One data row as found, before its level is known; `texts` holds the TEXTS columns
    in that order ("" where empty or absent)."""

    __slots__ = ("bold", "pagu", "pagu_maju", "row", "texts")

    def __init__(self, row: int, texts: list[str], bold: bool | None, pagu: _Amount,
                 pagu_maju: _Amount | None) -> None:
        self.row, self.texts, self.bold = row, texts, bold
        self.pagu, self.pagu_maju = pagu, pagu_maju

    @property
    def amounts(self) -> tuple[tuple[str, _Amount], ...]:
        """(field, amount) of each pagu column the table has."""
        if self.pagu_maju is None:
            return (("pagu", self.pagu),)
        return ("pagu", self.pagu), ("pagu_maju", self.pagu_maju)


def _text(cell: GridCell) -> str:
    value = cell[0]
    if cell[1] == "f":
        return str(value)
    return value.strip() if type(value) is str else cell.text


def _table_rows(grid: Grid, region: Region) -> Iterable[int]:
    cols = frozenset(region.columns.values())
    pagu_cols = tuple(region.columns[f] for f in PAGU_FIELDS if f in region.columns)
    uraian = region.columns["uraian"]
    rows_get = grid.rows.get
    for row in range(region.data_start, region.end_row):
        cells = rows_get(row)
        if not cells or cols.isdisjoint(cells):
            continue
        name = cells.get(uraian)
        text = name[0] if name is not None and type(name[0]) is str else grid.text(row, uraian)
        # Cheap tests first: a row named in words is no column-number row, and a row
        # with a figure or formula in a pagu column is no repeated header.
        if (not text or text.strip().isdigit()) and is_number_row(grid, row):
            continue
        kinds = [cells[c][1] for c in pagu_cols if c in cells]
        if "n" not in kinds and "f" not in kinds and is_repeat_header(grid, row, region):
            continue
        if not kinds and name is None and is_signature(grid, row):
            return
        yield row
        if _JUMLAH.match(text):
            return


def _raw_rows(grid: Grid, region: Region, ev: _Evaluator) -> list[_RawRow]:
    out = []
    uraian_col = region.columns["uraian"]
    text_cols = [region.columns.get(name, 0) for name in TEXTS]  # no column 0: always ""
    pagu_col = region.columns["pagu"]
    maju_col = region.columns.get("pagu_maju")
    grid_rows = grid.rows
    for row in _table_rows(grid, region):
        get = grid_rows[row].get
        texts = [
            "" if (cell := get(col)) is None
            else value.strip() if type(value := cell[0]) is str and cell[1] != "f"
            else _text(cell)
            for col in text_cols
        ]
        if region.kode_parts:
            _whole_kode(texts, [_text(c) if (c := get(col)) else "" for col in region.kode_parts])
        out.append(_RawRow(
            row, texts, grid.is_bold(row, uraian_col),
            _pagu(ev, row, pagu_col, get(pagu_col)),
            None if maju_col is None else _pagu(ev, row, maju_col, get(maju_col)),
        ))
    return out


def _whole_kode(texts: list[str], parts: list[str]) -> None:
    """The SIPD-era layout read like the one-column one (`kode_columns`)."""
    texts[KODE] = join_kode(parts)
    texts[URAIAN] = strip_level_prefix(texts[URAIAN])


def _pagu(ev: _Evaluator, row: int, col: int, cell: GridCell | None) -> _Amount:
    if cell is not None and type(cell[0]) is int and cell[1] == "n":
        return _Amount(cell[0])  # the most common case, tested first
    return _amount(ev, row, col, cell)


def _children_span(ranges: list[Range], table_rows: list[int]) -> range | None:
    """The table rows (0-based indexes) that a row's own SUBTOTAL/SUM formula covers."""
    first, last = len(table_rows), -1
    for rng in ranges:
        lo = bisect_left(table_rows, rng.first_row)
        hi = bisect_right(table_rows, rng.last_row) - 1
        if lo <= hi:
            first, last = min(first, lo), max(last, hi)
    return range(first, last + 1) if last >= 0 else None


def _signals(rows: list[_RawRow]) -> list[RowSignals]:
    table_rows = [raw.row for raw in rows]
    out = []
    for raw in rows:
        texts, pagu, maju = raw.texts, raw.pagu, raw.pagu_maju
        ranges = pagu.children or (maju.children if maju is not None else None)
        out.append(RowSignals(
            texts[URAIAN], texts[KODE], raw.bold, pagu.value,
            None if maju is None else maju.value, texts[INDIKATOR], texts[LOKASI],
            _children_span(ranges, table_rows) if ranges else None,
        ))
    return out


def _name_levels(name: str) -> frozenset[str]:
    """The official levels of a name; the names are read when a row first asks."""
    from renja_xl.nomenklatur.loading import name_levels
    from renja_xl.nomenklatur.names import normalize_name

    return name_levels().get(normalize_name(name), frozenset())


def _check_strict(raw: _RawRow, level: Level, sheet: str) -> None:
    for _, amount in raw.amounts:
        if amount.problem and (amount.fatal_text or level is Level.SUB_KEGIATAN):
            ref = amount.raw.ref if amount.raw else None
            raise CellValueError(f"kolom pagu {amount.problem}", sheet=sheet, cell=ref)


@lru_cache(maxsize=4096)
def _target(text: str) -> TargetModel:
    """Targets repeat ("1", "100%"): parse each text once (the model is frozen)."""
    return TargetModel.from_text(text)


def _baris(raw: _RawRow, level: Level, note: str | None, sheet: str) -> Baris:
    texts, pagu, maju = raw.texts, raw.pagu, raw.pagu_maju
    return Baris.from_checked({
        "level": level,
        "kode": texts[KODE],
        "uraian": texts[URAIAN],
        "indikator": texts[INDIKATOR],
        "lokasi": texts[LOKASI],
        "target": _target(texts[TARGET]),
        "pagu": pagu.value,
        "sumber_dana": texts[SUMBER_DANA],
        "catatan": texts[CATATAN],
        "target_maju": _target(texts[TARGET_MAJU]),
        "pagu_maju": None if maju is None else maju.value,
        "bold": raw.bold,
        "asal": Asal(sheet=sheet, row=raw.row),
        "raw": {} if pagu.raw is None and (maju is None or maju.raw is None) else {
            name: a.raw for name, a in raw.amounts if a.raw is not None
        },
        "ambiguity": note,
    })


def read_region(grid: Grid, region: Region, *, strict: bool = True,
                cached: Cached | None = None) -> Tabel:
    """One table of a sheet as a `Tabel`."""
    ev = _Evaluator(grid, cached)
    rows = _raw_rows(grid, region, ev)
    levels, notes = infer_levels(_signals(rows), _name_levels)
    if strict:
        for raw, level in zip(rows, levels, strict=True):
            _check_strict(raw, level, grid.sheet)
    return Tabel.model_construct(
        kind=region.kind,
        sheet=grid.sheet,
        baris=[_baris(r, lv, n, grid.sheet) for r, lv, n in zip(rows, levels, notes, strict=True)],
        judul=title_lines(grid, region),
        columns=dict(region.columns),
    )


def read_grids(grids: Iterable[Grid], *, strict: bool = True, cached: Cached | None = None,
               file: str | Path | None = None) -> Renja:
    """A Renja from sheets given as grids (from a file or from Excel)."""
    tables: dict[TabelKind, Tabel] = {}
    meta: dict[str, Any] = {}
    years: list[int] = []
    for grid in grids:
        for region in find_regions(grid):
            if region.kind in tables:
                continue
            tabel = read_region(grid, region, strict=strict, cached=cached)
            tables[region.kind] = tabel
            years += [y for y in (region.tahun,) if y]
            read_metadata(meta, tabel.judul, signature_lines(grid, tabel))
    if not tables:
        raise LayoutNotFoundError(
            "tidak ditemukan header Tabel 3.1 atau Tabel 4.1 di sheet mana pun (dicari baris "
            "yang memuat judul kolom 'Indikator Kinerja' dan 'Urusan/.../Program/Kegiatan')",
            file=file,
        )
    meta.setdefault("tahun", min(years) if years else 0)
    meta.setdefault("opd", meta.get("opd_singkat", ""))
    meta.setdefault("penandatangan", Penandatangan.model_construct())
    return Renja.model_construct(tabel31=tables.get(TabelKind.TABEL_31),
                                 tabel41=tables.get(TabelKind.TABEL_41), **meta)


def _cached_values(path: Path) -> Cached:
    """Excel's cached values, loaded only if a formula needs them."""
    book: dict[str, Any] = {}

    def lookup(sheet: str, row: int, col: int) -> Any:
        if "wb" not in book:
            from openpyxl import load_workbook

            book["wb"] = load_workbook(path, read_only=True, data_only=True)
        return book["wb"][sheet].cell(row, col).value

    return lookup


def load(path: str | Path, *, strict: bool = True) -> Renja:
    """Read the Renja tables of an .xlsx workbook."""
    # Only files need the package and XML readers; the Excel add-in reads grids.
    from renja_xl.workbook._properties import full_opd_name
    from renja_xl.workbook.source import iter_grids

    path = Path(path)
    try:
        renja = read_grids(iter_grids(path), strict=strict, cached=_cached_values(path),
                           file=path)
    except RenjaError as exc:
        raise exc.located(path) from None
    full = full_opd_name(path)
    if full and renja.opd in ("", renja.opd_singkat):
        renja.opd = full
    return renja
