"""The installed renja_xl packed again as a wheel, for xlwings Lite to install from the server.

renja-xl is not on PyPI, and Lite (Pyodide in the browser) can only install a
wheel it downloads. `own_wheel()` zips the installed package files with the
installed distribution's METADATA into a pure-Python wheel (py3-none-any):
the same files the project's own build puts in its wheel, so what Lite runs is
what the server runs. `lite_requirements()` is the text for Lite's
requirements.txt tab: the exact xlwings pin and the wheel's address.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from functools import cache
from importlib import metadata
from pathlib import Path

__all__ = ["DISTRIBUTION", "lite_requirements", "own_wheel", "wheel_name"]

DISTRIBUTION = "renja-xl"
_PACKAGE = "renja_xl"
_WHEEL = ("Wheel-Version: 1.0\nGenerator: renja-xl server\nRoot-Is-Purelib: true\n"
          "Tag: py3-none-any\n")
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # same bytes on every start


def wheel_name() -> str:
    """The wheel's file name, e.g. renja_xl-0.1.0-py3-none-any.whl."""
    return f"{_PACKAGE}-{metadata.version(DISTRIBUTION)}-py3-none-any.whl"


def _package_files() -> list[tuple[str, Path]]:
    root = Path(__file__).resolve().parents[1]
    return sorted(
        (path.relative_to(root.parent).as_posix(), path)
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


@cache
def own_wheel() -> bytes:
    """The bytes of a wheel of the installed renja_xl (built once per process)."""
    distribution = metadata.distribution(DISTRIBUTION)
    info = f"{_PACKAGE}-{distribution.version}.dist-info"
    entries: list[tuple[str, bytes]] = [(name, path.read_bytes()) for name, path in
                                        _package_files()]
    entries.append((f"{info}/METADATA", (distribution.read_text("METADATA") or "").encode()))
    entry_points = distribution.read_text("entry_points.txt")
    if entry_points:
        entries.append((f"{info}/entry_points.txt", entry_points.encode()))
    entries.append((f"{info}/WHEEL", _WHEEL.encode()))
    record = [_record_line(name, data) for name, data in entries] + [f"{info}/RECORD,,"]
    entries.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, _FIXED_TIME)
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _xlwings_pin() -> str:
    """The exact xlwings of the project's `excel` extra (what the scripts are tested with)."""
    for requirement in metadata.requires(DISTRIBUTION) or []:
        spec = requirement.split(";")[0].strip().replace(" ", "")
        if spec.startswith("xlwings=="):
            return spec
    return f"xlwings=={metadata.version('xlwings')}"


def lite_requirements(wheel_url: str) -> str:
    """Lite's requirements.txt: the exact xlwings pin, then the wheel's address."""
    return ("# Renja XL untuk xlwings Lite: tempel seluruh isi ini ke tab requirements.txt.\n"
            f"{_xlwings_pin()}\n{wheel_url}\n")
