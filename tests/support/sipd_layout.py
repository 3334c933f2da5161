"""A Tabel 3.1 printed the SIPD-era way: Kode over five columns, names prefixed, no bold."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from renja_xl.model import Level, Renja

_PARTS = ("Urusan", "Bidang", "Program", "Kegiatan", "Sub Kegiatan")
_PREFIX = {Level.KEGIATAN: "Kegiatan ", Level.SUB_KEGIATAN: "Sub Kegiatan "}


def split_kode(kode: str) -> list[str]:
    """ "5.01.01.2.01.0001" → ["5", "01", "01", "2.01", "0001"]; shorter codes leave blanks."""
    parts = kode.split(".") if kode else []
    cells = parts[:3] + ([".".join(parts[3:5])] if len(parts) >= 5 else []) + parts[5:6]
    return cells + [""] * (5 - len(cells))


def write_five_column(renja: Renja, path: Path) -> Path:
    """Tabel 3.1 of `renja` in the five-column Kode layout, figures as numbers."""
    tabel = renja.tabel31
    assert tabel is not None
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet("Tabel 3.1")
        sheet.write(0, 0, "TABEL 3.1")
        sheet.write(1, 0, f"RUMUSAN RENCANA PROGRAM DAN KEGIATAN SKPD TAHUN {renja.tahun}")
        sheet.write(3, 0, renja.opd)
        sheet.merge_range(5, 0, 5, 4, "Kode")
        sheet.write(5, 5, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan")
        sheet.write(5, 6, "Indikator Kinerja Program/Kegiatan")
        sheet.merge_range(5, 7, 5, 10, f"Rencana Tahun {renja.tahun}")
        sheet.write(5, 11, "Catatan Penting")
        sheet.merge_range(5, 12, 5, 13, f"Prakiraan Maju Rencana Tahun {renja.tahun_maju}")
        sheet.write_row(6, 0, _PARTS)
        sheet.write_row(6, 7, ["Lokasi", "Target Capaian Kinerja",
                               "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana"])
        sheet.write_row(6, 12, ["Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif"])
        sheet.write_row(7, 0, list(range(1, 15)))
        for n, baris in enumerate(tabel.baris, start=8):
            sheet.write_row(n, 0, split_kode(baris.kode), None)
            sheet.write(n, 5, _PREFIX.get(baris.level, "") + baris.uraian)
            texts = {6: baris.indikator, 7: baris.lokasi, 8: baris.target.teks,
                     10: baris.sumber_dana, 11: baris.catatan, 12: baris.target_maju.teks}
            for col, text in texts.items():
                if text:
                    sheet.write_string(n, col, text)
            for col, value in ((9, baris.pagu), (13, baris.pagu_maju)):
                if value is not None:
                    sheet.write_number(n, col, value)
    return path
