"""Shared fixtures: a folder for workbooks, the real example plan, LibreOffice recalculation."""

import os

# xlwings reads its licence key when imported; set it before any test imports xlwings.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from collections.abc import Callable
from pathlib import Path

import pytest

from renja_xl.example import load_example
from renja_xl.model import Renja
from tests.support.libreoffice import recalculate as _recalculate
from tests.support.libreoffice import soffice_path

_NO_LIBREOFFICE = "LibreOffice (soffice) tidak terpasang; jalankan scripts/setup.sh"


def _under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_libreoffice() -> None:
    """Skip the test when LibreOffice is missing, or fail it under CI (CI=true)."""
    if soffice_path() is not None:
        return
    if _under_ci():
        pytest.fail(f"{_NO_LIBREOFFICE} (CI=true: wajib ada)", pytrace=False)
    pytest.skip(_NO_LIBREOFFICE)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tests marked `libreoffice` need LibreOffice."""
    if item.get_closest_marker("libreoffice") is not None:
        require_libreoffice()


@pytest.fixture
def workbook_dir(tmp_path: Path) -> Path:
    """An empty folder for the workbooks a test writes."""
    folder = tmp_path / "buku_kerja"
    folder.mkdir()
    return folder


@pytest.fixture
def dharmasraya() -> Renja:
    """The real Renja of Dharmasraya 2022 (a fresh copy for each test)."""
    return load_example()


@pytest.fixture
def recalculate(tmp_path: Path) -> Callable[[str | Path], Path]:
    """`recalculate(path)` -> a copy recalculated by LibreOffice (read it with data_only=True)."""
    require_libreoffice()
    outdir = tmp_path / "libreoffice"

    def run(path: str | Path) -> Path:
        return _recalculate(path, outdir)

    return run
