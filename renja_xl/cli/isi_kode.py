"""`renja-xl isi-kode`: fill the empty Kode cells of a workbook from the official nomenclature."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from renja_xl.cli.output import console, teks
from renja_xl.errors import RenjaError
from renja_xl.nomenklatur.matching import DEFAULT_THRESHOLD

if TYPE_CHECKING:
    from rich.table import Table

    from renja_xl.model import Asal, Renja, Tabel
    from renja_xl.nomenklatur import HasilIsiKode
    from renja_xl.xlsx import WorkbookEditor

__all__ = ["isi_kode"]

_TEXT_FORMAT = 49
"""Excel's built-in "@" (text) number format."""


@dataclass
class _Written:
    """Cells written, and planned cells found not empty (left as they were)."""

    kode: int = 0
    uraian: int = 0
    indikator: int = 0
    occupied: list[str] = field(default_factory=list)


def isi_kode(
    berkas: Annotated[Path, typer.Argument(help="Workbook Renja (.xlsx) berisi Tabel 3.1/4.1.")],
    urusan: Annotated[str | None, typer.Option(
        "--urusan", metavar="<kode>",
        help="Bidang urusan utama perangkat daerah, mis. 1.06 (tempat program "
        "penunjang). Bila tidak diisi, disimpulkan dari program pertama.")] = None,
    bidang: Annotated[list[str] | None, typer.Option(
        "--bidang", metavar="<kode>",
        help="Bidang urusan lain yang dipegang (boleh berulang), mis. --bidang 2.08.")
    ] = None,
    perbaiki_nama: Annotated[bool, typer.Option(
        "--perbaiki-nama", help="Tulis ulang uraian dengan ejaan resmi bila kodenya pasti.")
    ] = False,
    isi_indikator: Annotated[bool, typer.Option(
        "--isi-indikator", help="Isi indikator sub kegiatan yang kosong dengan indikator resmi.")
    ] = False,
    ambang: Annotated[float, typer.Option(
        "--ambang", min=50, max=100, help="Kemiripan minimum (0-100) untuk mengisi kode.")
    ] = DEFAULT_THRESHOLD,
    coba: Annotated[bool, typer.Option(
        "--coba", help="Tampilkan saja apa yang akan diisi; berkas tidak diubah.")] = False,
    paksa: Annotated[bool, typer.Option(
        "--paksa", hidden=True, help="Tidak diperlukan lagi; diterima agar skrip lama tetap "
        "jalan.")] = False,
) -> None:
    """Isi kolom Kode yang kosong dari nomenklatur resmi (Kepmendagri 900.1.15.5-1317/2023)."""
    from renja_xl.workbook.reader import load
    from renja_xl.xlsx import WorkbookEditor

    renja = load(berkas, strict=False)
    results = _fill(renja, berkas, urusan, bidang or [], perbaiki_nama, isi_indikator, ambang)
    for hasil in results:
        _print_result(hasil.tabel, hasil)
    if coba:
        console.print("Percobaan (--coba): berkas tidak diubah.")
        return
    with WorkbookEditor(berkas) as editor:
        written = _Written()
        for hasil in results:
            _write(editor, hasil.tabel, hasil, written, perbaiki_nama, isi_indikator)
        _print_written(written)
        if not (written.kode or written.uraian or written.indikator):
            console.print("Tidak ada sel yang diisi; berkas tidak diubah.")
            return
        backup = editor.save()
    console.print(f"Disimpan: {teks(berkas)}" + (f" (cadangan: {backup.name})" if backup else ""))


def _fill(
    renja: Renja,
    berkas: Path,
    urusan: str | None,
    bidang: list[str],
    perbaiki_nama: bool,
    isi_indikator: bool,
    ambang: float,
) -> list[HasilIsiKode]:
    """Fill each table (`renja_xl.nomenklatur.fill_kode_renja`); refuse a workbook without one."""
    from renja_xl import nomenklatur

    if not renja.tabel:
        raise RenjaError("tidak ada Tabel 3.1 atau 4.1 di workbook", file=berkas)
    return nomenklatur.fill_kode_renja(renja, urusan=urusan, bidang=bidang, threshold=ambang,
                                       perbaiki_nama=perbaiki_nama, isi_indikator=isi_indikator)


def _cell(tabel: Tabel, asal: Asal | None, name: str) -> tuple[str, int, int] | None:
    """(sheet, row, column) of a row's cell in one column, if the table has that column."""
    column = tabel.columns.get(name)
    if asal is None or column is None:
        return None
    return asal.sheet, asal.row, column


def _put(editor: WorkbookEditor, where: tuple[str, int, int], value: str,
         text_format: bool = False) -> None:
    """Write a text; a Kode cell also gets the text format, so "1.06.04" never turns numeric."""
    from renja_xl.xlsx import text

    style = None
    if text_format:
        style = editor.styles.derive(editor.style(*where), number_format=_TEXT_FORMAT)
    editor.set(*where, text(value), style)


def _empty(editor: WorkbookEditor, where: tuple[str, int, int]) -> bool:
    value = editor.value(*where)
    return value is None or (isinstance(value, str) and not value.strip())


def _write(editor: WorkbookEditor, tabel: Tabel, hasil: HasilIsiKode, written: _Written,
           perbaiki_nama: bool, isi_indikator: bool) -> None:
    """Write only the Kode cells (and, if asked, Uraian and Indikator) of this table."""
    from renja_xl.formula.a1 import cell_text

    for diisi in hasil.diisi:
        where = _cell(tabel, diisi.asal, "kode")
        if where is None:
            continue
        if not _empty(editor, where):
            written.occupied.append(f"{tabel.sheet}!{cell_text(where[1], where[2])}")
            continue
        _put(editor, where, diisi.kode, text_format=True)
        written.kode += 1
    for change in hasil.perbaikan_nama if perbaiki_nama else ():
        where = _cell(tabel, change.asal, "uraian")
        value = editor.value(*where) if where else None
        if where is not None and isinstance(value, str) and value.strip() == change.lama:
            _put(editor, where, change.baru)
            written.uraian += 1
    for saran in hasil.saran_indikator if isi_indikator else ():
        where = _cell(tabel, saran.asal, "indikator")
        if where is not None and _empty(editor, where):
            _put(editor, where, saran.metadata.indikator)
            written.indikator += 1


def _row(asal: Asal | None) -> str:
    return str(asal.row) if asal else ""


def _print_result(tabel: Tabel, hasil: HasilIsiKode) -> None:
    bidang = ", ".join(hasil.bidang) or "tidak diketahui"
    console.print(f"\n[bold]{teks(tabel.sheet or 'Tabel ' + tabel.kind.value)}[/] — nomenklatur "
                  f"{hasil.versi}; bidang urusan: {bidang}; urusan utama: "
                  f"{hasil.urusan_utama or 'tidak diketahui'}.")
    if hasil.diisi:
        console.print(_filled_table(hasil))
    if hasil.tersisa:
        console.print(_left_table(hasil))
    if hasil.perbaikan_nama:
        console.print(_names_table(hasil))
    if hasil.saran_indikator:
        console.print(_indikator_table(hasil))
    console.print(f"{len(hasil.diisi)} baris diberi kode, {len(hasil.tersisa)} baris tanpa kode, "
                  f"{len(hasil.sudah_ada)} baris sudah berkode (tidak diubah).")


def _filled_table(hasil: HasilIsiKode) -> Table:
    from rich.table import Table

    table = Table(title="Kode yang diisi", title_justify="left")
    for heading, justify in (("Baris", "right"), ("Tingkat", "left"), ("Uraian", "left"),
                             ("Kode", "left"), ("Kemiripan", "right")):
        table.add_column(heading, justify=justify)  # type: ignore[arg-type]
    for d in hasil.diisi:
        table.add_row(_row(d.asal), d.level.label, teks(d.uraian[:60]), d.kode,
                      f"{d.confidence:.0f}")
    return table


def _left_table(hasil: HasilIsiKode) -> Table:
    from rich.table import Table

    table = Table(title="Baris yang dibiarkan tanpa kode", title_justify="left")
    for heading, justify in (("Baris", "right"), ("Tingkat", "left"), ("Uraian", "left"),
                             ("Alasan", "left"), ("Kandidat terbaik", "left")):
        table.add_column(heading, justify=justify)  # type: ignore[arg-type]
    for t in hasil.tersisa:
        candidates = "\n".join(f"{e.kode} ({s:.0f}) {e.nama[:50]}" for e, s in t.candidates)
        table.add_row(_row(t.asal), t.level.label, teks(t.uraian[:50]), teks(t.alasan),
                      teks(candidates or "-"))
    return table


def _names_table(hasil: HasilIsiKode) -> Table:
    from rich.table import Table

    table = Table(title="Ejaan resmi (ditulis dengan --perbaiki-nama)", title_justify="left")
    for heading in ("Baris", "Kode", "Semula", "Menjadi"):
        table.add_column(heading)
    for p in hasil.perbaikan_nama:
        table.add_row(_row(p.asal), p.kode, teks(p.lama[:50]), teks(p.baru[:50]))
    return table


def _indikator_table(hasil: HasilIsiKode) -> Table:
    from rich.table import Table

    table = Table(title="Indikator resmi untuk sub kegiatan tanpa indikator (--isi-indikator)",
                  title_justify="left")
    for heading in ("Baris", "Kode", "Indikator", "Satuan"):
        table.add_column(heading)
    for s in hasil.saran_indikator:
        table.add_row(_row(s.asal), s.kode, s.metadata.indikator[:70], s.metadata.satuan)
    return table


def _print_written(written: _Written) -> None:
    if written.occupied:
        occupied = ", ".join(written.occupied)
        console.print(f"Sel Kode ternyata sudah berisi, tidak diubah: {occupied}")
    console.print(f"Ditulis: {written.kode} sel Kode, {written.uraian} sel Uraian, "
                  f"{written.indikator} sel Indikator.")
