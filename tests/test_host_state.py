"""A library leaves its host alone: reading, validating and writing switch nothing process-wide.

Jupyter, Excel's Python and the office server's threads share one interpreter
with renja_xl; the garbage collector, warnings filters, logging and locale are
theirs. Checked two ways: the state after each call is the state before, and no
call from renja_xl's own code reaches a switch of that state on the way.
"""

from __future__ import annotations

import gc
import locale
import logging
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import renja_xl
from tests.support.synthetic import generate

_PACKAGE = str(Path(renja_xl.__file__).parent)
_SWITCHES: dict[Any, str] = {
    gc.disable: "gc.disable", gc.enable: "gc.enable", gc.collect: "gc.collect",
    gc.set_threshold: "gc.set_threshold", gc.freeze: "gc.freeze", gc.unfreeze: "gc.unfreeze",
    locale.setlocale: "locale.setlocale",
}
_PYTHON_SWITCHES: dict[Any, str] = {
    warnings.simplefilter.__code__: "warnings.simplefilter",
    warnings.filterwarnings.__code__: "warnings.filterwarnings",
    warnings.resetwarnings.__code__: "warnings.resetwarnings",
    warnings.catch_warnings.__enter__.__code__: "warnings.catch_warnings",
    logging.basicConfig.__code__: "logging.basicConfig",
    logging.disable.__code__: "logging.disable",
    logging.Logger.setLevel.__code__: "Logger.setLevel",
    logging.Logger.addHandler.__code__: "Logger.addHandler",
}


def _state() -> dict[str, object]:
    root = logging.getLogger()
    return {
        "gc enabled": gc.isenabled(),
        "gc threshold": gc.get_threshold(),
        "warnings filters": list(warnings.filters),
        "logging root": (root.level, list(root.handlers), logging.root.manager.disable),
        "loggers": {name: (getattr(lg, "level", None), list(getattr(lg, "handlers", ())))
                    for name, lg in logging.root.manager.loggerDict.items()},
        "locale": locale.setlocale(locale.LC_ALL),
    }


def _from_package(frame: FrameType | None) -> bool:
    return frame is not None and frame.f_code.co_filename.startswith(_PACKAGE)


@contextmanager
def _switches_called() -> Iterator[list[str]]:
    """The process-wide switches that renja_xl's own code calls inside the block."""
    called: list[str] = []

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call" and arg in _SWITCHES and _from_package(frame):
            called.append(_SWITCHES[arg])
        elif event == "call" and frame.f_code in _PYTHON_SWITCHES and _from_package(frame.f_back):
            called.append(_PYTHON_SWITCHES[frame.f_code])

    sys.setprofile(profile)
    try:
        yield called
    finally:
        sys.setprofile(None)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("host") / "renja.xlsx"
    return renja_xl.write(generate(3, rows=300).renja, path)


def _calls(plan: Path, tmp_path: Path) -> dict[str, Callable[[], object]]:
    return {
        "load": lambda: renja_xl.load(plan),
        "validate": lambda: renja_xl.validate(plan),
        "write": lambda: renja_xl.write(renja_xl.load(plan), tmp_path / "salinan.xlsx"),
    }


@pytest.mark.parametrize("call", ["load", "validate", "write"])
def test_a_call_leaves_the_process_state_as_it_found_it(
    call: str, plan: Path, tmp_path: Path
) -> None:
    before = _state()
    _calls(plan, tmp_path)[call]()
    assert _state() == before


@pytest.mark.parametrize("call", ["load", "validate", "write"])
def test_a_host_that_switched_the_collector_off_finds_it_still_off(
    call: str, plan: Path, tmp_path: Path
) -> None:
    gc.disable()
    try:
        _calls(plan, tmp_path)[call]()
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("call", ["load", "validate", "write"])
def test_no_renja_xl_code_reaches_for_a_process_wide_switch(
    call: str, plan: Path, tmp_path: Path
) -> None:
    with _switches_called() as called:
        _calls(plan, tmp_path)[call]()
    assert called == []
