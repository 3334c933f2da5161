"""Shared fixtures: a folder for workbooks, the real example plan, LibreOffice recalculation,
the built wheel."""

import os
import subprocess
import sys

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


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built once per run with the installed hatchling."""
    try:
        import hatchling  # noqa: F401  (the dev extra installs it)
    except ImportError:
        if _under_ci():
            pytest.fail("hatchling tidak terpasang (CI=true: wajib ada)", pytrace=False)
        pytest.skip("hatchling tidak terpasang; jalankan scripts/setup.sh")
    folder = tmp_path_factory.mktemp("wheel")
    root = Path(__file__).parents[1]
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "--no-build-isolation", "-w", str(folder), str(root)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return next(folder.glob("renja_xl-*.whl"))
