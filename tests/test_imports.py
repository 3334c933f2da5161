"""Each entry point imports only what it needs (issue 14): checked in a fresh interpreter.

Import time is most of what a person waits for a command, so the structure is
the specification here, not a time: which modules a path must never load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[1]

_NOMENCLATURE = ("renja_xl.nomenklatur.loading", "renja_xl.nomenklatur.lookup",
                 "renja_xl.nomenklatur.filling", "rapidfuzz")
"""The official nomenclature's data and its fuzzy matching."""


def _modules_after(code: str) -> set[str]:
    """Every module loaded by running `code` in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=_ROOT, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


_HELP = """
import sys
sys.argv = ["renja-xl", "--help"]
from renja_xl.cli.app import main
try:
    main()
except SystemExit:
    pass
"""


def test_the_help_screen_loads_no_workbook_library_analysis_nor_nomenclature() -> None:
    modules = _modules_after(_HELP)
    assert "typer" in modules  # the check itself ran the command line
    heavy = ("openpyxl", "pandas", "pydantic", "renja_xl.model", "renja_xl.validasi",
             "renja_xl.workbook", *_NOMENCLATURE)
    assert _loaded(modules, heavy) == []


def test_importing_the_command_line_loads_no_rich_until_something_is_printed() -> None:
    assert _loaded(_modules_after("import renja_xl.cli.app"), ("rich",)) == []


@pytest.mark.parametrize("package", ["renja_xl", "renja_xl.nomenklatur"])
def test_a_package_loads_its_parts_on_first_use(package: str) -> None:
    modules = _modules_after(f"import {package}")
    assert _loaded(modules, ("renja_xl.workbook", "renja_xl.validasi", *_NOMENCLATURE)) == []


def test_reading_a_workbook_loads_no_openpyxl_command_line_nor_analysis(
    tmp_path: Path,
) -> None:
    from renja_xl import load_example, write

    path = write(load_example(), tmp_path / "renja.xlsx")
    modules = _modules_after(
        f"import renja_xl\nrenja = renja_xl.load({str(path)!r})\n"
        "assert renja.tabel31 and renja.tabel41\nrenja_xl.summarize(renja)"
    )
    assert "python_calamine" in modules  # it did read
    assert _loaded(modules, ("openpyxl", "typer", "rich", "pandas", "rapidfuzz")) == []


def test_validating_a_plan_loads_fuzzy_matching_only_when_names_are_compared(
    tmp_path: Path,
) -> None:
    from renja_xl import load_example, write

    path = write(load_example(), tmp_path / "renja.xlsx")
    modules = _modules_after(
        "from renja_xl.validasi import validate\n"
        f"report = validate({str(path)!r})\nassert report.findings\n"
    )
    assert "renja_xl.validasi.rules.tabel" in modules  # the rule that can compare names ran
    assert _loaded(modules, ("openpyxl", "typer", "rich", "pandas", "rapidfuzz")) == []


def test_printing_the_findings_loads_no_emoji_table(tmp_path: Path) -> None:
    from renja_xl import load_example, write

    path = write(load_example(), tmp_path / "renja.xlsx")
    modules = _modules_after(
        "import sys\n"
        f"sys.argv = ['renja-xl', 'validasi', {str(path)!r}]\n"
        "from renja_xl.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    assert "rich.table" in modules  # the findings were printed as tables
    assert _loaded(modules, ("rich._emoji_codes",)) == []
