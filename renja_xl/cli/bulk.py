"""`renja-xl buat-tahun-depan` and `renja-xl rekap`: many agencies' workbooks at once.

Exit codes: 0 every file processed; 1 some files failed (the others were
processed and written); 2 no file could be processed, none was found, or the
command itself was wrong (bad option, unreachable Dask cluster).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from renja_xl.cli.output import console, teks
from renja_xl.errors import RenjaError
from renja_xl.numbers import format_rupiah

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID
    from rich.table import Table

    from renja_xl.bulk import FileResult, Summary, TahunDepanFile
    from renja_xl.prakiraan import ProjectionRules

__all__ = ["buat_tahun_depan", "rekap"]

_LIST_LIMIT = 50

Sources = Annotated[list[Path], typer.Argument(
    help="Berkas .xlsx dan/atau folder (dicari sampai ke subfolder).", show_default=False)]
Workers = Annotated[int | None, typer.Option(
    "--workers", help="Jumlah proses paralel (bawaan: jumlah CPU; 1 = tanpa proses tambahan).")]
Dask = Annotated[str | None, typer.Option(
    "--dask", metavar="<alamat>",
    help="Alamat scheduler Dask (mis. tcp://10.0.0.5:8786): jalankan di klaster.")]
Rinci = Annotated[bool, typer.Option(
    "--rinci", help="Tampilkan setiap berkas yang berhasil di ringkasan.")]


def buat_tahun_depan(
    sumber: Sources,
    tahun: Annotated[int, typer.Option("--tahun", help="Tahun Renja yang dibuat (N+1).",
                                       show_default=False)],
    keluar: Annotated[Path, typer.Option("--keluar", metavar="<folder>",
                                         help="Folder untuk workbook hasil.",
                                         show_default=False)],
    workers: Workers = None,
    dask: Dask = None,
    aturan: Annotated[Path | None, typer.Option(
        "--aturan", help="Berkas aturan prakiraan maju (TOML) untuk kolom tahun N+2.")] = None,
    kenaikan: Annotated[str | None, typer.Option(
        "--kenaikan", metavar="<persen>",
        help="Kenaikan pagu bawaan tahun N+2, mis. 5% (bawaan: 5%).")] = None,
    pertahankan_hapus: Annotated[bool, typer.Option(
        "--pertahankan-hapus",
        help="Pertahankan sub kegiatan yang hanya ada di tahun N (tanpa pagu).")] = False,
    rinci: Rinci = False,
) -> None:
    """Buat Renja tahun depan dari Renja tahun ini: rencana = prakiraan maju tahun lalu."""
    from renja_xl.bulk import write_tahun_depan

    rules = _rules(aturan, kenaikan)
    sources = _sources(sumber)
    keluar.mkdir(parents=True, exist_ok=True)
    with _progress(f"Membuat Renja {tahun}", len(sources)) as advance:
        summary = write_tahun_depan(sources, keluar, tahun, rules=rules,
                                 keep_ended=pertahankan_hapus, workers=workers, dask=dask,
                                 on_result=advance)
    console.print(_tahun_depan_table(summary, rinci))
    _closing(summary, f"Hasil di {keluar}")


def rekap(
    sumber: Sources,
    keluar: Annotated[Path, typer.Option("--keluar", help="Workbook rekap (.xlsx) yang dibuat.",
                                         show_default=False)],
    parquet: Annotated[Path | None, typer.Option(
        "--parquet", help="Tulis juga baris rapi (satu per sub kegiatan) sebagai Parquet.")] = None,
    csv: Annotated[Path | None, typer.Option(
        "--csv", help="Tulis juga baris rapi sebagai CSV.")] = None,
    workers: Workers = None,
    dask: Dask = None,
    rinci: Rinci = False,
) -> None:
    """Rekap banyak Renja Perangkat Daerah: per PD, urusan, bidang, program, sumber dana."""
    from renja_xl.bulk import collect_rekap, write_csv, write_parquet, write_rekap

    sources = _sources(sumber)
    with _progress("Membaca Renja", len(sources)) as advance:
        summary, result = collect_rekap(sources, workers=workers, dask=dask, on_result=advance)
    console.print(_rekap_table(summary, rinci))
    if not summary.succeeded:
        _closing(summary, "Rekap tidak dibuat: tidak ada berkas yang terbaca.")
    written = [write_rekap(result, keluar)]
    written += [write_parquet(result.rows, parquet)] if parquet else []
    written += [write_csv(result.rows, csv)] if csv else []
    console.print(f"Jumlah pagu {len(result.agencies)} perangkat daerah: "
                  f"Rp {format_rupiah(result.total_pagu)} (tahun N), "
                  f"Rp {format_rupiah(result.total_pagu_maju)} (tahun N+1).")
    _closing(summary, "Ditulis: " + ", ".join(str(p) for p in written))


def _rules(aturan: Path | None, kenaikan: str | None) -> ProjectionRules:
    from renja_xl.prakiraan import ProjectionRules, load_rules, parse_percent

    rules = load_rules(aturan) if aturan else ProjectionRules()
    if kenaikan is None:
        return rules
    try:
        return rules.with_defaults(growth=parse_percent(kenaikan))
    except ValueError as exc:
        raise RenjaError(f"--kenaikan: {exc}") from None


def _sources(paths: list[Path]) -> list[Path]:
    from renja_xl.bulk import find_workbooks

    sources = find_workbooks(paths)
    if not sources:
        raise RenjaError("tidak ada berkas .xlsx/.xlsm di " + ", ".join(map(str, paths)))
    return sources


@contextmanager
def _progress(label: str, total: int | None) -> Iterator[_Advance]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("berkas"), TimeElapsedColumn(), TimeRemainingColumn(), console=console.made(),
    )
    with progress:
        yield _Advance(progress, progress.add_task(label, total=total))


class _Advance:
    """Called with each file's result; `total` sets the count once it is known."""

    def __init__(self, progress: Progress, task: TaskID) -> None:
        self.progress, self.task = progress, task

    def __call__(self, result: FileResult) -> None:
        self.progress.advance(self.task)

    def total(self, count: int) -> None:
        self.progress.update(self.task, total=count)


def _summary_table(summary: Summary, rinci: bool, done: Callable[[FileResult], str]) -> Table:
    from rich.table import Table

    table = Table(title="Ringkasan", title_justify="left")
    table.add_column("Berkas", overflow="fold")
    table.add_column("Hasil")
    table.add_column("Keterangan", overflow="fold")
    for result in summary.failed:
        table.add_row(teks(result.job.berkas), "[red]gagal[/]", teks(result.error))
    if rinci or len(summary.succeeded) <= _LIST_LIMIT:
        for result in summary.succeeded:
            table.add_row(teks(result.job.berkas), "[green]berhasil[/]", teks(done(result)))
    return table


def _tahun_depan_table(summary: Summary, rinci: bool) -> Table:
    def done(result: FileResult) -> str:
        value: TahunDepanFile = result.value
        output = result.job.output.name if result.job.output else ""
        pagu = f"Rp {format_rupiah(value.total_pagu)}" if value.total_pagu is not None else "-"
        return f"{output}: {value.sub_kegiatan} sub kegiatan, pagu {value.tahun} {pagu}"

    return _summary_table(summary, rinci, done)


def _rekap_table(summary: Summary, rinci: bool) -> Table:
    def done(result: FileResult) -> str:
        agencies = result.value
        if len(agencies) == 1:
            return f"{agencies[0].perangkat_daerah}: {len(agencies[0].rows)} baris"
        rows = sum(len(agency.rows) for agency in agencies)
        return f"ekspor SIPD: {len(agencies)} perangkat daerah, {rows} baris"

    return _summary_table(summary, rinci, done)


def _closing(summary: Summary, where: str) -> None:
    total = len(summary.results)
    console.print(f"{len(summary.succeeded)} berhasil, {len(summary.failed)} gagal, "
                  f"dari {total} berkas. {where}")
    raise typer.Exit(summary.exit_code)
