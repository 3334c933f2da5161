"""`buat-tahun-depan` for many files: plan the output names, then one task per file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from renja_xl.bulk.executor import run_each
from renja_xl.bulk.results import FileResult, Job, Summary
from renja_xl.errors import RenjaError
from renja_xl.money import Rupiah
from renja_xl.prakiraan import ProjectionRules
from renja_xl.recompute import count
from renja_xl.tahun_depan import make_tahun_depan
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write

__all__ = [
    "TahunDepanFile",
    "TahunDepanTask",
    "output_name",
    "plan_tahun_depan",
    "write_tahun_depan",
]


@dataclass(frozen=True)
class TahunDepanFile:
    """What was written for one agency: its year, size and totals."""

    tahun: int
    sub_kegiatan: int
    dropped: int
    total_pagu: Rupiah | None
    total_pagu_maju: Rupiah | None


@dataclass(frozen=True)
class TahunDepanTask:
    """Read a year-N workbook, make year `tahun` from it, write it to the job's output."""

    tahun: int
    rules: ProjectionRules | None = None
    keep_ended: bool = False

    def __call__(self, job: Job) -> TahunDepanFile:
        """Run on one file (in a worker process)."""
        if job.output is None:
            raise RenjaError("tidak ada berkas hasil untuk ditulis")
        renja = load(job.source)
        if renja.tahun == 0:  # no year in the titles: take the one asked for
            renja.tahun = self.tahun - 1
        result = make_tahun_depan(renja, self.rules, keep_ended=self.keep_ended, tahun=self.tahun)
        write(result.renja, job.output)
        counts = count(result.renja.tabel31) if result.renja.tabel31 else None
        return TahunDepanFile(
            tahun=result.renja.tahun,
            sub_kegiatan=counts.sub_kegiatan if counts else 0,
            dropped=len(result.dropped),
            total_pagu=counts.total_pagu if counts else None,
            total_pagu_maju=counts.total_pagu_maju if counts else None,
        )


def output_name(source: Path, tahun: int) -> str:
    """The new file's name: the old year in the name becomes `tahun`, or `_<tahun>` is added."""
    stem, old = source.stem, str(tahun - 1)
    pattern = re.compile(rf"(?<!\d){old}(?!\d)")
    new_stem = pattern.sub(str(tahun), stem) if pattern.search(stem) else f"{stem}_{tahun}"
    return f"{new_stem}.xlsx"


def plan_tahun_depan(sources: Sequence[Path], folder: Path, tahun: int) -> list[Job]:
    """One job per source with a distinct output in `folder`; refuses to overwrite an input."""
    names = [output_name(s, tahun) for s in sources]
    clashes = Counter(n.casefold() for n in names)
    names = [f"{s.parent.name}_{n}" if clashes[n.casefold()] > 1 else n
             for s, n in zip(sources, names, strict=True)]
    jobs = [Job(s, (folder / n).resolve()) for s, n in zip(sources, _distinct(names), strict=True)]
    inputs = {s.resolve() for s in sources}
    for job in jobs:
        if job.output in inputs:
            raise RenjaError(
                f"berkas hasil {job.output.name} akan menimpa berkas masukan; pilih folder "
                "--keluar yang lain", file=job.source,
            )
    return jobs


def _distinct(names: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name.casefold()] += 1
        number = seen[name.casefold()]
        out.append(name if number == 1 else name.replace(".xlsx", f"-{number}.xlsx"))
    return out


def write_tahun_depan(
    sources: Sequence[Path],
    folder: Path,
    tahun: int,
    *,
    rules: ProjectionRules | None = None,
    keep_ended: bool = False,
    workers: int | None = None,
    dask: str | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> Summary:
    """Year `tahun` workbooks in `folder` from the year `tahun - 1` workbooks `sources`."""
    if not folder.is_dir():
        raise RenjaError("folder keluaran tidak ada", file=folder)
    jobs = plan_tahun_depan(sources, folder, tahun)
    task = TahunDepanTask(tahun=tahun, rules=rules, keep_ended=keep_ended)
    return Summary(tuple(run_each(task, jobs, workers=workers, dask=dask, on_result=on_result)))
