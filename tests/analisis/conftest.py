"""Workbooks the analysis tests read: the real Dharmasraya plan written as .xlsx."""

from pathlib import Path

import pytest

from renja_xl.example import load_example
from renja_xl.workbook.writer import write


@pytest.fixture(scope="session")
def dharmasraya_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded example written as a workbook, once per session (read-only for tests)."""
    return write(load_example(), tmp_path_factory.mktemp("contoh") / "renja_dharmasraya_2022.xlsx")
