"""`renja-xl impor-sipd`: Renja workbooks for a whole pemda from SIPD-RI exports.

Exit codes as the other bulk commands: 0 every workbook written; 1 some failed
(the others were written); 2 none written, or the input is not a SIPD export
(one line naming the missing columns), or TAHUN differs between rows or files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from renja_xl.cli.bulk import Rinci, Workers, _closing, _progress, _summary_table
from renja_xl.cli.output import console
from renja_xl.money import format_rupiah
from renja_xl.sipd.per import Per

if TYPE_CHECKING:
    from renja_xl.bulk import FileResult

__all__ = ["impor_sipd"]


def _done(result: FileResult) -> str:
    value = result.value
    maju = "" if value.total_pagu_maju is None else \
        f", N+1 Rp {format_rupiah(value.total_pagu_maju)}"
    return (f"{result.job.output.name}: {value.sub_kegiatan} sub kegiatan, "
            f"pagu Rp {format_rupiah(value.total_pagu)}{maju}")


def impor_sipd(
    ekspor: Annotated[Path, typer.Argument(help="Ekspor SIPD-RI (.xlsx) tahun N.",
                                           show_default=False)],
    keluar: Annotated[Path, typer.Option("--keluar", metavar="<folder>",
                                         help="Folder untuk workbook hasil.",
                                         show_default=False)],
    maju: Annotated[Path | None, typer.Option(
        "--maju", help="Ekspor SIPD-RI tahun N+1, untuk kolom prakiraan maju.")] = None,
    per: Annotated[Per, typer.Option(
        "--per", metavar="<teks>",
        help="skpd: satu workbook per SKPD (bawaan); sub-unit: satu per sub unit.")] = Per.SKPD,
    pemda: Annotated[str, typer.Option(
        "--pemda", help="Nama pemerintah daerah untuk judul tabel, mis. 'Kabupaten Buru' "
        "(ekspor SIPD tidak memuatnya).")] = "",
    workers: Workers = None,
    rinci: Rinci = False,
) -> None:
    """Buat Renja (Tabel 3.1 dan 4.1) setiap Perangkat Daerah dari ekspor SIPD-RI."""
    from renja_xl.sipd import import_sipd

    keluar.mkdir(parents=True, exist_ok=True)
    with _progress("Menulis Renja", None) as advance:
        summary = import_sipd(ekspor, keluar, maju=maju, per=per, pemda=pemda, workers=workers,
                              on_result=advance, on_planned=advance.total)
    console.print(_summary_table(summary, rinci, _done))
    written = [r.value for r in summary.succeeded]
    if written:
        total = sum((v.total_pagu for v in written), 0)
        line = f"Jumlah pagu {len(written)} workbook: Rp {format_rupiah(total)} (tahun N)"
        if maju is not None:
            total_maju = sum((v.total_pagu_maju or 0 for v in written), 0)
            line += f", Rp {format_rupiah(total_maju)} (tahun N+1)"
        console.print(line + ".")
    _closing(summary, f"Hasil di {keluar}")
