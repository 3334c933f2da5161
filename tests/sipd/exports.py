"""SIPD-shaped exports built in code, and the real ones shipped with the tests."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

DATA = Path(__file__).parent / "data"
APBD_2024 = DATA / "rekap_apbd_murni_2024.xlsx"
KUA_PPAS_2025 = DATA / "kua_ppas_2025.xlsx"

HEADER = [
    "NO", "TAHUN", "KODE URUSAN", "NAMA URUSAN", "KODE SKPD", "NAMA SKPD", "KODE SUB UNIT",
    "NAMA SUB UNIT", "KODE BIDANG URUSAN", "NAMA BIDANG URUSAN", "KODE PROGRAM", "NAMA PROGRAM",
    "KODE KEGIATAN", "NAMA KEGIATAN", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN",
    "KODE SUMBER DANA", "NAMA SUMBER DANA", "KODE REKENING", "NAMA REKENING", "PAGU",
]

DINKES = ("1.02.0.00.0.00.01.0000", "Dinas Kesehatan")
PUSKESMAS = ("1.02.0.00.0.00.01.0001", "Puskesmas Namlea")
DAU = ("2.2.01.01.02", "Dana Transfer Umum-Dana Alokasi Umum")
BOK = ("2.2.01.01.04.0035", "DAK Non Fisik-Dana BOK-BOK Puskesmas")


def line(tahun: int, sub_unit: tuple[str, str], sub_kegiatan: str, pagu: object,
         sumber: tuple[str, str] = DAU, skpd: tuple[str, str] = DINKES,
         rekening: str = "5.1.02.01.01.0001") -> dict[str, object]:
    """One export line of a sub kegiatan whose code gives its bidang, program and kegiatan."""
    parts = sub_kegiatan.split(".")
    bidang, program, kegiatan = ".".join(parts[:2]), ".".join(parts[:3]), ".".join(parts[:5])
    return {
        "TAHUN": tahun, "KODE URUSAN": parts[0], "NAMA URUSAN": f"URUSAN {parts[0]}",
        "KODE SKPD": skpd[0], "NAMA SKPD": skpd[1],
        "KODE SUB UNIT": sub_unit[0], "NAMA SUB UNIT": sub_unit[1],
        "KODE BIDANG URUSAN": bidang, "NAMA BIDANG URUSAN": f"BIDANG {bidang}",
        "KODE PROGRAM": program, "NAMA PROGRAM": f"PROGRAM {program}",
        "KODE KEGIATAN": kegiatan, "NAMA KEGIATAN": f"Kegiatan {kegiatan}",
        "KODE SUB KEGIATAN": sub_kegiatan, "NAMA SUB KEGIATAN": f"Sub Kegiatan {sub_kegiatan}",
        "KODE SUMBER DANA": sumber[0], "NAMA SUMBER DANA": sumber[1],
        "KODE REKENING": rekening, "NAMA REKENING": "Belanja", "PAGU": pagu,
    }


def write_export(path: Path, lines: list[dict[str, object]], *, header: list[str] = HEADER,
                 title: str | None = None, other_sheet_first: bool = False) -> Path:
    """An .xlsx export with `header` as its columns (in that order, extra ones empty)."""
    with xlsxwriter.Workbook(str(path)) as book:
        if other_sheet_first:
            pivot = book.add_worksheet("Pivot")
            pivot.write_row(0, 0, ["NAMA SKPD", "Jumlah PAGU"])
            pivot.write_row(1, 0, ["Dinas Kesehatan", 1])
        sheet = book.add_worksheet("Sheet 1")
        first = 0
        if title is not None:
            sheet.write(0, 0, title)
            first = 2
        sheet.write_row(first, 0, header)
        for n, values in enumerate(lines, start=1):
            row = [n if h == "NO" else values.get(h, "") for h in header]
            for col, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, int | float) or type(value).__name__ == "Decimal":
                    sheet.write_number(first + n, col, float(value))
                else:
                    sheet.write_string(first + n, col, str(value))
    return path


def real_lines(path: Path, limit: int | None = None) -> list[dict[str, object]]:
    """The lines of a real export as header → value (for reshaping them in a test)."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, r, strict=True)) for r in rows[1:limit and limit + 1]]
