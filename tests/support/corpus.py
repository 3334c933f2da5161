"""The equivalence corpus: real and synthetic workbooks with every kind of fault we know.

`write_corpus(folder)` writes them all (the same bytes of content every run) and
returns {name: path} in a fixed order. Each workbook is one situation users meet:
the real Dharmasraya plan as the writer writes it, synthetic plans with each
planted fault, the plan pasted "as printed" from a PDF, parents typed over,
SUM instead of SUBTOTAL, ranges that miss or overlap, a cycle, #REF! and text
amounts, orphans, and either table alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from renja_xl.example import load_example
from renja_xl.model import Baris, Level
from renja_xl.workbook.writer import write
from tests.support.printed import write_printed
from tests.support.synthetic import FaultKind, generate, write_synthetic
from tests.validasi.planting import SHEET_31, SHEET_41, clean_renja, find_row, write_clean

__all__ = ["write_corpus"]

PROGRAM_1 = "PROGRAM PENUNJANG URUSAN"
KEGIATAN_1 = "Perencanaan, Penganggaran"
SUB_1 = "Koordinasi dan penyusunan dokumen RKA"
SUB_2 = "Penyediaan Gaji dan Tunjangan"


def _edit(path: Path, change: Callable[[Worksheet, Worksheet], None]) -> Path:
    """Open the workbook, let `change` edit Tabel 3.1 and 4.1, save it in place."""
    wb = load_workbook(path)
    change(wb[SHEET_31], wb[SHEET_41] if SHEET_41 in wb.sheetnames else None)
    wb.save(path)
    return path


def _typed_over_all(ws31: Worksheet, ws41: Worksheet | None) -> None:
    """Every parent formula replaced by the figure it showed: a plan typed by hand."""
    renja = clean_renja()
    for ws, tabel in ((ws31, renja.tabel31), (ws41, renja.tabel41)):
        if ws is None or tabel is None:
            continue
        first = find_row(ws, tabel.baris[0].uraian)
        for offset, baris in enumerate(tabel.baris):
            for column, value in ((6, baris.pagu), (10, baris.pagu_maju)):
                cell = ws.cell(first + offset, column)
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = value


def _kegiatan_typed(ws31: Worksheet, ws41: Worksheet | None) -> None:
    """A kegiatan typed over with its right figure, inside its program's SUBTOTAL."""
    ws31[f"F{find_row(ws31, KEGIATAN_1)}"] = 90_000_000
    if ws41 is not None:
        ws41[f"F{find_row(ws41, KEGIATAN_1)}"] = 90_000_000


def _kegiatan_typed_wrong(ws31: Worksheet, _ws41: Worksheet | None) -> None:
    """A kegiatan typed over with a wrong figure (both years)."""
    row = find_row(ws31, KEGIATAN_1)
    ws31[f"F{row}"] = 95_000_000
    ws31[f"J{row}"] = 1_000


def _program_sum(ws31: Worksheet, _ws41: Worksheet | None) -> None:
    """The program adds its block with SUM, so its kegiatan count twice."""
    ws31[f"F{find_row(ws31, PROGRAM_1)}"] = "=SUM(F12:F33)"


def _ranges_wrong(ws31: Worksheet, _ws41: Worksheet | None) -> None:
    """A kegiatan range one row short, another one row into the next block."""
    row = find_row(ws31, KEGIATAN_1)
    ws31[f"F{row}"] = f"=SUBTOTAL(9,F{row + 1}:F{row + 1})"
    ws31[f"J{row}"] = f"=SUBTOTAL(9,J{row + 1}:J{row + 4})"


def _cycle(ws31: Worksheet, _ws41: Worksheet | None) -> None:
    """A kegiatan whose range includes its own cell, and a pair that read each other."""
    row = find_row(ws31, KEGIATAN_1)
    ws31[f"F{row}"] = f"=SUBTOTAL(9,F{row}:F{row + 2})"
    sub = find_row(ws31, SUB_2)
    ws31[f"J{sub}"] = f"=F{sub}+J{sub - 1}"
    ws31[f"J{sub - 1}"] = f"=SUBTOTAL(9,J{sub}:J{sub})"


def _ref_error(ws31: Worksheet, ws41: Worksheet | None) -> None:
    """#REF! in a sub kegiatan (both tables), and a formula that reads it."""
    ws31[f"F{find_row(ws31, SUB_1)}"] = "#REF!"
    ws31[f"J{find_row(ws31, SUB_2)}"] = "=#REF!+1"
    if ws41 is not None:
        ws41[f"F{find_row(ws41, SUB_1)}"] = "#REF!"


def _text_amounts(ws31: Worksheet, _ws41: Worksheet | None) -> None:
    """Amounts typed as text: one Indonesian number, one word, one dash."""
    ws31[f"F{find_row(ws31, SUB_1)}"] = "30.000.000"
    ws31[f"J{find_row(ws31, SUB_1)}"] = "menunggu RKA"
    ws31[f"F{find_row(ws31, SUB_2)}"] = "-"


def _typed_unreadable(ws31: Worksheet, ws41: Worksheet | None) -> None:
    """A plan typed by hand with #REF! and text among its sub kegiatan amounts."""
    _typed_over_all(ws31, ws41)
    ws31[f"F{find_row(ws31, SUB_1)}"] = "#REF!"
    ws31[f"J{find_row(ws31, SUB_2)}"] = "menunggu RKA"


def _orphans() -> list[Baris]:
    """The real Tabel 3.1 with a sub kegiatan under a program and a kegiatan under a bidang."""
    tabel = load_example().tabel31
    assert tabel is not None
    rows = list(tabel.baris)
    program = next(i for i, b in enumerate(rows) if b.level is Level.PROGRAM)
    rows.insert(program + 1, Baris(level=Level.SUB_KEGIATAN, uraian="Penyediaan Jasa Kebersihan "
                                   "Kantor", pagu=7_000_000, pagu_maju=7_700_000,
                                   sumber_dana="APBD"))
    bidang = [i for i, b in enumerate(rows) if b.level is Level.BIDANG][1]
    rows.insert(bidang + 1, Baris(level=Level.KEGIATAN, uraian="Pengelolaan Data Terpadu "
                                  "Kesejahteraan Sosial", pagu=None))
    rows.insert(bidang + 2, Baris(level=Level.SUB_KEGIATAN, uraian="Verifikasi dan Validasi "
                                  "Data", pagu=12_500_000, pagu_maju=13_000_000,
                                  sumber_dana="APBD"))
    return rows


def _write_orphans(path: Path) -> Path:
    renja = clean_renja()
    assert renja.tabel31 is not None
    renja.tabel31.baris = _orphans()
    renja.tabel41 = None
    return write(renja, path)


def _only_31(path: Path) -> Path:
    renja = load_example()
    renja.tabel41 = None
    return write(renja, path)


def _synthetic(folder: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    out["sintetis_bersih"] = write_synthetic(generate(7, rows=120), folder / "s_bersih.xlsx")
    for i, kind in enumerate(FaultKind):
        name = f"sintetis_{kind.value}"
        out[name] = write_synthetic(generate(11 + i, rows=40, faults=[kind]),
                                    folder / f"s_{kind.value}.xlsx")
    both = [FaultKind.TEXT_IN_PAGU, FaultKind.SUBTOTAL_RANGE, FaultKind.NEGATIVE_PAGU]
    out["sintetis_campuran"] = write_synthetic(generate(5, rows=60, faults=both),
                                               folder / "s_campuran.xlsx")
    return out


def _printed(folder: Path) -> dict[str, Path]:
    return {
        "cetak_31": write_printed(folder / "p31.xlsx", "tabel31"),
        "cetak_41": write_printed(folder / "p41.xlsx", "tabel41"),
        "cetak_31_teks": write_printed(folder / "p31t.xlsx", "tabel31", amounts_as_text=True),
        "cetak_31_polos": write_printed(folder / "p31p.xlsx", "tabel31", bold=False,
                                        repeat_every=None, title=False),
    }


_PLANTED: dict[str, Callable[[Worksheet, Worksheet | None], None]] = {
    "diketik_semua": _typed_over_all,
    "kegiatan_diketik": _kegiatan_typed,
    "kegiatan_diketik_salah": _kegiatan_typed_wrong,
    "program_sum": _program_sum,
    "rentang_salah": _ranges_wrong,
    "melingkar": _cycle,
    "ref_error": _ref_error,
    "teks_pagu": _text_amounts,
    "diketik_tak_terbaca": _typed_unreadable,
}


def write_corpus(folder: Path) -> dict[str, Path]:
    """Write every workbook of the corpus into `folder`; name → path, in a fixed order."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {
        "contoh": write(load_example(), folder / "contoh.xlsx"),
        "contoh_31_saja": _only_31(folder / "contoh31.xlsx"),
        "bersih": write_clean(folder, "bersih.xlsx"),
    }
    for name, change in _PLANTED.items():
        out[name] = _edit(write_clean(folder, f"{name}.xlsx"), change)
    out["yatim"] = _write_orphans(folder / "yatim.xlsx")
    out.update(_printed(folder))
    out.update(_synthetic(folder))
    return out
