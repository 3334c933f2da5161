"""Every requirement of the wheel installs in the pinned Pyodide (xlwings Lite)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from tests.support.pyodide import PYODIDE_PLATFORM, PYODIDE_VERSION

from .pyodide_fixtures import Lite, prepare_lite


@pytest.fixture(scope="module")
def lite(wheel: Path) -> Lite:
    return prepare_lite(wheel)


def test_the_pinned_pyodide_is_the_one_whose_lock_file_is_read(lite):
    info = json.loads((lite.dist / "pyodide-lock.json").read_text())["info"]
    assert f"pyemscripten_{info['abi_version']}_{info['arch']}" == PYODIDE_PLATFORM
    assert (lite.dist / "package.json").read_text().count(f'"version": "{PYODIDE_VERSION}"') == 1


def test_each_requirement_has_a_pyodide_or_pure_wheel_or_is_in_pyodides_distribution(lite):
    names = {canonicalize_name(r.name) for r in lite.requirements}
    assert {"openpyxl", "pydantic", "xlsxwriter", "xlwings"} <= names
    assert lite.wheels.missing == []
    sorted_out = set(lite.wheels.from_pypi) | set(lite.wheels.from_pyodide)
    assert sorted_out == {str(r) for r in lite.requirements}


def test_a_requirement_only_pyodide_has_is_in_its_lock_file_at_an_accepted_version(lite):
    for line in lite.wheels.from_pyodide:
        requirement = next(r for r in lite.requirements if str(r) == line)
        entry = lite.lock[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(entry["version"], prereleases=True)


def test_rapidfuzz_is_no_requirement_since_pyodide_has_neither_a_build_nor_a_pure_wheel(lite):
    assert "rapidfuzz" not in lite.lock
    assert "rapidfuzz" not in {canonicalize_name(r.name) for r in lite.requirements}


def test_the_downloaded_wheels_are_pure_or_built_for_pyodide(lite):
    assert lite.wheels.paths
    for wheel in lite.wheels.paths:
        assert wheel.name.endswith(("-none-any.whl", f"-{PYODIDE_PLATFORM}.whl")), wheel.name


def test_the_lite_requirements_pin_the_xlwings_that_the_payloads_name(lite):
    import xlwings

    assert f"xlwings=={xlwings.__version__}" in {str(r) for r in lite.requirements}
