"""`pip install "renja-xl[excel]"` or `"[server]"` brings what its command needs.

Each command runs in a subprocess where every installed distribution outside the
extra's dependency closure (read from pyproject.toml, then from the installed
packages' metadata) cannot be imported, as on a PC with only that extra.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import tomllib
from importlib import metadata
from pathlib import Path

import httpx
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.excel.lite_payloads import planted_plan

ROOT = Path(__file__).parents[2]


def _own_requirements(extra: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = project["dependencies"] + project["optional-dependencies"][extra]
    return [Requirement(line) for line in lines]


def _closure(extra: str) -> set[str]:
    """Canonical names of the distributions `renja-xl[extra]` installs."""
    wanted, todo = set(), _own_requirements(extra)
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in wanted:
            continue
        wanted.add(name)
        for line in metadata.requires(name) or []:
            sub = Requirement(line)
            extras = ["", *sorted(requirement.extras)]
            if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in extras):
                todo.append(sub)
    return wanted


# Imported by the installed anyio although its metadata no longer lists it.
_UNDECLARED = {"sniffio"}


def _blocked_modules(extra: str) -> list[str]:
    keep = _closure(extra) | _UNDECLARED | {"renja-xl", "pip", "setuptools"}
    return sorted(module for module, dists in metadata.packages_distributions().items()
                  if not {canonicalize_name(d) for d in dists} & keep)


_BLOCKER = """
import importlib.abc, runpy, sys
BLOCKED = frozenset({blocked!r})

class OnlyTheExtra(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError("tidak terpasang oleh ekstra ini: " + name, name=name)
        return None

sys.meta_path.insert(0, OnlyTheExtra())
sys.argv = ["renja-xl", *sys.argv[1:]]
runpy.run_module("renja_xl", run_name="__main__")
"""


def _command(extra: str, *args: str) -> list[str]:
    return [sys.executable, "-c", _BLOCKER.format(blocked=_blocked_modules(extra)), *args]


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, "XLWINGS_LICENSE_KEY": "noncommercial"}


def test_the_extras_leave_out_what_the_other_commands_need():
    assert "typer" in _closure("excel") and "typer" in _closure("server")
    assert {"pandas", "python-calamine", "fastapi"}.isdisjoint(_closure("excel"))
    assert "pandas" in _blocked_modules("excel")


def test_pasang_makro_runs_with_only_the_excel_extra(workbook_dir):
    source = workbook_dir / "Renja.xlsx"
    planted_plan(source)
    done = subprocess.run(_command("excel", "pasang-makro", str(source)), capture_output=True,
                          text=True, env=_env(), timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (workbook_dir / "Renja.xlsm").is_file()


def test_the_server_runs_a_script_with_only_the_server_extra(workbook_dir):
    from openpyxl import load_workbook

    from tests.support.payload import payload_from_workbook

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    payload = payload_from_workbook(load_workbook(planted_plan(workbook_dir / "r.xlsx")))
    log = (workbook_dir / "server.log").open("w")
    server = subprocess.Popen(_command("server", "server", "--port", str(port)), stdout=log,
                              stderr=subprocess.STDOUT, env=_env())
    try:
        url, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 60
        while True:
            assert server.poll() is None, (workbook_dir / "server.log").read_text()
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server tidak menjawab"
                time.sleep(0.2)
        for name in ("validasi", "isi_kode"):
            response = httpx.post(f"{url}/{name}", content=json.dumps(payload), timeout=120)
            assert response.status_code == 200, response.text
            assert response.json()["actions"]
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
