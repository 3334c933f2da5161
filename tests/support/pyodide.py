"""Real Pyodide (the Python of xlwings Lite) under node, with the project's wheel installed.

    dist = pyodide_dist()                                   # npm package, cached
    wheels = lite_wheels(build_wheel(tmp), lock_packages(dist))
    with PyodideSession(dist, wheels.paths, host_dir) as py:
        py.run("import renja_xl.excel.scripts")            # host_dir is /host inside
    pyodide_import_seconds()                                # import of the Excel scripts

Downloads are cached in ~/.cache/renja_xl (or $RENJA_XL_CACHE): the npm package
`pyodide` at the pinned version, and the wheels of the project's dependencies from
PyPI for Pyodide's platform (pure wheels or Pyodide builds), as pip resolves them.
Packages that exist only in Pyodide's own distribution (listed in its
pyodide-lock.json, served by its CDN, which Lite uses) are not downloaded: the
scripts must run without them. Missing node, npm or registry raises
`PyodideUnavailable`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from email.parser import Parser
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

__all__ = [
    "PYODIDE_PLATFORM",
    "PYODIDE_PYTHON",
    "PYODIDE_VERSION",
    "LiteWheels",
    "PyodideError",
    "PyodideSession",
    "PyodideUnavailable",
    "base_requirements",
    "build_wheel",
    "cache_dir",
    "click",
    "lite_requirements",
    "lite_session",
    "lite_wheels",
    "lock_packages",
    "pyodide_dist",
    "pyodide_import_parts",
    "pyodide_import_seconds",
]

PYODIDE_VERSION = "314.0.8"
"""The npm package `pyodide` the tests boot (Python 3.14, as in xlwings Lite)."""
PYODIDE_PLATFORM = "pyemscripten_2026_0_wasm32"
PYODIDE_PYTHON = "3.14"
ROOT = Path(__file__).parents[2]
LITE_REQUIREMENTS = ROOT / "renja_xl" / "excel" / "macros" / "xlwings_lite" / "requirements.txt"
_DRIVER = Path(__file__).with_name("pyodide_driver.mjs")
_ENVIRONMENT = """
import os
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
os.environ["XLWINGS_ON_SERVER"] = "true"
"""


class PyodideUnavailable(RuntimeError):
    """node, npm or a package registry is missing: Pyodide cannot be booted here."""


class PyodideError(RuntimeError):
    """Python code raised inside Pyodide."""


def cache_dir() -> Path:
    """Where downloads are kept between runs."""
    folder = Path(os.environ.get("RENJA_XL_CACHE") or Path.home() / ".cache" / "renja_xl")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise PyodideUnavailable(f"{name} tidak ditemukan di PATH (dibutuhkan untuk Pyodide)")
    return found


def _run(command: list[str], cwd: Path | None = None, timeout: float = 300) -> str:
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise PyodideUnavailable(f"{command[0]} tidak selesai dalam {timeout} detik") from exc
    if done.returncode != 0:
        raise PyodideUnavailable(f"{' '.join(command[:4])} gagal: {done.stderr[-1500:]}")
    return done.stdout


def pyodide_dist(version: str = PYODIDE_VERSION) -> Path:
    """The unpacked npm package `pyodide@version` (pyodide.mjs, pyodide-lock.json, ...)."""
    target = cache_dir() / f"pyodide-{version}"
    if (target / "pyodide.mjs").is_file() and (target / "pyodide-lock.json").is_file():
        return target
    with tempfile.TemporaryDirectory(prefix="renja-npm-") as work:
        _run([_tool("npm"), "pack", f"pyodide@{version}", "--silent"], cwd=Path(work))
        archive = next(Path(work).glob("pyodide-*.tgz"))
        with tarfile.open(archive) as tar:
            tar.extractall(work, filter="data")
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.move(str(Path(work) / "package"), partial)
        partial.rename(target)
    return target


def lock_packages(dist: Path) -> dict[str, dict[str, Any]]:
    """Pyodide's own distribution: canonical name -> its pyodide-lock.json entry."""
    lock = json.loads((dist / "pyodide-lock.json").read_text())
    return {canonicalize_name(name): entry for name, entry in lock["packages"].items()}


def build_wheel(outdir: Path) -> Path:
    """The project's wheel, built from this checkout."""
    outdir.mkdir(parents=True, exist_ok=True)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
          "-w", str(outdir), str(ROOT)])
    return next(outdir.glob("renja_xl-*.whl"))


def base_requirements(wheel: Path) -> list[Requirement]:
    """The wheel's Requires-Dist without the extras' ones (what Lite installs with it)."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(name).decode())
    requirements = [Requirement(line) for line in metadata.get_all("Requires-Dist") or []]
    return [r for r in requirements if r.marker is None or r.marker.evaluate({"extra": ""})]


def lite_requirements() -> list[Requirement]:
    """The requirement lines of the requirements.txt shipped for Lite (the xlwings pin)."""
    lines = LITE_REQUIREMENTS.read_text().splitlines()
    return [Requirement(line.strip()) for line in lines
            if line.strip() and not line.lstrip().startswith("#") and "://" not in line
            and "/" not in line.strip()]


@dataclass
class LiteWheels:
    """Where each requirement comes from in Lite, and the downloaded wheels."""

    from_pypi: list[str] = field(default_factory=list)
    """Requirements with a pure or Pyodide wheel on PyPI."""
    from_pyodide: list[str] = field(default_factory=list)
    """Requirements only Pyodide's own distribution has (not downloaded here)."""
    missing: list[str] = field(default_factory=list)
    """Requirements neither has: they cannot install in Lite."""
    paths: list[Path] = field(default_factory=list)
    """The downloaded wheels, dependencies of the PyPI requirements included."""


def _download(requirements: list[str], folder: Path, *, deps: bool) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="renja-pip-") as work:
        command = [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:",
                   "--platform", PYODIDE_PLATFORM, "--platform", "any",
                   "--python-version", PYODIDE_PYTHON, "--implementation", "cp", "-d", work,
                   *([] if deps else ["--no-deps"]), *requirements]
        _run(command)
        names = sorted(p.name for p in Path(work).glob("*.whl"))
        for name in names:
            shutil.copy2(Path(work) / name, folder / name)
    return names


def lite_wheels(requirements: list[Requirement], lock: dict[str, dict[str, Any]]) -> LiteWheels:
    """Sort `requirements` by where Lite gets them, and download those PyPI has."""
    folder = cache_dir() / "wheels"
    folder.mkdir(exist_ok=True)
    key = hashlib.sha256(json.dumps(sorted(map(str, requirements))).encode()).hexdigest()[:16]
    manifest = folder / f"lite-{PYODIDE_PLATFORM}-{key}.json"
    if manifest.is_file():
        known = json.loads(manifest.read_text())
        if all((folder / name).is_file() for name in known["files"]):
            return LiteWheels(known["from_pypi"], known["from_pyodide"], known["missing"],
                              [folder / name for name in known["files"]])
    found = LiteWheels()
    for requirement in requirements:
        try:
            _download([str(requirement)], folder, deps=False)
            found.from_pypi.append(str(requirement))
        except PyodideUnavailable:
            wanted = lock.get(canonicalize_name(requirement.name))
            if wanted and requirement.specifier.contains(wanted["version"], prereleases=True):
                found.from_pyodide.append(str(requirement))
            else:
                found.missing.append(str(requirement))
    files = _download(found.from_pypi, folder, deps=True) if found.from_pypi else []
    found.paths = [folder / name for name in files]
    manifest.write_text(json.dumps({"from_pypi": found.from_pypi,
                                    "from_pyodide": found.from_pyodide,
                                    "missing": found.missing, "files": files}))
    return found


class PyodideSession:
    """One Pyodide interpreter under node, the wheels installed, `host_dir` mounted at /host."""

    def __init__(self, dist: Path, wheels: list[Path], host_dir: Path) -> None:
        self._stderr = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed by close())
        self._node = subprocess.Popen(
            [_tool("node"), str(_DRIVER), str(dist), str(host_dir), *map(str, wheels)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, text=True)
        started = self._answer()
        timings = json.loads(started)
        self.boot_seconds: float = timings["boot"]
        self.install_seconds: float = timings["install"]
        self.run(_ENVIRONMENT + "None")

    def _answer(self) -> str:
        assert self._node.stdout is not None
        line = self._node.stdout.readline()
        if not line:
            self._stderr.seek(0)
            raise PyodideError(f"node berhenti: {self._stderr.read()[-3000:]}")
        answer = json.loads(line)
        if not answer["ok"]:
            raise PyodideError(answer["error"])
        return answer["result"]

    def run(self, code: str) -> str:
        """Run `code` (top-level await allowed); the str of its last expression."""
        assert self._node.stdin is not None
        self._node.stdin.write(json.dumps({"code": code}) + "\n")
        self._node.stdin.flush()
        return self._answer()

    def close(self) -> None:
        if self._node.stdin is not None:
            self._node.stdin.close()
        try:
            self._node.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._node.kill()
            self._node.wait()
        self._stderr.close()

    def __enter__(self) -> PyodideSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def lite_session(work: Path, host_dir: Path | None = None) -> PyodideSession:
    """Pyodide with this checkout's wheel and its Lite dependencies installed."""
    dist = pyodide_dist()
    built = sorted((work / "wheel").glob("renja_xl-*.whl"))
    wheel = built[0] if built else build_wheel(work / "wheel")
    wheels = lite_wheels(base_requirements(wheel) + lite_requirements(), lock_packages(dist))
    if wheels.missing:
        raise PyodideError(f"tidak dapat dipasang di Pyodide: {', '.join(wheels.missing)}")
    return PyodideSession(dist, [*wheels.paths, wheel], host_dir or work)


_CLICK = """
import json, time
import xlwings as xw
from xlwings.server import custom_scripts_call
import renja_xl.excel.scripts as scripts
with open({path!r}) as source:
    payload = json.load(source)
started = time.perf_counter()
book = xw.Book(json=payload)
book = await custom_scripts_call(scripts, {name!r}, typehint_to_value={{xw.Book: book}})
actions = book.json()["actions"]
json.dumps({{"seconds": time.perf_counter() - started, "actions": actions}})
"""


def click(session: PyodideSession, payload: str, name: str) -> tuple[float, list[Any]]:
    """Run script `name` on the payload file `payload` (a path inside Pyodide, e.g. /host/x.json)
    as xlwings Lite dispatches it: (seconds from payload to actions, the actions)."""
    done = json.loads(session.run(_CLICK.format(path=payload, name=name)))
    return done["seconds"], done["actions"]


_IMPORT_SCRIPTS = """
import json, time
started = time.perf_counter()
import xlwings
between = time.perf_counter()
import renja_xl.excel.scripts
json.dumps([time.perf_counter() - started, between - started])
"""


def pyodide_import_parts(repeat: int = 1) -> list[tuple[float, float]]:
    """(whole import of the Excel scripts, the part spent importing xlwings) in seconds,
    once per fresh Pyodide interpreter."""
    figures = []
    with tempfile.TemporaryDirectory(prefix="renja-pyodide-") as work:
        for _ in range(repeat):
            with lite_session(Path(work)) as py:
                whole, xlwings = json.loads(py.run(_IMPORT_SCRIPTS))
                figures.append((whole, xlwings))
    return figures


def pyodide_import_seconds(repeat: int = 1) -> list[float]:
    """Seconds to import the Excel scripts in a fresh Pyodide, once per fresh interpreter.

    This is the figure "import of the Excel scripts in Pyodide (xlwings Lite)":
    wheels installed, xlwings' licence set, nothing imported before (xlwings
    included, which Lite imports for any workbook's main.py).
    """
    return [whole for whole, _ in pyodide_import_parts(repeat)]


if __name__ == "__main__":  # python -m tests.support.pyodide: the import figure
    begun = time.perf_counter()
    print(json.dumps({"pyodide_import_seconds": pyodide_import_seconds(),
                      "total_seconds": time.perf_counter() - begun}))
