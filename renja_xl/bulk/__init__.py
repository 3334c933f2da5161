"""Work on many agencies' workbooks at once: next year's Renja, the Bappeda's rekap.

    from pathlib import Path
    from renja_xl.bulk import collect_rekap, find_workbooks, write_tahun_depan, write_rekap

    sources = find_workbooks(["renja_2023/"])
    summary = write_tahun_depan(sources, Path("renja_2024"), 2024, workers=4)
    for failed in summary.failed:
        print(failed.source.name, failed.error)

    summary, rekap = collect_rekap(sources, dask="tcp://scheduler:8786")
    write_rekap(rekap, "rekap.xlsx")

Each file is one task, run in this process, in local worker processes or on a
Dask cluster; a file that fails is reported with its reason and never stops
the others.
"""

from renja_xl import _renamed
from renja_xl.bulk.executor import Task, attempt, default_workers, run_each
from renja_xl.bulk.rekap import Line, Rekap, build_rekap, collect_rekap
from renja_xl.bulk.rekap_rows import AgencyRows, TidyRow, read_agencies, read_agency, tidy_rows
from renja_xl.bulk.rekap_workbook import SHEET_NAMES, write_rekap
from renja_xl.bulk.results import (
    EXIT_ALL_FAILED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    FileResult,
    Job,
    Summary,
)
from renja_xl.bulk.sources import find_workbooks
from renja_xl.bulk.tahun_depan import (
    TahunDepanFile,
    TahunDepanTask,
    output_name,
    plan_tahun_depan,
    write_tahun_depan,
)
from renja_xl.bulk.tidy import write_csv, write_parquet

__all__ = [
    "EXIT_ALL_FAILED",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "SHEET_NAMES",
    "AgencyRows",
    "FileResult",
    "Job",
    "Line",
    "Rekap",
    "Summary",
    "TahunDepanFile",
    "TahunDepanTask",
    "Task",
    "TidyRow",
    "attempt",
    "build_rekap",
    "collect_rekap",
    "default_workers",
    "find_workbooks",
    "output_name",
    "plan_tahun_depan",
    "read_agencies",
    "read_agency",
    "run_each",
    "tidy_rows",
    "write_csv",
    "write_parquet",
    "write_rekap",
    "write_tahun_depan",
]

# Old names (0.1), kept until 0.3 with a DeprecationWarning.
_RENAMED = {
    "NextYearFile": "TahunDepanFile",
    "NextYearTask": "TahunDepanTask",
    "make_next_year": "write_tahun_depan",
    "plan_next_year": "plan_tahun_depan",
}
__getattr__ = _renamed.module_getattr(__name__, _RENAMED)
