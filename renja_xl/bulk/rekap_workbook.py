"""The rekap as an .xlsx workbook (xlsxwriter: a new file, written fast), in Bahasa Indonesia.

Sheets: Ringkasan, Per Perangkat Daerah, Per Urusan, Per Bidang Urusan,
Per Program, Per Sumber Dana, and Gagal when some files could not be read.
Every figure is a value (no formula), so any reader sees the totals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from renja_xl.bulk.atomic import write_atomically
from renja_xl.bulk.rekap import Line, Rekap
from renja_xl.bulk.rekap_rows import AgencyRows
from renja_xl.money import Rupiah, format_rupiah

__all__ = ["SHEET_NAMES", "write_rekap"]

SHEET_NAMES = (
    "Ringkasan",
    "Per Perangkat Daerah",
    "Per Urusan",
    "Per Bidang Urusan",
    "Per Program",
    "Per Sumber Dana",
    "Gagal",
)
_RUPIAH = '#,##0;-#,##0;"-"'
_PERCENT = '0.00%;-0.00%;"-"'


@dataclass(frozen=True)
class _Column:
    heading: str
    width: float
    kind: str = "text"  # text, rupiah, percent, number


def write_rekap(rekap: Rekap, path: str | Path) -> Path:
    """Write the rekap workbook to `path` (atomically)."""
    return write_atomically(Path(path), lambda temporary: _write(rekap, temporary))


def _write(rekap: Rekap, path: Path) -> None:
    import xlsxwriter

    with xlsxwriter.Workbook(str(path)) as book:
        styles = _styles(book)
        years = _year_headings(rekap)
        _summary_sheet(book, styles, rekap, years)
        _agency_sheet(book, styles, rekap, years)
        for name, label, lines in (
            (SHEET_NAMES[2], "Urusan", rekap.urusan),
            (SHEET_NAMES[3], "Bidang Urusan", rekap.bidang_urusan),
            (SHEET_NAMES[4], "Program", rekap.program),
        ):
            _lines_sheet(book, styles, rekap, (name, label), lines, years, with_kode=True)
        _lines_sheet(book, styles, rekap, (SHEET_NAMES[5], "Sumber Dana"), rekap.sumber_dana,
                     years, with_kode=False)
        if rekap.failed:
            _failed_sheet(book, styles, rekap)


def _styles(book: Any) -> dict[str, Any]:
    base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
    border = {**base, "border": 1}
    return {
        "title": book.add_format({**base, "bold": True, "font_size": 12}),
        "subtitle": book.add_format({**base, "italic": True}),
        "heading": book.add_format({**border, "bold": True, "align": "center", "text_wrap": True,
                                    "valign": "vcenter", "bg_color": "#D9E1F2"}),
        "text": book.add_format({**border, "text_wrap": True}),
        "number": book.add_format({**border, "num_format": "0"}),
        "rupiah": book.add_format({**border, "num_format": _RUPIAH}),
        "percent": book.add_format({**border, "num_format": _PERCENT}),
        "total_text": book.add_format({**border, "bold": True}),
        "total_number": book.add_format({**border, "bold": True, "num_format": "0"}),
        "total_rupiah": book.add_format({**border, "bold": True, "num_format": _RUPIAH}),
        "total_percent": book.add_format({**border, "bold": True, "num_format": _PERCENT}),
    }


def _year_headings(rekap: Rekap) -> tuple[str, str]:
    tahun = rekap.tahun
    if tahun is None:
        return "Pagu Tahun N", "Prakiraan Maju Tahun N+1"
    return f"Pagu Tahun {tahun}", f"Prakiraan Maju Tahun {tahun + 1}"


def _change(pagu: Rupiah | None, pagu_maju: Rupiah | None) -> Decimal | None:
    """The change from N to N+1 as a ratio (shown in percent), divided exactly in Decimal;
    xlsxwriter writes a Decimal as it is."""
    if not pagu or pagu_maju is None:
        return None
    return Decimal(pagu_maju - pagu) / Decimal(pagu)


def _table(ws: Any, styles: dict[str, Any], first_row: int, columns: Sequence[_Column],
           rows: Sequence[Sequence[Any]], total: Sequence[Any] | None) -> None:
    for col, column in enumerate(columns):
        ws.set_column(col, col, column.width)
        ws.write(first_row, col, column.heading, styles["heading"])
    ws.set_row(first_row, 30)
    for offset, values in enumerate(rows, start=1):
        _write_row(ws, styles, first_row + offset, columns, values, "")
    if total is not None:
        _write_row(ws, styles, first_row + len(rows) + 1, columns, total, "total_")
    ws.freeze_panes(first_row + 1, 0)
    ws.autofilter(first_row, 0, first_row + len(rows), len(columns) - 1)


def _write_row(ws: Any, styles: dict[str, Any], row: int, columns: Sequence[_Column],
               values: Sequence[Any], prefix: str) -> None:
    for col, (column, value) in enumerate(zip(columns, values, strict=True)):
        style = styles[prefix + column.kind]
        if value is None or value == "":
            ws.write_blank(row, col, None, style)
        else:
            ws.write(row, col, value, style)


def _titles(ws: Any, styles: dict[str, Any], title: str, rekap: Rekap) -> None:
    ws.write(0, 0, title, styles["title"])
    pemda = sorted({a.pemda for a in rekap.agencies if a.pemda})
    tahun = rekap.tahun
    years = f"Tahun {tahun} dan Prakiraan Maju Tahun {tahun + 1}" if tahun else "Beberapa tahun"
    ws.write(1, 0, " · ".join([*pemda, years]), styles["subtitle"])


def _summary_sheet(book: Any, styles: dict[str, Any], rekap: Rekap, years: tuple[str, str]
                   ) -> None:
    ws = book.add_worksheet(SHEET_NAMES[0])
    _titles(ws, styles, "REKAPITULASI RENJA PERANGKAT DAERAH", rekap)
    read = len(rekap.agencies) + len(rekap.failed)
    items: list[tuple[str, Any, str]] = [
        ("Berkas diproses", read, "number"),
        ("Berkas terbaca", len(rekap.agencies), "number"),
        ("Berkas gagal dibaca", len(rekap.failed), "number"),
        ("Program", sum(a.program for a in rekap.agencies), "number"),
        ("Kegiatan", sum(a.kegiatan for a in rekap.agencies), "number"),
        ("Sub Kegiatan", sum(a.sub_kegiatan for a in rekap.agencies), "number"),
        (years[0], rekap.total_pagu, "rupiah"),
        (years[1], rekap.total_pagu_maju, "rupiah"),
        ("Selisih", rekap.total_pagu_maju - rekap.total_pagu, "rupiah"),
        ("Perubahan", _change(rekap.total_pagu, rekap.total_pagu_maju), "percent"),
    ]
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 22)
    ws.write(3, 0, "Uraian", styles["heading"])
    ws.write(3, 1, "Nilai", styles["heading"])
    for offset, (label, value, kind) in enumerate(items, start=4):
        columns = (_Column("", 0), _Column("", 0, kind))
        _write_row(ws, styles, offset, columns, (label, value), "")


_AGENCY_COLUMNS = (
    _Column("No", 5, "number"),
    _Column("Berkas", 30),
    _Column("Perangkat Daerah", 34),
    _Column("Pemerintah Daerah", 22),
    _Column("Tahun", 7, "number"),
    _Column("Program", 9, "number"),
    _Column("Kegiatan", 9, "number"),
    _Column("Sub Kegiatan", 9, "number"),
)


def _agency_sheet(book: Any, styles: dict[str, Any], rekap: Rekap, years: tuple[str, str]
                  ) -> None:
    ws = book.add_worksheet(SHEET_NAMES[1])
    _titles(ws, styles, "REKAPITULASI PER PERANGKAT DAERAH", rekap)
    columns = (
        *_AGENCY_COLUMNS,
        _Column(years[0], 20, "rupiah"),
        _Column(years[1], 20, "rupiah"),
        _Column("Selisih", 20, "rupiah"),
        _Column("Perubahan", 11, "percent"),
        _Column("JUMLAH di berkas (N)", 20, "rupiah"),
        _Column("JUMLAH di berkas (N+1)", 20, "rupiah"),
        _Column("Keterangan", 40),
    )
    rows = [_agency_values(number, agency) for number, agency in
            enumerate(rekap.agencies, start=1)]
    total = ["", "JUMLAH", "", "", "", *(sum(a[i] for a in rows) for i in (5, 6, 7)),
             rekap.total_pagu, rekap.total_pagu_maju, rekap.total_pagu_maju - rekap.total_pagu,
             _change(rekap.total_pagu, rekap.total_pagu_maju),
             sum(a.jumlah_pagu or 0 for a in rekap.agencies),
             sum(a.jumlah_pagu_maju or 0 for a in rekap.agencies), ""]
    _table(ws, styles, 3, columns, rows, total)


def _agency_values(number: int, agency: AgencyRows) -> list[Any]:
    pagu = sum(r.pagu or 0 for r in agency.rows)
    pagu_maju = sum(r.pagu_maju or 0 for r in agency.rows)
    return [
        number, agency.berkas, agency.perangkat_daerah, agency.pemda, agency.tahun or None,
        agency.program, agency.kegiatan, agency.sub_kegiatan,
        pagu, pagu_maju, pagu_maju - pagu, _change(pagu, pagu_maju),
        agency.jumlah_pagu, agency.jumlah_pagu_maju, _agency_note(agency, pagu, pagu_maju),
    ]


def _signed(amount: Rupiah) -> str:
    return ("+" if amount >= 0 else "") + format_rupiah(amount)


def _agency_note(agency: AgencyRows, pagu: Rupiah, pagu_maju: Rupiah) -> str:
    notes = []
    if agency.jumlah_pagu is not None and agency.jumlah_pagu != pagu:
        notes.append(f"JUMLAH tahun N di berkas berbeda {_signed(agency.jumlah_pagu - pagu)} "
                     "dari jumlah barisnya")
    if agency.jumlah_pagu_maju is not None and agency.jumlah_pagu_maju != pagu_maju:
        notes.append(f"JUMLAH tahun N+1 di berkas berbeda "
                     f"{_signed(agency.jumlah_pagu_maju - pagu_maju)} dari jumlah barisnya")
    if agency.tabel == "4.1":
        notes.append("hanya Tabel 4.1 (tanpa prakiraan maju)")
    return "; ".join(notes)


def _lines_sheet(book: Any, styles: dict[str, Any], rekap: Rekap, names: tuple[str, str],
                 lines: list[Line], years: tuple[str, str], *, with_kode: bool) -> None:
    name, label = names
    ws = book.add_worksheet(name)
    _titles(ws, styles, f"REKAPITULASI PER {label.upper()}", rekap)
    kode = (_Column("Kode", 14),) if with_kode else ()
    columns = (
        _Column("No", 5, "number"), *kode, _Column(label, 50),
        _Column("Jumlah Perangkat Daerah", 12, "number"),
        _Column(years[0], 20, "rupiah"), _Column(years[1], 20, "rupiah"),
        _Column("Selisih", 20, "rupiah"), _Column("Perubahan", 11, "percent"),
    )
    rows = [
        [n, *((line.kode,) if with_kode else ()), line.nama, line.perangkat_daerah, line.pagu,
         line.pagu_maju, line.selisih, _change(line.pagu, line.pagu_maju)]
        for n, line in enumerate(lines, start=1)
    ]
    pagu, pagu_maju = sum(x.pagu for x in lines), sum(x.pagu_maju for x in lines)
    agencies = len(set().union(*(x.agencies for x in lines))) if lines else 0
    total = ["", *(("",) if with_kode else ()), "JUMLAH", agencies, pagu, pagu_maju,
             pagu_maju - pagu, _change(pagu, pagu_maju)]
    _table(ws, styles, 3, columns, rows, total)


def _failed_sheet(book: Any, styles: dict[str, Any], rekap: Rekap) -> None:
    ws = book.add_worksheet(SHEET_NAMES[6])
    ws.write(0, 0, "BERKAS YANG GAGAL DIBACA", styles["title"])
    ws.write(1, 0, "Berkas berikut tidak masuk rekap; perbaiki lalu jalankan ulang.",
             styles["subtitle"])
    columns = (_Column("No", 5, "number"), _Column("Berkas", 50), _Column("Alasan", 90))
    rows = [[n, str(r.source), r.error] for n, r in enumerate(rekap.failed, start=1)]
    _table(ws, styles, 3, columns, rows, None)
