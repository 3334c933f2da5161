"""The Bappeda's rekap: many agencies' tidy rows summed per agency, urusan, bidang
urusan, program and sumber dana, year N against N+1.

Every line of every view is a sum of the same tidy rows, so each view's total
is the sum over all agencies, and an agency's total is what its JUMLAH row
should hold (`AgencyRows.jumlah_pagu` keeps what the file itself states).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from renja_xl.bulk.executor import run_each
from renja_xl.bulk.rekap_rows import TANPA_KODE, AgencyRows, TidyRow, read_agencies
from renja_xl.bulk.results import FileResult, Job, Summary
from renja_xl.money import Rupiah
from renja_xl.nomenklatur import default as default_nomenklatur

__all__ = ["Line", "Rekap", "build_rekap", "collect_rekap", "file_labels"]


@dataclass
class Line:
    """One line of a rekap view: a group, how many agencies plan in it, its two totals."""

    kode: str
    nama: str
    pagu: Rupiah = 0
    pagu_maju: Rupiah = 0
    agencies: set[str] = field(default_factory=set)

    @property
    def perangkat_daerah(self) -> int:
        """How many agencies have rows in this group."""
        return len(self.agencies)

    @property
    def selisih(self) -> Rupiah:
        """N+1 minus N."""
        return self.pagu_maju - self.pagu

    def add(self, row: TidyRow) -> None:
        """Count one tidy row in this line."""
        self.pagu += row.pagu or 0
        self.pagu_maju += row.pagu_maju or 0
        self.agencies.add(row.berkas)


@dataclass
class Rekap:
    """The consolidated view of many agencies, and the files that could not be read."""

    agencies: list[AgencyRows]
    urusan: list[Line]
    bidang_urusan: list[Line]
    program: list[Line]
    sumber_dana: list[Line]
    failed: list[FileResult] = field(default_factory=list)

    @property
    def rows(self) -> list[TidyRow]:
        """Every tidy row, agency by agency."""
        return [row for agency in self.agencies for row in agency.rows]

    @property
    def total_pagu(self) -> Rupiah:
        """The year-N total of all agencies."""
        return sum(row.pagu or 0 for row in self.rows)

    @property
    def total_pagu_maju(self) -> Rupiah:
        """The year-N+1 total of all agencies."""
        return sum(row.pagu_maju or 0 for row in self.rows)

    @property
    def tahun(self) -> int | None:
        """Year N when every agency plans for the same year, else None."""
        years = {agency.tahun for agency in self.agencies}
        return years.pop() if len(years) == 1 else None


def build_rekap(agencies: Sequence[AgencyRows], failed: Iterable[FileResult] = ()) -> Rekap:
    """Sum the agencies' tidy rows into every view."""
    rows = [row for agency in agencies for row in agency.rows]
    return Rekap(
        agencies=list(agencies),
        urusan=_group(rows, lambda r: r.urusan_kode, lambda r: _name(r.urusan_kode)),
        bidang_urusan=_group(rows, lambda r: r.bidang_urusan_kode,
                             lambda r: _name(r.bidang_urusan_kode)),
        program=_group(rows, _program_key, lambda r: _name(r.program_kode, r.program)),
        sumber_dana=_group(rows, lambda r: "", lambda r: r.sumber_dana, by_name=True),
        failed=list(failed),
    )


def collect_rekap(
    sources: Sequence[Path],
    *,
    workers: int | None = None,
    dask: str | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> tuple[Summary, Rekap]:
    """Read every workbook (in parallel) and build the rekap of those that could be read.

    A SIPD-RI export among the sources counts as one agency per Perangkat Daerah; each
    successful result's value is the list of agencies its file gave."""
    labels = file_labels(sources)
    jobs = [Job(source, label=labels[source]) for source in sources]
    summary = Summary(tuple(run_each(read_agencies, jobs, workers=workers, dask=dask,
                                     on_result=on_result)))
    agencies = [agency for r in summary.succeeded for agency in r.value]
    rekap = build_rekap(agencies, summary.failed)
    return summary, rekap


def file_labels(sources: Sequence[Path]) -> dict[Path, str]:
    """How the rekap names each file: its name, or, where files in different folders share
    a name, its path below their common folder (so each agency is counted once)."""
    counts = Counter(source.name for source in sources)
    if all(count == 1 for count in counts.values()):
        return {source: source.name for source in sources}
    full = {source: source.resolve() for source in sources}
    try:
        root = Path(os.path.commonpath([path.parent for path in full.values()]))
    except ValueError:  # different drives: no common folder
        return {source: source.name if counts[source.name] == 1 else str(full[source])
                for source in sources}
    return {
        source: source.name if counts[source.name] == 1 else full[source].relative_to(root)
        .as_posix()
        for source in sources
    }


def _program_key(row: TidyRow) -> str:
    return row.program_kode or " ".join(row.program.upper().split())


def _group(rows: list[TidyRow], kode: Callable[[TidyRow], str], nama: Callable[[TidyRow], str],
           *, by_name: bool = False) -> list[Line]:
    lines: dict[str, Line] = {}
    for row in rows:
        key = nama(row) if by_name else kode(row)
        if key not in lines:
            lines[key] = Line(kode=kode(row) or ("" if by_name else TANPA_KODE), nama=nama(row))
        lines[key].add(row)
    return sorted(lines.values(), key=_order)


def _order(line: Line) -> tuple[bool, list[tuple[int, str]], str]:
    # Numeric parts compare as numbers ("1.10" after "1.9"); "X.XX" after the digits.
    parts = [(int(p), "") if p.isdigit() else (10**9, p) for p in line.kode.split(".")]
    return line.kode == TANPA_KODE, parts, line.nama


@cache
def _nomenklatur_name(kode: str) -> str | None:
    entry = default_nomenklatur().get(kode)
    return entry.nama if entry else None


def _name(kode: str, fallback: str = "") -> str:
    if not kode:
        return fallback or TANPA_KODE
    return _nomenklatur_name(kode) or fallback or "(tidak ada di nomenklatur)"
