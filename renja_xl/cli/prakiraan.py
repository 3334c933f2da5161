"""`renja-xl isi-prakiraan`: fill the empty prakiraan maju cells of a workbook in place."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from renja_xl.cli.output import console
from renja_xl.errors import RenjaError
from renja_xl.numbers import format_rupiah

if TYPE_CHECKING:
    from rich.table import Table

    from renja_xl.model import Renja, Tabel
    from renja_xl.prakiraan import Fill, FillResult, ProjectionRules
    from renja_xl.xlsx import WorkbookEditor

__all__ = ["isi_prakiraan"]

_FIELD_LABELS = {"pagu_maju": "Pagu N+1", "target_maju": "Target N+1"}


@dataclass
class _Written:
    """What was put into the workbook and what was left as it was."""

    cells: list[Fill]
    formulas: list[Fill]
    occupied: list[Fill]


def isi_prakiraan(
    file: Annotated[Path, typer.Argument(help="Workbook Renja (.xlsx) berisi Tabel 3.1.")],
    kenaikan: Annotated[str | None, typer.Option(
        "--kenaikan", metavar="<persen>",
        help="Kenaikan pagu bawaan, mis. 5% (bawaan: 5%, atau dari berkas aturan)."
    )] = None,
    aturan: Annotated[Path | None, typer.Option(
        "--aturan", help="Berkas aturan TOML (jika tidak ada: sheet 'Aturan' di workbook)."
    )] = None,
    pembulatan: Annotated[str | None, typer.Option(
        "--pembulatan", metavar="<rupiah>", help="Pembulatan pagu baru dalam rupiah (bawaan: 1000)."
    )] = None,
    timpa: Annotated[bool, typer.Option(
        "--timpa", help="Hitung ulang juga sel tahun N+1 yang sudah terisi."
    )] = False,
    coba: Annotated[bool, typer.Option(
        "--coba", help="Tampilkan saja apa yang akan diisi; workbook tidak diubah."
    )] = False,
) -> None:
    """Isi kolom Prakiraan Maju (tahun N+1) Tabel 3.1 dari tahun N menurut aturan kenaikan."""
    from renja_xl.prakiraan import fill_prakiraan
    from renja_xl.workbook.reader import load
    from renja_xl.xlsx import WorkbookEditor

    with WorkbookEditor(file) as editor:
        rules, source = _rules(editor, aturan, kenaikan, pembulatan, file)
        renja = load(file, strict=False)
        tabel = _tabel31(renja, file)
        report = fill_prakiraan(tabel, rules, timpa=timpa)
        written = _write(editor, tabel, report, timpa)
        _print_report(report, written, source, rules)
        if coba or not written.cells:
            console.print("Workbook tidak diubah." if coba or report.fills else
                          "Tidak ada sel kosong yang perlu diisi; workbook tidak diubah.")
            return
        backup = editor.save()
    console.print(f"Disimpan: {file}" + (f" (cadangan: {backup.name})" if backup else ""))


def _rules(editor: WorkbookEditor, aturan: Path | None, kenaikan: str | None,
           pembulatan: str | None, file: Path) -> tuple[ProjectionRules, str]:
    from renja_xl.prakiraan import SHEET_NAME, ProjectionRules, load_rules, rules_from_rows

    if aturan is not None:
        rules, source = load_rules(aturan), f"berkas {aturan.name}"
    elif SHEET_NAME in editor.sheet_names:
        rows = editor.rows(SHEET_NAME)
        try:
            rules = rules_from_rows(rows, sheet=SHEET_NAME)
        except RenjaError as exc:
            raise exc.located(file) from None
        source = f"sheet '{SHEET_NAME}'"
    else:
        rules, source = ProjectionRules(), "aturan bawaan"
    return rules.with_defaults(_option_percent(kenaikan), _option_unit(pembulatan)), source


def _option_percent(text: str | None) -> Decimal | None:
    from renja_xl.prakiraan import parse_percent

    if text is None:
        return None
    try:
        return parse_percent(text)
    except ValueError as exc:
        raise RenjaError(f"--kenaikan: {exc}") from None


def _option_unit(text: str | None) -> int | None:
    from renja_xl.prakiraan.values import parse_unit

    if text is None:
        return None
    try:
        return parse_unit(text)
    except ValueError as exc:
        raise RenjaError(f"--pembulatan: {exc}") from None


def _tabel31(renja: Renja, file: Path) -> Tabel:
    if renja.tabel31 is None:
        raise RenjaError("tidak ada Tabel 3.1 (dengan kolom prakiraan maju) di workbook",
                         file=file)
    return renja.tabel31


def _write(editor: WorkbookEditor, tabel: Tabel, report: FillResult, timpa: bool) -> _Written:
    """Put the filled values into their cells: never over a formula in a total,
    never over a cell the reader saw as empty but that is not."""
    from renja_xl.xlsx import number, text
    from renja_xl.xlsx.cells import EMPTY

    written = _Written([], [], [])
    for fill in report.fills:
        if fill.baris.asal is None or fill.field not in tabel.columns:
            continue
        sheet, row, column = fill.baris.asal.sheet, fill.baris.asal.row, tabel.columns[fill.field]
        cell = editor.cell(sheet, row, column)
        if fill.total and cell is not None and cell.formula is not None:
            written.formulas.append(fill)
            continue
        if not fill.total and not timpa and editor.value(sheet, row, column) not in (None, ""):
            written.occupied.append(fill)
            continue
        style = None
        if fill.field == "pagu_maju" and editor.styles.number_format(
                editor.style(sheet, row, column)) == 0:
            pagu_format = editor.styles.number_format(
                editor.style(sheet, row, tabel.columns["pagu"]))
            if pagu_format:
                style = editor.styles.derive(editor.style(sheet, row, column),
                                             number_format=pagu_format)
        value = fill.new
        editor.set(sheet, row, column, text(value) if isinstance(value, str) else
                   number(value) if value is not None else EMPTY, style)
        written.cells.append(fill)
    return written


def _show(value: int | str | None) -> str:
    if value is None or value == "":
        return "(kosong)"
    return format_rupiah(value) if isinstance(value, int) else str(value)


def _print_report(report: FillResult, written: _Written, source: str,
                  rules: ProjectionRules) -> None:
    from rich.table import Table

    console.print(f"Aturan: {source}; {rules.describe_default()}, "
                  f"pembulatan Rp {format_rupiah(rules.rounding)}.")
    if report.fills:
        console.print(_fills_table(report.fills, written))
    if report.skipped:
        skipped = Table(title="Tidak diisi", title_justify="left")
        for heading in ("Baris", "Uraian", "Alasan"):
            skipped.add_column(heading)
        for skip in report.skipped:
            skipped.add_row(str(skip.row or ""), skip.baris.uraian[:60], skip.reason)
        console.print(skipped)
    subs = [f for f in written.cells if not f.total]
    totals = [f for f in written.cells if f.total]
    console.print(f"{len(subs)} sel diisi, {len(totals)} jumlah dihitung ulang, "
                  f"{len(written.formulas)} jumlah berumus dibiarkan (dihitung Excel), "
                  f"{len(report.skipped)} baris tidak diisi.")


def _fills_table(fills: list[Fill], written: _Written) -> Table:
    from rich.table import Table

    table = Table(title="Sel yang diisi", title_justify="left")
    for heading, justify in (("Baris", "right"), ("Kolom", "left"), ("Uraian", "left"),
                             ("Lama", "right"), ("Baru", "right"), ("Aturan", "left")):
        table.add_column(heading, justify=justify)  # type: ignore[arg-type]
    kept = {id(f) for f in written.formulas}
    occupied = {id(f) for f in written.occupied}
    for fill in fills:
        if id(fill) in kept:
            continue  # Excel recalculates the formula itself
        rule = f"{fill.how} — {fill.rule}" if not fill.total else fill.rule
        if id(fill) in occupied:
            rule += " (sel ternyata berisi; tidak diubah)"
        table.add_row(str(fill.row or ""), _FIELD_LABELS[fill.field], fill.baris.uraian[:50],
                      _show(fill.old), _show(fill.new), rule)
    return table
