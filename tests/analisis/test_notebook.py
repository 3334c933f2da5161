"""The analysis notebook runs top to bottom from a clean state and computes the right figures.

Each run executes a fresh copy of the committed notebook in a temporary folder
with nbclient and the "python3" kernel (ipykernel, in the `notebook` extra),
then reads the JSON the last cell (tagged "hasil") prints.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from renja_xl.example import example_data
from renja_xl.model import Level
from tests.support.synthetic import write_synthetic_folder

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "analisis_renja.ipynb"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RUPIAH_TICK = re.compile(r"^-?Rp \d{1,3}(\.\d{3})*(,\d+)?( (ribu|juta|miliar|triliun))?$")

pytestmark = pytest.mark.slow


def run_notebook(workdir: Path, **env: str) -> dict[str, Any]:
    """Execute a copy of the notebook in `workdir`; its "hasil" JSON.

    `env` sets RENJA_SUMBER / RENJA_GAMBAR; unset, the notebook's defaults apply.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    notebook = nbformat.read(shutil.copy(NOTEBOOK, workdir), as_version=4)
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    client = NotebookClient(
        notebook, kernel_name="python3", timeout=600,
        resources={"metadata": {"path": str(workdir)}},
    )
    inherited = {k: v for k, v in os.environ.items() if k not in ("RENJA_SUMBER", "RENJA_GAMBAR")}
    client.execute(env={**inherited, "PYTHONPATH": python_path, **env})
    cell = next(c for c in notebook.cells if "hasil" in c.metadata.get("tags", []))
    printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    return json.loads(printed)


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """The notebook run as committed (SUMBER = "contoh"), and the folder it ran in."""
    workdir = tmp_path_factory.mktemp("notebook_contoh")
    return run_notebook(workdir), workdir


def _printed(level: str) -> list[dict[str, Any]]:
    return [row for row in example_data()["tabel31"] if row["level"] == level]


def _selisih(row: dict[str, Any]) -> int:
    return (row["pagu_maju"] or 0) - (row["pagu"] or 0)


def test_the_committed_notebook_is_what_make_notebook_builds_and_has_no_outputs() -> None:
    script = ROOT / "notebooks" / "make_notebook.py"
    check = subprocess.run([sys.executable, script, "--check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")


def test_the_one_input_line_defaults_to_the_embedded_example() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    first_code = next(c for c in notebook.cells if c.cell_type == "code")
    assert 'SUMBER = os.environ.get("RENJA_SUMBER", "contoh")' in first_code.source


def test_totals_are_the_printed_jumlah(contoh: tuple[dict[str, Any], Path]) -> None:
    hasil, _ = contoh
    assert hasil["total_pagu"] == 14_428_928_570
    assert hasil["total_pagu_maju"] == 13_878_624_857
    assert (hasil["jumlah_program"], hasil["jumlah_kegiatan"]) == (13, 28)
    assert hasil["jumlah_sub_kegiatan"] == 90


def test_per_program_totals_are_the_printed_subtotals(contoh: tuple[dict[str, Any], Path]) -> None:
    hasil, _ = contoh
    computed = {p["program"]: (p["pagu"], p["pagu_maju"]) for p in hasil["per_program"]}
    printed = {p["uraian"]: (p["pagu"], p["pagu_maju"]) for p in _printed("program")}
    assert computed == printed


def test_bidang_and_sumber_dana_totals_add_up(contoh: tuple[dict[str, Any], Path]) -> None:
    hasil, _ = contoh
    for key in ("per_bidang", "per_sumber_dana"):
        assert sum(r["pagu"] for r in hasil[key]) == hasil["total_pagu"]
        assert sum(r["pagu_maju"] for r in hasil[key]) == hasil["total_pagu_maju"]
    dak = next(r for r in hasil["per_sumber_dana"] if r["sumber_dana"] == "DAK")
    typed_dak = [r for r in _printed("sub_kegiatan") if r["sumber_dana"] == "DAK"]
    assert dak["pagu"] == sum(r["pagu"] or 0 for r in typed_dak)


def test_largest_increase_and_cut_per_program(contoh: tuple[dict[str, Any], Path]) -> None:
    hasil, _ = contoh
    programs = _printed("program")
    biggest = max(programs, key=_selisih)
    deepest = min(programs, key=_selisih)
    assert hasil["kenaikan_terbesar"][0] == {
        "program": biggest["uraian"], "selisih": _selisih(biggest),
    }
    assert hasil["pemotongan_terbesar"][0] == {
        "program": deepest["uraian"], "selisih": _selisih(deepest),
    }
    assert deepest["uraian"] == "PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)"
    cuts = [r["selisih"] for r in hasil["pemotongan_terbesar"]]
    assert cuts == sorted(cuts) and all(c < 0 for c in cuts)


def test_spm_share_is_the_spm_rows_over_the_total(contoh: tuple[dict[str, Any], Path]) -> None:
    hasil, _ = contoh
    spm = [r for r in _printed("sub_kegiatan") if "SPM" in r["catatan"]]
    assert hasil["spm"]["jumlah"] == len(spm) == 8
    assert hasil["spm"]["pagu"] == sum(r["pagu"] or 0 for r in spm)
    assert hasil["spm"]["persen"] == round(hasil["spm"]["pagu"] * 100 / 14_428_928_570, 2)


def test_sub_kegiatan_that_disappear_or_appear(contoh: tuple[dict[str, Any], Path]) -> None:
    hasil, _ = contoh
    subs = _printed("sub_kegiatan")
    assert hasil["muncul"] == [r["uraian"] for r in subs if not r["pagu"] and r["pagu_maju"]]
    assert hasil["hilang"] == [r["uraian"] for r in subs if r["pagu"] and not r["pagu_maju"]]
    assert len(hasil["muncul"]) == 4


def test_data_quality_uses_validasi_when_installed(
    contoh: tuple[dict[str, Any], Path], dharmasraya_xlsx: Path
) -> None:
    hasil, _ = contoh
    try:
        from renja_xl.validasi import validate
    except ImportError:
        assert hasil["validasi"] == {"tersedia": False, "galat": 0, "peringatan": 0}
        return
    summary = validate(dharmasraya_xlsx).summary()
    assert hasil["validasi"] == {
        "tersedia": True, "galat": summary["errors"], "peringatan": summary["warnings"],
    }


def test_charts_are_png_with_title_axis_labels_and_rupiah_ticks(
    contoh: tuple[dict[str, Any], Path],
) -> None:
    hasil, workdir = contoh
    names = {Path(g["file"]).name for g in hasil["gambar"]}
    assert names == {
        "pagu_per_program.png", "pagu_n_dan_n1_per_program.png", "komposisi_sumber_dana.png",
    }
    for chart in hasil["gambar"]:
        path = workdir / chart["file"]
        assert path.parent == workdir / "gambar"
        assert path.read_bytes().startswith(PNG_SIGNATURE)
        assert chart["judul"] and chart["sumbu_x"] and chart["sumbu_y"]
        assert chart["label_x"], chart["file"]
        assert all(RUPIAH_TICK.match(label) for label in chart["label_x"]), chart["label_x"]
        assert any(label.endswith(" miliar") for label in chart["label_x"])


def test_a_folder_of_three_synthetic_workbooks_runs_without_edits(tmp_path: Path) -> None:
    written = write_synthetic_folder(tmp_path / "renja", 3, seed=11, rows=(40, 120))
    gambar = tmp_path / "grafik"
    hasil = run_notebook(
        tmp_path / "kerja", RENJA_SUMBER=str(tmp_path / "renja"), RENJA_GAMBAR=str(gambar),
    )
    tables = [s.renja.tabel31 for s in written.synthetic.values()]
    subs = [b for t in tables if t is not None for b in t.rows(Level.SUB_KEGIATAN)]
    programs = [b for t in tables if t is not None for b in t.rows(Level.PROGRAM)]
    assert hasil["jumlah_renja"] == 3
    assert hasil["jumlah_sub_kegiatan"] == len(subs)
    assert hasil["total_pagu"] == sum(b.pagu or 0 for b in subs)
    assert hasil["total_pagu_maju"] == sum(b.pagu_maju or 0 for b in subs)
    assert len(hasil["per_program"]) == len(programs)
    assert len({p["instansi"] for p in hasil["per_program"]}) == 3
    assert sorted(p.name for p in gambar.iterdir()) == sorted(
        Path(g["file"]).name for g in hasil["gambar"]
    )
    assert all(p.read_bytes().startswith(PNG_SIGNATURE) for p in gambar.iterdir())
