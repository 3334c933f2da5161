"""Pyodide for the tests: skipped where node or a registry is missing, a failure under CI."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from tests.support.pyodide import (
    LiteWheels,
    PyodideUnavailable,
    base_requirements,
    lite_requirements,
    lite_wheels,
    lock_packages,
    pyodide_dist,
)

__all__ = ["Lite", "prepare_lite"]


@dataclass
class Lite:
    """What xlwings Lite would install: the pinned Pyodide, the wheel, its requirements."""

    dist: Path
    lock: dict[str, dict[str, Any]]
    wheel: Path
    requirements: list[Requirement]
    wheels: LiteWheels


def _under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def prepare_lite(wheel: Path) -> Lite:
    """Download (or take from the cache) what a Lite install of `wheel` needs; skip or fail
    without it."""
    try:
        dist = pyodide_dist()
        lock = lock_packages(dist)
        requirements = base_requirements(wheel) + lite_requirements()
        return Lite(dist, lock, wheel, requirements, lite_wheels(requirements, lock))
    except PyodideUnavailable as exc:
        if _under_ci():
            pytest.fail(f"Pyodide tidak dapat disiapkan (CI=true: wajib): {exc}", pytrace=False)
        pytest.skip(f"Pyodide tidak dapat disiapkan: {exc}")
