"""The rekap's tidy rows as Parquet (pyarrow) or CSV, for analysis in pandas, R, DuckDB…"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import astuple, fields
from pathlib import Path

from renja_xl.bulk.atomic import write_atomically
from renja_xl.bulk.rekap_rows import TidyRow
from renja_xl.errors import RenjaError
from renja_xl.money import has_sen

__all__ = ["COLUMNS", "write_csv", "write_parquet"]

COLUMNS = tuple(f.name for f in fields(TidyRow))
_INTEGER = {"tahun", "pagu", "pagu_maju", "baris"}
_MONEY = ("pagu", "pagu_maju")


def write_csv(rows: Sequence[TidyRow], path: str | Path) -> Path:
    """Write the rows as UTF-8 CSV with a header line (atomically)."""

    def write(temporary: Path) -> None:
        with temporary.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(COLUMNS)
            writer.writerows(astuple(row) for row in rows)

    return write_atomically(Path(path), write)


def write_parquet(rows: Sequence[TidyRow], path: str | Path) -> Path:
    """Write the rows as a Parquet file (atomically).

    Rupiah are 64-bit integers; when some amount carries sen, the two pagu columns are
    exact decimals with two places (decimal128(20, 2)) instead.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RenjaError("paket pyarrow belum terpasang (pip install 'renja-xl[bulk]')") from None
    sen = any(has_sen(getattr(r, name)) for r in rows for name in _MONEY)
    schema = pa.schema([
        (name, pa.decimal128(20, 2) if sen and name in _MONEY
         else pa.int64() if name in _INTEGER else pa.string())
        for name in COLUMNS
    ])
    table = pa.Table.from_pylist([dict(zip(COLUMNS, astuple(r), strict=True)) for r in rows],
                                 schema=schema)
    return write_atomically(Path(path), lambda temporary: pq.write_table(table, temporary))
