"""In real Pyodide (xlwings Lite's Python) the four scripts give CPython's exact actions.

Pyodide 314.0.8 boots under node with the wheel built from this checkout and the
wheels PyPI has for its dependencies (no rapidfuzz, no lxml); each script runs as
Lite dispatches it, on payloads whose values LibreOffice computed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import xlwings as xw

from renja_xl.excel import scripts
from tests.support.pyodide import PyodideSession, click

from .lite_payloads import big_plan, planted_plan, recalculated_payload
from .pyodide_fixtures import prepare_lite

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

PAYLOADS = ("rencana_nyata", "rencana_nyata_galat", "seribu_baris")


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder mounted at /host inside Pyodide, holding the payloads."""
    folder = tmp_path_factory.mktemp("host")
    made = {
        "rencana_nyata": planted_plan(folder / "rencana_nyata.xlsx"),
        "rencana_nyata_galat": planted_plan(folder / "rencana_nyata_galat.xlsx", with_error=True),
        "seribu_baris": big_plan(folder / "seribu_baris.xlsx", 1_000),
    }
    for name, workbook in made.items():
        (folder / f"{name}.json").write_text(json.dumps(recalculated_payload(workbook)))
    return folder


@pytest.fixture(scope="module")
def pyodide(wheel: Path, host: Path):
    lite = prepare_lite(wheel)
    with PyodideSession(lite.dist, [*lite.wheels.paths, lite.wheel], host) as session:
        yield session


def _cpython(payload: dict[str, Any], name: str) -> list[Any]:
    book = xw.Book(json=json.loads(json.dumps(payload)))
    getattr(scripts, name)(book)
    return json.loads(json.dumps(book.json()["actions"]))


def test_pyodide_runs_without_rapidfuzz_and_lxml(pyodide):
    found = pyodide.run("import importlib.util as u\n"
                        "repr([u.find_spec(n) is None for n in ('rapidfuzz', 'lxml')])")
    assert found == "[True, True]"
    assert pyodide.run("import sys; sys.platform") == "emscripten"


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("name", scripts.SCRIPTS)
def test_each_script_gives_the_actions_cpython_gives(pyodide, host, payload, name):
    sent = json.loads((host / f"{payload}.json").read_text())
    expected = _cpython(sent, name)
    _, actions = click(pyodide, f"/host/{payload}.json", name)
    assert actions == expected
    assert actions, "every payload gives every script something to do or say"


def test_the_scripts_change_cells_in_pyodide_not_only_show_a_message(pyodide):
    kinds = {name: {a["func"] for a in click(pyodide, "/host/rencana_nyata.json", name)[1]}
             for name in scripts.SCRIPTS}
    assert "setRangeColors" in kinds["validasi"]
    assert "setValues" in kinds["hitung_subtotal"]
    assert "setValues" in kinds["isi_prakiraan_maju"]
    assert "setValues" in kinds["isi_kode"]
