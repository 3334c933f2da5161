"""`renja-xl validasi`: every finding by sheet and severity; optionally marked in the file."""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from renja_xl.cli.output import console, error_console

if TYPE_CHECKING:
    from rich.table import Table

    from renja_xl.validasi import Finding, Report, Severity

__all__ = ["validasi"]

_STYLES = {"error": "bold red", "warning": "yellow"}
"""Title style by severity (`Severity` is a string enum: its values are the keys)."""


def _table(sheet: str, severity: Severity, findings: list[Finding]) -> Table:
    from rich.table import Table

    table = Table(
        title=f"{sheet} — {severity.label} ({len(findings)})",
        title_style=_STYLES[severity],
        title_justify="left",
        show_lines=False,
    )
    table.add_column("Sel", no_wrap=True)
    table.add_column("Aturan", no_wrap=True)
    table.add_column("Pesan", overflow="fold")
    for f in findings:
        table.add_row(f.cell or (f"baris {f.row}" if f.row else "-"), f.code, f.message)
    return table


def _print(report: Report) -> None:
    """The report as tables, one per sheet and severity, errors first."""
    from renja_xl.validasi import Severity

    order = {Severity.ERROR: 0, Severity.WARNING: 1}
    sheets = list(dict.fromkeys(f.sheet for f in report))
    ranked = sorted(report, key=lambda f: (sheets.index(f.sheet), order[f.severity]))
    for (sheet, severity), group in groupby(ranked, key=lambda f: (f.sheet, f.severity)):
        console.print(_table(sheet or "Umum", severity, list(group)))
        console.print()
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
        _print(report)
    if tandai:
        files = [berkas] + ([berkas2] if berkas2 is not None else [])
        _mark(files, report, paksa, quiet=as_json)
    raise typer.Exit(1 if report.errors else 0)
