"""A SIPD export in the rekap: one agency per Perangkat Daerah, as its workbook would give."""

from __future__ import annotations

from pathlib import Path

from renja_xl.bulk.rekap_rows import AgencyRows, tidy_rows
from renja_xl.sipd.export import read_export
from renja_xl.sipd.plan import group, plan_renja

__all__ = ["export_agencies"]


def export_agencies(path: str | Path, berkas: str | None = None) -> list[AgencyRows]:
    """The tidy rows of every Perangkat Daerah of the export at `path` (year N alone),
    the same rows `renja-xl impor-sipd` writes to that Perangkat Daerah's workbook.

    Each agency is named in the rekap as "<file>: <Perangkat Daerah>".
    """
    export = read_export(path)
    berkas = berkas or Path(path).name
    return [
        tidy_rows(plan_renja(rencana, export.tahun, maju=False), path,
                  berkas=f"{berkas}: {rencana.nama}")
        for rencana in group([export]).values()
    ]
