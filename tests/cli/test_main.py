"""The console script owns its process: it, and not the library, sets the garbage collector."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]

_RUN = """
import atexit, gc, json, sys
before = gc.get_threshold()
atexit.register(lambda: print(json.dumps(
    {"before": before, "after": gc.get_threshold(), "frozen": gc.get_freeze_count()})))
from renja_xl.cli.app import main
sys.argv = ["renja-xl", *sys.argv[1:]]
main()
"""


def _collector_around(*args: str) -> dict[str, list[int] | int]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True,
                          text=True, env=env, cwd=_ROOT, timeout=60)
    return json.loads(done.stdout.splitlines()[-1])


def it_collects_less_often_while_a_command_runs() -> None:
    seen = _collector_around("--help")
    assert seen["after"][0] > seen["before"][0]


def it_leaves_what_the_process_made_to_its_end_even_when_the_command_fails(
    tmp_path: Path,
) -> None:
    assert _collector_around("ringkasan", str(tmp_path / "tidak_ada.xlsx"))["frozen"] > 0
