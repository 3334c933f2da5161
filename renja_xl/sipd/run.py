"""`impor-sipd` as a library call: exports in, one workbook per Perangkat Daerah out.

The exports are read once, in this process; each Perangkat Daerah's Renja then
travels in its own job to the bulk executor (this process, worker processes or
Dask), which renders it with the official writer and swaps the whole file in
atomically, so a file is written whole or not at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from renja_xl.bulk.atomic import write_atomically
from renja_xl.bulk.executor import run_each
from renja_xl.bulk.results import FileResult, Job, Summary
from renja_xl.errors import RenjaError
from renja_xl.model import Level, Renja
from renja_xl.money import Rupiah
from renja_xl.sipd.export import Export, read_export
from renja_xl.sipd.plan import Per, group, plan_renja

__all__ = ["ImportedFile", "RenjaJob", "import_sipd", "read_exports", "safe_file_name"]

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = re.compile(r"^(?:CON|PRN|AUX|NUL|COM\d|LPT\d)(?:\..*)?$", re.IGNORECASE)
_MAX_STEM = 120


def safe_file_name(name: str, suffix: str = ".xlsx") -> str:
    """A file name Windows accepts, from a Perangkat Daerah's name: no reserved
    characters or device names, no trailing dot or space, not too long."""
    stem = " ".join(_FORBIDDEN.sub(" ", name).split())[:_MAX_STEM].rstrip(" .")
    if not stem or _RESERVED.match(stem):
        stem = f"_{stem}"
    return stem + suffix


@dataclass(frozen=True)
class RenjaJob(Job):
    """A job carrying the Renja to write (the export is read once, not per job)."""

    renja: Renja | None = None


@dataclass(frozen=True)
class ImportedFile:
    """What one written workbook holds."""

    perangkat_daerah: str
    sub_kegiatan: int
    total_pagu: Rupiah
    total_pagu_maju: Rupiah | None


def write_renja(job: Job) -> ImportedFile:
    """Render the job's Renja and write it atomically to the job's output."""
    from renja_xl.workbook.writer import render

    renja = job.renja  # type: ignore[attr-defined]
    content = render(renja)
    write_atomically(job.output, lambda temporary: temporary.write_bytes(content))
    rows = renja.tabel31.rows(Level.SUB_KEGIATAN)
    pagu = sum((b.pagu for b in rows if b.pagu is not None), 0)
    maju = [b.pagu_maju for b in rows if b.pagu_maju is not None]
    return ImportedFile(renja.opd, len(rows), pagu, sum(maju, 0) if maju else None)


def read_exports(export: str | Path, maju: str | Path | None = None) -> list[Export]:
    """Year N's export and, when given, year N+1's, checked to be consecutive years."""
    exports = [read_export(export)]
    if maju is not None:
        later = read_export(maju)
        if later.tahun != exports[0].tahun + 1:
            raise RenjaError(
                f"TAHUN ekspor --maju ({later.tahun}) harus {exports[0].tahun + 1}, tahun "
                f"sesudah ekspor utama ({exports[0].tahun})", file=later.file)
        exports.append(later)
    return exports


def plan_jobs(exports: list[Export], folder: Path, per: Per = Per.SKPD, pemda: str = ""
              ) -> list[RenjaJob]:
    """One job per Perangkat Daerah (or sub unit), each with a distinct file in `folder`."""
    tahun = exports[0].tahun
    rencana = list(group(exports, per).values())
    names = [safe_file_name(f"Renja {tahun} {r.nama}") for r in rencana]
    clashes = Counter(n.casefold() for n in names)
    names = [safe_file_name(f"Renja {tahun} {r.nama} {r.kode}") if clashes[n.casefold()] > 1
             else n for r, n in zip(rencana, names, strict=True)]
    return [
        RenjaJob(source=exports[0].file, output=folder / name, label=r.nama,
                 renja=plan_renja(r, tahun, maju=len(exports) > 1, pemda=pemda))
        for r, name in zip(rencana, names, strict=True)
    ]


def import_sipd(
    export: str | Path,
    folder: str | Path,
    *,
    maju: str | Path | None = None,
    per: Per | str = Per.SKPD,
    pemda: str = "",
    workers: int | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    on_planned: Callable[[int], None] | None = None,
) -> Summary:
    """Write one Renja workbook per Perangkat Daerah of a SIPD export into `folder`.

    `maju` names the next year's export (the N+1 columns); `per` is "skpd" (default)
    or "sub-unit"; `pemda` names the government in the titles. `on_planned` is told
    how many workbooks will be written before the first one is (for a progress bar),
    `on_result` as each one is done.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise RenjaError("folder keluaran tidak ada", file=folder)
    jobs = plan_jobs(read_exports(export, maju), folder.resolve(), Per(per), pemda)
    if on_planned is not None:
        on_planned(len(jobs))
    return Summary(tuple(run_each(write_renja, jobs, workers=workers, on_result=on_result)))
