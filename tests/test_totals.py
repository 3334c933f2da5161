"""The totals engine: what each parent should hold, and what its cell shows in Excel."""

from __future__ import annotations

from decimal import Decimal

from renja_xl.example import load_example
from renja_xl.model import Asal, Baris, Level, RawCell, Tabel, TabelKind
from renja_xl.totals import expected_totals, shown, unreadable

P, K, S, J = Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN, Level.JUMLAH


def _tabel(*rows: tuple[Level, object], formulas: dict[int, str] | None = None) -> Tabel:
    """A one-column table: rows from sheet row 1, pagu in column F, formulas by index."""
    baris = []
    for i, (level, pagu) in enumerate(rows):
        raw = {}
        if formulas and i in formulas:
            raw["pagu"] = RawCell(ref=f"F{i + 1}", formula=formulas[i])
        elif isinstance(pagu, str):
            raw["pagu"] = RawCell(ref=f"F{i + 1}", value=pagu)
            pagu = None
        baris.append(Baris.model_construct(  # unvalidated: sen as Decimal before the model has them
            level=level, uraian=f"baris {i}", pagu=pagu, asal=Asal("S", i + 1), raw=raw))
    return Tabel(kind=TabelKind.TABEL_41, sheet="S", baris=baris, columns={"pagu": 6})


def test_the_real_plan_adds_up_to_its_printed_jumlah() -> None:
    tabel = load_example().tabel31
    assert tabel is not None
    totals = expected_totals(tabel)
    jumlah = len(tabel.baris) - 1
    assert totals[(jumlah, "pagu")] == 14_428_928_570
    assert totals[(jumlah, "pagu_maju")] == 13_878_624_857
    assert totals[(1, "pagu")] == 5_211_187_570


def test_parents_sum_their_sub_kegiatan_and_orphans_go_to_jumlah() -> None:
    tabel = _tabel((K, 1), (S, 10), (S, None), (K, 7), (K, 2), (S, None), (S, 5), (P, 3),
                   (S, 4), (J, 0))
    totals = expected_totals(tabel)
    assert totals[(0, "pagu")] == 10
    assert (3, "pagu") not in totals  # a kegiatan without sub kegiatan keeps its own figure
    assert totals[(4, "pagu")] == 5
    assert (7, "pagu") not in totals  # only an orphan below it: the program has no children
    assert totals[(9, "pagu")] == 10 + 7 + 5 + 3 + 4


def test_a_parent_whose_sub_kegiatan_have_no_figure_has_none() -> None:
    tabel = _tabel((P, 5), (K, 5), (S, None), (S, None), (J, 5))
    assert expected_totals(tabel) == {(0, "pagu"): None, (1, "pagu"): None, (4, "pagu"): None}


def test_sen_stay_exact() -> None:
    tabel = _tabel((P, None), (K, None), (S, Decimal("0.10")), (S, Decimal("0.20")), (J, None))
    assert expected_totals(tabel)[(4, "pagu")] == Decimal("0.30")


def test_unreadable_cells_are_left_out_of_the_sum_and_named() -> None:
    tabel = _tabel((P, None), (K, None), (S, "#REF!"), (S, "menunggu RKA"), (S, 4), (J, None))
    assert unreadable(tabel, "pagu") == [2, 3]
    assert expected_totals(tabel)[(5, "pagu")] == 4


def test_what_parent_cells_show_in_excel() -> None:
    subtotal = {0: "SUBTOTAL(9,F2:F5)", 5: "SUBTOTAL(9,F1:F5)"}
    rows = ((P, None), (K, 30), (S, 10), (S, 20), (S, "12.000"), (J, None))
    typed = _tabel(*rows, formulas=subtotal)
    assert shown(typed, "pagu") == {0: 60, 1: 30, 5: 60}  # the typed kegiatan counts twice
    restored = shown(typed, "pagu", {1: "=SUBTOTAL(9,F3:F5)"})
    assert restored == {0: 30, 1: 30, 5: 30}  # text is no number to Excel
    summed = _tabel(*rows, formulas={**subtotal, 0: "SUM(F2:F4)", 1: "SUBTOTAL(9,F3:F4)"})
    # SUM counts the nested SUBTOTAL, and the JUMLAH's SUBTOTAL counts the SUM cell
    assert shown(summed, "pagu") == {0: 60, 1: 30, 5: 90}
    short = _tabel(*rows, formulas={**subtotal, 1: "SUBTOTAL(9,F3:F3)"})
    assert shown(short, "pagu")[1] == 10  # a wrong range counts what it covers


def test_errors_and_cycles_show_as_ref() -> None:
    rows = ((P, None), (K, None), (S, "#REF!"), (S, 5), (J, None))
    tabel = _tabel(*rows, formulas={0: "SUBTOTAL(9,F2:F4)", 1: "SUBTOTAL(9,F3:F4)",
                                    4: "SUM(F1:F5)"})
    assert shown(tabel, "pagu") == {0: "#REF!", 1: "#REF!", 4: "#REF!"}
