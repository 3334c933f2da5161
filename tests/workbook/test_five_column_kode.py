"""The SIPD-era Tabel 3.1 (Kode over five columns, prefixed names, no bold) reads exactly
like the one-column layout, Kode rebuilt whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from renja_xl.sipd import group, plan_renja, read_exports
from renja_xl.workbook.kode_columns import join_kode, strip_level_prefix
from renja_xl.workbook.reader import load
from renja_xl.workbook.writer import write
from tests.sipd.exports import APBD_2024, KUA_PPAS_2025
from tests.support.sipd_layout import split_kode, write_five_column

CORPUS = Path(__file__).parent / "data" / "renja_sipd_lima_kolom.xlsx"
"""Bappeda Kabupaten Buru 2024 (N+1 from KUA-PPAS 2025), printed the SIPD-era way."""


@pytest.mark.parametrize(
    ("parts", "kode"),
    [
        (["5", "01", "01", "2.01", "0001"], "5.01.01.2.01.0001"),
        (["5", "1", "1", "2.1", "1"], "5.01.01.2.01.0001"),  # numbers lost their zeros
        (["1", "02", "", "", ""], "1.02"),
        (["X", "XX", "01", "2.01", ""], "X.XX.01.2.01"),
        (["", "", "", "", ""], ""),
    ],
)
def it_rebuilds_the_whole_kode(parts: list[str], kode: str) -> None:
    assert join_kode(parts) == kode


def it_drops_the_level_prefix_of_names() -> None:
    assert strip_level_prefix("Sub Kegiatan Penyediaan Permakanan") == "Penyediaan Permakanan"
    assert strip_level_prefix("Kegiatan: Rehabilitasi Sosial") == "Rehabilitasi Sosial"
    assert strip_level_prefix("Kegiatan Pemuda") == "Pemuda"
    assert strip_level_prefix("PROGRAM PENUNJANG") == "PROGRAM PENUNJANG"


def _renja():
    exports = read_exports(APBD_2024, KUA_PPAS_2025)
    rencana = next(r for r in group(exports).values()
                   if r.nama == "Badan Perencanaan Pembangunan Daerah")
    return plan_renja(rencana, 2024, maju=True, pemda="Kabupaten Buru")


def _rows(path: Path) -> list[tuple]:
    tabel = load(path).tabel31
    return [(b.level, b.kode, b.uraian, b.pagu, b.pagu_maju, b.sumber_dana, b.catatan)
            for b in tabel]


def it_reads_the_corpus_file_like_the_one_column_layout(tmp_path: Path) -> None:
    one_column = write(_renja(), tmp_path / "satu_kolom.xlsx")
    expected = _rows(one_column)
    assert len(expected) > 100
    assert _rows(CORPUS) == expected
    assert _rows(write_five_column(_renja(), tmp_path / "lima.xlsx")) == expected


def it_prints_the_kode_split_as_sipd_does() -> None:
    assert split_kode("5.01.01.2.01.0001") == ["5", "01", "01", "2.01", "0001"]
    assert split_kode("1.02") == ["1", "02", "", "", ""]


if __name__ == "__main__":  # regenerate the corpus file
    write_five_column(_renja(), CORPUS)
