"""What xlwings Lite needs: scripts that import nothing Pyodide lacks, a pure-Python wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from renja_xl.excel.scripts import SCRIPTS

ROOT = Path(__file__).parents[2]
# xlsxwriter is not blocked: the writer needs it, and its pure wheel installs in Pyodide.
BLOCKED = ("typer", "rich", "click", "fastapi", "starlette", "uvicorn", "httpx",
           "python_calamine", "dask", "distributed", "pyarrow", "matplotlib")

_IMPORT = f"""
import importlib.abc, json, sys
BLOCKED = {BLOCKED!r}

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError("tidak ada di Pyodide: " + name)
        return None

sys.meta_path.insert(0, Block())
import xlwings as xw
from openpyxl import load_workbook
import renja_xl.excel.scripts as scripts
from tests.support.payload import payload_from_workbook
from renja_xl.workbook.writer import build_workbook
from renja_xl.example import load_example
payload = payload_from_workbook(build_workbook(load_example()))
counts = {{}}
for name in scripts.SCRIPTS:
    book = xw.Book(json=payload)
    getattr(scripts, name)(book)
    counts[name] = len(book.json()["actions"])
print(json.dumps(counts))
"""


def test_the_scripts_import_and_run_with_cli_and_server_packages_blocked():
    env = {**os.environ, "XLWINGS_LICENSE_KEY": "noncommercial", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _IMPORT], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert set(json.loads(done.stdout)) == {"validasi", "hitung_subtotal", "isi_prakiraan_maju",
                                            "isi_kode"}


def test_the_lite_main_py_only_re_exports_the_scripts():
    source = (ROOT / "macros" / "xlwings_lite" / "main.py").read_text()
    assert ("from renja_xl.excel.scripts import hitung_subtotal, isi_kode, isi_prakiraan_maju, "
            "validasi") in source


def test_the_lite_requirements_keep_the_xlwings_pin_and_say_where_the_wheel_comes_from():
    import xlwings

    text = (ROOT / "macros" / "xlwings_lite" / "requirements.txt").read_text()
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines == [f"xlwings=={xlwings.__version__}"]
    assert "/lite/requirements.txt" in text and "renja-xl server" in text


def test_the_wheel_is_pure_python(wheel: Path):
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "renja_xl/excel/macros/RenjaXL.bas" in names
    assert not [n for n in names if n.endswith((".so", ".pyd", ".dll"))]


_LOADED = """
import json, sys
import renja_xl.excel.scripts
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in
                        ("renja_xl", "openpyxl", "pydantic", "rapidfuzz"))))
"""


def test_importing_the_scripts_loads_no_model_rule_nomenclature_or_openpyxl():
    env = {**os.environ, "XLWINGS_LICENSE_KEY": "noncommercial", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _LOADED], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    loaded = json.loads(done.stdout)
    # the package's lazy-export helper (a dozen lines, no imports of its own) is all
    # that comes with the scripts
    assert set(loaded) == {"renja_xl", "renja_xl._lazy", "renja_xl.excel",
                           "renja_xl.excel.scripts"}, loaded


_CLICK = """
import json, sys
import xlwings as xw
import renja_xl.excel.scripts as scripts
with open(sys.argv[1]) as source:
    payload = json.load(source)
before = set(sys.modules)
book = xw.Book(json=payload)
getattr(scripts, sys.argv[2])(book)
actions = book.json()["actions"]
from renja_xl import model
from renja_xl.nomenklatur import loading
print(json.dumps({
    "actions": len(actions),
    "loaded": sorted(set(sys.modules) - before),
    "validators": [n for n in ("Target", "Baris", "Tabel", "Penandatangan", "Renja")
                   if getattr(model, n).__pydantic_complete__],
    "nomenklatur": loading.load.cache_info().currsize,
}))
"""
FILE_READERS = ("openpyxl", "lxml", "xml", "et_xmlfile", "python_calamine", "zipfile",
                "renja_xl.workbook.source", "renja_xl.workbook.package",
                "renja_xl.workbook.calamine", "renja_xl.workbook._properties", "renja_xl.xlsx")
"""What reads or writes .xlsx files: a click gets the cells from the payload."""
MATCHING = ("rapidfuzz", "renja_xl.fuzzy", "renja_xl.nomenklatur.matching",
            "renja_xl.nomenklatur.filling", "renja_xl.nomenklatur.similarity")
"""Fuzzy matching of names: Isi Kode, and Validasi's Tabel 3.1 vs 4.1 comparison."""


def _under(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


@pytest.fixture(scope="module")
def clicks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """What the first click of each script loads, in a fresh interpreter, on the real plan."""
    from openpyxl import load_workbook

    from tests.excel.workbooks import planted
    from tests.support.payload import payload_from_workbook

    folder = tmp_path_factory.mktemp("clicks")
    workbook = planted(folder / "rencana.xlsx", with_error=True)
    payload = folder / "rencana.json"
    payload.write_text(json.dumps(payload_from_workbook(load_workbook(workbook),
                                                        client="Office.js")))
    env = {**os.environ, "XLWINGS_LICENSE_KEY": "noncommercial", "PYTHONPATH": str(ROOT)}
    found = {}
    for name in SCRIPTS:
        done = subprocess.run([sys.executable, "-c", _CLICK, str(payload), name],
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        found[name] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_click_reads_the_payload_without_loading_any_file_reader(clicks, name):
    assert clicks[name]["actions"], "the click did its work"
    assert [m for m in clicks[name]["loaded"] if _under(m, FILE_READERS)] == []


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_click_builds_no_pydantic_validator(clicks, name):
    # The reader makes the model with model_construct: validators are for other callers.
    assert clicks[name]["validators"] == []


def test_only_isi_kode_builds_the_nomenclature_and_its_matching(clicks):
    assert clicks["isi_kode"]["nomenklatur"] == 1
    assert "renja_xl.nomenklatur.filling" in clicks["isi_kode"]["loaded"]
    for name in ("hitung_subtotal", "isi_prakiraan_maju"):
        assert clicks[name]["nomenklatur"] == 0
        assert [m for m in clicks[name]["loaded"] if _under(m, MATCHING)] == []
    # Validasi compares Tabel 3.1 with 4.1 by similar names, but fills no kode.
    assert [m for m in clicks["validasi"]["loaded"]
            if _under(m, MATCHING[2:])] == []
