"""Planning writes in blocks: runs of adjacent cells, joined only across rewritable cells."""

from renja_xl.excel.blocks import column_runs, run_refs, value_blocks


def test_adjacent_rows_make_one_run():
    assert column_runs([5, 3, 4, 9]) == [(3, 5), (9, 9)]


def test_cells_become_a1_ranges_column_by_column():
    assert run_refs([(12, 6), (13, 6), (20, 6), (12, 10)]) == ["F12:F13", "F20", "J12"]


def test_within_the_budget_nothing_between_runs_is_written():
    cells = {("S", 2, 1): 1, ("S", 5, 1): 2}
    blocks = value_blocks(cells, budget=2, keep=lambda *_: (True, 0))
    assert [(b.row, b.values) for b in blocks] == [(2, (1,)), (5, (2,))]


def test_over_the_budget_the_smallest_rewritable_gap_is_joined():
    cells = {("S", 2, 1): 1, ("S", 4, 1): 2, ("S", 10, 1): 3}

    def keep(sheet, row, column):
        return (True, f"semula{row}")

    blocks = value_blocks(cells, budget=2, keep=keep)
    assert [(b.ref, b.values) for b in blocks] == [("A2:A4", (1, "semula3", 2)), ("A10", (3,))]


def test_a_gap_holding_a_cell_that_cannot_be_rewritten_is_never_joined():
    cells = {("S", 2, 1): 1, ("S", 4, 1): 2}
    blocks = value_blocks(cells, budget=1, keep=lambda s, r, c: (r != 3, None))
    assert len(blocks) == 2
