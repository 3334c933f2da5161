"""Level inference from the signals a row shows."""

from renja_xl.inference import RowSignals, infer_levels
from renja_xl.model import Level
from renja_xl.nomenklatur import default
from tests.support.printed import fixture_rows

K, S = Level.KEGIATAN, Level.SUB_KEGIATAN


def _signals(table: str, *, bold: bool) -> list[RowSignals]:
    return [
        RowSignals(uraian=r["uraian"], bold=r["bold"] if bold else None, pagu=r["pagu"],
                   pagu_maju=r.get("pagu_maju"), indikator=r["indikator"], lokasi=r["lokasi"])
        for r in fixture_rows(table)
    ]


def it_gets_every_real_row_right_with_or_without_names_and_bold() -> None:
    for table in ("tabel31", "tabel41"):
        expected = [Level(r["level"]) for r in fixture_rows(table)]
        for bold in (True, False):
            for names in (default().levels_for_name, None):
                levels, notes = infer_levels(_signals(table, bold=bold), names)
                assert levels == expected
                assert notes == [None] * len(expected)


def it_splits_by_subtotals_when_nothing_else_tells() -> None:
    rows = [
        RowSignals("PROGRAM X", pagu=60, pagu_maju=66),
        RowSignals("a", pagu=30, pagu_maju=33, indikator="i"),
        RowSignals("b", pagu=10, pagu_maju=11, indikator="i"),
        RowSignals("c", pagu=20, pagu_maju=22, indikator="i"),
        RowSignals("d", pagu=30, pagu_maju=33, indikator="i"),
        RowSignals("e", pagu=30, pagu_maju=33, indikator="i"),
    ]
    levels, _ = infer_levels(rows)
    assert levels == [Level.PROGRAM, K, S, S, K, S]


def it_trusts_a_kode_over_the_sums() -> None:
    rows = [
        RowSignals("PROGRAM X", pagu=30),
        RowSignals("a", kode="1.06.01.2.01", pagu=30),
        RowSignals("b", kode="1.06.01.2.01.0001", pagu=30),
    ]
    assert infer_levels(rows)[0] == [Level.PROGRAM, K, S]


def it_reads_section_rows_and_jumlah_from_the_text() -> None:
    rows = [
        RowSignals("BIDANG SOSIAL"),
        RowSignals("PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK"),
        RowSignals("JUMLAH", pagu=1),
    ]
    assert infer_levels(rows)[0] == [Level.BIDANG, Level.BIDANG, Level.JUMLAH]


def it_follows_a_formula_that_names_the_children() -> None:
    rows = [
        RowSignals("PROGRAM X", pagu=40),
        RowSignals("a", pagu=40, children=range(2, 4)),
        RowSignals("b", pagu=20, indikator="i"),
        RowSignals("c", pagu=20, indikator="i"),
    ]
    assert infer_levels(rows)[0] == [Level.PROGRAM, K, S, S]
