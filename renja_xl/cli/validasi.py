"""`renja-xl validasi`: every finding by sheet and severity; optionally marked in the file.

The tables' cells are rich `Text`: they hold no markup ("[/]" in a message or a sheet name
prints as it is), so rich parses none, cell by cell (a third of the printing time).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from renja_xl.cli.output import SHOWN, console, error_console, more

if TYPE_CHECKING:
    from rich.table import Table

    from renja_xl.validasi import Finding, Report, Severity

__all__ = ["validasi"]

_STYLES = {"error": "bold red", "warning": "yellow"}
"""Title style by severity (`Severity` is a string enum: its values are the keys)."""


def _table(sheet: str, severity: Severity, findings: list[Finding], shown: int | None) -> Table:
    from rich.table import Table
    from rich.text import Text

    caption = more(len(findings), shown)
    table = Table(
        title=f"{sheet} — {severity.label} ({len(findings)})",
        title_style=_STYLES[severity],
        title_justify="left",
        caption=caption,
        caption_justify="left",
        show_lines=False,
    )
    table.add_column("Sel", no_wrap=True)
    table.add_column("Aturan", no_wrap=True)
    table.add_column("Pesan", overflow="fold")
    for f in findings[:shown]:
        place = f.cell or (f"baris {f.row}" if f.row else "-")
        table.add_row(*map(Text, (place, f.code, f.message)))
    return table


def _rule_counts(groups: list[tuple[str, Severity, list[Finding]]]) -> Table:
    """How many findings each rule gave, per sheet and severity, with the first cell."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Ringkasan temuan per aturan", title_justify="left")
    table.add_column("Sheet")
    table.add_column("Tingkat")
    table.add_column("Aturan", overflow="fold")
    table.add_column("Jumlah", justify="right", no_wrap=True)
    table.add_column("Sel pertama", no_wrap=True)
    for sheet, severity, findings in groups:
        by_code: dict[str, list[Finding]] = {}
        for f in findings:
            by_code.setdefault(f.code, []).append(f)
        for code, same in by_code.items():
            first = same[0].cell or (f"baris {same[0].row}" if same[0].row else "-")
            table.add_row(*map(Text, (sheet, severity.label, code, str(len(same)), first)))
    return table


def _print(report: Report, *, everything: bool, marked: bool) -> None:
    """The report as tables, one per sheet and severity, errors first; long ones cut short
    (the first `SHOWN` rows) and summed up per rule, unless `everything`."""
    from renja_xl.validasi import Severity

    order = {Severity.ERROR: 0, Severity.WARNING: 1}
    sheets = list(dict.fromkeys(f.sheet for f in report))
    ranked = sorted(report, key=lambda f: (sheets.index(f.sheet), order[f.severity]))
    groups = [(sheet or "Umum", severity, list(group)) for (sheet, severity), group
              in groupby(ranked, key=lambda f: (f.sheet, f.severity))]
    shown = None if everything else SHOWN
    for sheet, severity, findings in groups:
        console.print(_table(sheet, severity, findings, shown))
        console.print()
    hidden = sum(max(0, len(findings) - SHOWN) for _, _, findings in groups)
    if hidden and not everything:
        console.print(_rule_counts(groups))
        where = "--semua, --json" + (' atau sheet "Validasi"' if marked else "")
        console.print(f"{hidden} temuan tidak ditampilkan di sini; daftar lengkapnya: {where}.")
    summary = report.summary()
    name = Path(report.file).name if report.file else "Renja"
    verdict = "[bold red]TIDAK LOLOS[/]" if summary["errors"] else "[bold green]LOLOS[/]"
    console.print(
        f"{name}: {verdict} — {summary['errors']} galat, {summary['warnings']} peringatan."
    )


def _mark(files: list[Path], report: Report, force: bool, quiet: bool) -> None:
    from renja_xl.validasi.workbook_marks import mark_file

    out = error_console if quiet else console
    for path in files:
        backup = mark_file(path, report, force=force)
        out.print(f"Temuan ditandai di {path} (sheet \"Validasi\")"
                  + (f"; cadangan: {backup.name}" if backup else "") + ".")


def validasi(
    berkas: Annotated[Path, typer.Argument(help="Workbook Renja (.xlsx) berisi Tabel 3.1/4.1.")],
    berkas2: Annotated[Path | None, typer.Argument(
        help="Workbook kedua (mis. Tabel 4.1 bila berkas pertama hanya memuat Tabel 3.1)."
    )] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Cetak temuan sebagai JSON.")] = False,
    tandai: Annotated[bool, typer.Option(
        "--tandai", help="Tulis temuan ke workbook: sheet \"Validasi\" dan warna sel."
    )] = False,
    konfigurasi: Annotated[Path | None, typer.Option(
        "--konfigurasi", help="Berkas TOML: aturan yang dimatikan, tingkat, dan batas."
    )] = None,
    nonaktif: Annotated[list[str] | None, typer.Option(
        "--nonaktif", metavar="<kode>",
        help="Matikan aturan (kode atau pola, mis. kode.*); boleh berulang."
    )] = None,
    nomenklatur: Annotated[list[Path] | None, typer.Option(
        "--nomenklatur", metavar="<berkas>",
        help="Daftar kode resmi tambahan: ekspor SIPD-RI (.xlsx) atau CSV berkolom 'kode'; "
        "boleh berulang."
    )] = None,
    semua: Annotated[bool, typer.Option(
        "--semua", help=f"Tampilkan semua temuan (tanpa ini: {SHOWN} pertama per sheet dan "
        "tingkat, sisanya diringkas per aturan)."
    )] = False,
    paksa: Annotated[bool, typer.Option(
        "--paksa", help="Dengan --tandai: simpan walau ada bagian berkas yang tak dapat "
        "dipertahankan (gambar, grafik)."
    )] = False,
) -> None:
    """Periksa Renja seperti verifikator Bappeda: subtotal, sumber dana, target, kode, 3.1/4.1."""
    from renja_xl.validasi import validate
    from renja_xl.validasi.config import Config, load_config

    config = load_config(konfigurasi) if konfigurasi else None
    if nomenklatur:
        config = replace(config or Config(), extra_nomenklatur=(
            *(config or Config()).extra_nomenklatur, *map(str, nomenklatur)))
    report = validate(berkas, config, other=berkas2, disable=nonaktif or ())
    if as_json:
        typer.echo(report.to_json())
    else:
        _print(report, everything=semua, marked=tandai)
    if tandai:
        files = [berkas] + ([berkas2] if berkas2 is not None else [])
        _mark(files, report, paksa, quiet=as_json)
    raise typer.Exit(1 if report.errors else 0)
