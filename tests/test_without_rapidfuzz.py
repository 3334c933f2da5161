"""Without rapidfuzz (as in xlwings Lite) Isi Kode fills the same codes and Validasi finds the same.

Each side runs in its own interpreter: one as installed, one with `import rapidfuzz` refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]

_RESULTS = """
import importlib.abc, json, sys

class NoRapidfuzz(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "rapidfuzz":
            raise ImportError("rapidfuzz tidak ada di Pyodide")
        return None

if sys.argv[1] == "blocked":
    sys.meta_path.insert(0, NoRapidfuzz())

from renja_xl.example import load_example
from renja_xl.fuzzy import backend
from renja_xl.nomenklatur import fill_kode
from renja_xl.validasi import validate

renja = load_example()
filled = {}
for tabel in renja.tabel:
    hasil = fill_kode(tabel, perbaiki_nama=True)
    filled[tabel.kind.value] = {
        "diisi": [[d.index, d.kode, d.confidence] for d in hasil.diisi],
        "tersisa": [[t.index, t.alasan, [[e.kode, s] for e, s in t.candidates]]
                    for t in hasil.tersisa],
        "nama": [[p.index, p.lama, p.baru] for p in hasil.perbaikan_nama],
    }
    tabel.baris = hasil.tabel.baris
print(json.dumps({
    "backend": backend(),
    "rapidfuzz_loaded": "rapidfuzz" in sys.modules,
    "isi_kode": filled,
    "validasi_awal": json.loads(validate(load_example()).to_json()),
    "validasi_berkode": json.loads(validate(renja).to_json()),
}))
"""


def _results(mode: str) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    done = subprocess.run([sys.executable, "-c", _RESULTS, mode], capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_isi_kode_and_validasi_give_the_same_results_with_and_without_rapidfuzz():
    fast, pure = _results("installed"), _results("blocked")
    assert (fast.pop("backend"), pure.pop("backend")) == ("rapidfuzz", "python")
    assert (fast.pop("rapidfuzz_loaded"), pure.pop("rapidfuzz_loaded")) == (True, False)
    assert len(fast["isi_kode"]["3.1"]["diisi"]) > 100  # the comparison covers real fuzzy work
    assert any(f["code"] == "tabel.mismatch" for f in fast["validasi_awal"]["findings"])
    assert any(f["code"].startswith("kode.") for f in fast["validasi_berkode"]["findings"])
    assert pure == fast
