"""Round trips stay constant in the size of the sheet: at most 20 actions per click.

On a 1,000-row and a 10,000-row Tabel 3.1 with faults spread over every part
of it, each script returns at most `MAX_ACTIONS` actions, and from a VBA
payload only action types xlwings' VBA client (its Remote.bas) can replay.
The replayed result is checked too: the subtotals are right afterwards.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xlwings

from renja_xl.excel import scripts
from renja_xl.excel.output import FILL_MACRO, MAX_ACTIONS, UNFILL_MACRO, VALUES_MACRO
from renja_xl.workbook.reader import load
from renja_xl.workbook.subtotals import subtotal_updates
from tests.excel.workbooks import SHEET_31, big, cells, run_script

MACROS = Path(__file__).parents[2] / "macros"


def vba_actions() -> set[str]:
    """The action types xlwings' VBA client replays (its Subs taking (wb, action))."""
    source = (Path(xlwings.__file__).parent / "addin" / "Remote.bas").read_text()
    return set(re.findall(r"^Sub (\w+)\(wb As Workbook, action As Dictionary\)", source, re.M))


class Clicks:
    """One big sheet and the results of clicking its buttons (each click run once)."""

    def __init__(self, path: Path, rows: int) -> None:
        self.path, self.rows = path, rows
        self.done: dict[tuple[str, str], tuple] = {}

    def click(self, name: str, client: str = "VBA") -> tuple:
        if (name, client) not in self.done:
            self.done[(name, client)] = run_script(self.path, getattr(scripts, name),
                                                   client=client)
        return self.done[(name, client)]


@pytest.fixture(scope="module", params=[1_000, 10_000], ids=["1000_baris", "10000_baris"])
def sheet(request, tmp_path_factory) -> Clicks:
    path = big(tmp_path_factory.mktemp("besar") / "renja.xlsx", request.param)
    return Clicks(path, request.param)


@pytest.mark.parametrize("name", scripts.SCRIPTS)
def test_a_vba_click_returns_few_actions_of_kinds_vba_knows(sheet, name):
    if name == "isi_kode" and sheet.rows > 1_000:
        pytest.skip("Isi Kode (bukan tombol pita) cukup diuji pada 1.000 baris (waktu uji)")
    _, actions, _ = sheet.click(name)
    assert len(actions) <= MAX_ACTIONS
    assert {a["func"] for a in actions} <= vba_actions()


def test_office_js_clicks_stay_within_the_cap_too(sheet):
    if sheet.rows > 1_000:
        pytest.skip("satu ukuran cukup untuk klien Office.js (waktu uji)")
    for name in scripts.SCRIPTS:
        _, actions, _ = sheet.click(name, "Office.js")
        assert len(actions) <= MAX_ACTIONS, name


def test_after_hitung_subtotal_every_subtotal_is_right(sheet, tmp_path):
    before = load(sheet.path)
    assert sum(len(subtotal_updates(t)) for t in before.tabel) > 50  # spread all over
    wb, _, _ = sheet.click("hitung_subtotal")
    wb.save(tmp_path / "hasil.xlsx")
    assert all(subtotal_updates(t) == [] for t in load(tmp_path / "hasil.xlsx").tabel)


def test_only_empty_n_plus_1_cells_and_totals_are_filled_on_a_big_sheet(sheet):
    from openpyxl import load_workbook

    before = dict(cells(load_workbook(sheet.path)[SHEET_31]))
    wb, _, _ = sheet.click("isi_prakiraan_maju")
    after = dict(cells(wb[SHEET_31]))
    tabel = load(sheet.path).tabel31
    parents = {f"J{b.asal.row}" for b in tabel.baris if b.is_parent and b.asal}
    changed = {ref for ref in before if before[ref] != after.get(ref)}
    assert changed <= parents
    assert len(after) > len(before)


def test_the_helper_macros_the_actions_call_exist_in_the_remote_module():
    source = (MACROS / "RenjaXLRemote.bas").read_text()
    for macro in (FILL_MACRO, UNFILL_MACRO, VALUES_MACRO):
        assert re.search(rf"^Public Sub {macro}\(wb As Workbook,", source, re.M)
