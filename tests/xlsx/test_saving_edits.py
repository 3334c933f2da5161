"""Saving an edited workbook: a killed or failed save leaves nothing behind, links are followed,
bad input gets one Indonesian line and exit code 2."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from renja_xl.cli.core import hitung
from renja_xl.errors import SaveError, WorkbookError
from renja_xl.xlsx import WorkbookEditor, number

_HANGING_SAVE = """
import sys, time
from renja_xl.xlsx.package import Package
def hang(package, stream):
    stream.write(b"PK\\x03\\x04 setengah jalan")
    stream.flush()
    print("menulis", flush=True)
    time.sleep(60)
Package.save = hang
from renja_xl.cli.app import main
sys.argv = ["renja-xl", "hitung", sys.argv[1]]
main()
"""


@pytest.fixture
def typed_over(tmp_path: Path) -> Path:
    """The example plan with JUMLAH typed over by a wrong figure."""
    from renja_xl.example import load_example
    from renja_xl.workbook.writer import write

    path = write(load_example(), tmp_path / "renja.xlsx")
    wb = load_workbook(path)
    wb["Tabel 3.1"]["F145"] = 1
    wb.save(path)
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".simpan"))


def test_a_killed_save_leaves_the_file_intact_and_the_next_run_cleans_up(typed_over: Path):
    original = typed_over.read_bytes()
    process = subprocess.Popen([sys.executable, "-c", _HANGING_SAVE, str(typed_over)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines = iter(process.stdout.readline, "")
    assert any(line.strip() == "menulis" for line in lines)  # the temporary file is half written
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert typed_over.read_bytes() == original
    assert len(_leftovers(typed_over.parent)) == 1

    hitung(typed_over, paksa=False, coba=False, rumus=False)

    assert _leftovers(typed_over.parent) == []
    assert load_workbook(typed_over)["Tabel 3.1"]["F145"].value == 14_428_928_570


def test_a_failure_at_the_write_leaves_no_temporary_file(typed_over: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    from renja_xl.xlsx.package import Package

    def broken(package: Package, stream) -> None:
        stream.write(b"PK")
        raise OSError(28, "No space left on device")

    original = typed_over.read_bytes()
    monkeypatch.setattr(Package, "save", broken)
    with pytest.raises(SaveError, match="ruang disk penuh"):
        hitung(typed_over, paksa=False, coba=False, rumus=False)
    assert typed_over.read_bytes() == original
    assert sorted(p.name for p in typed_over.parent.iterdir()) == ["renja.xlsx"]


def test_saving_through_a_symlink_updates_the_file_it_points_to(typed_over: Path,
                                                                tmp_path: Path):
    link = tmp_path / "tautan" / "renja.xlsx"
    link.parent.mkdir()
    link.symlink_to(typed_over)

    hitung(link, paksa=False, coba=False, rumus=False)

    assert link.is_symlink() and link.resolve() == typed_over
    assert load_workbook(typed_over)["Tabel 3.1"]["F145"].value == 14_428_928_570
    assert list(link.parent.iterdir()) == [link]  # the backup sits beside the real file
    assert any(".cadangan-" in p.name for p in typed_over.parent.iterdir())


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "renja_xl", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_a_file_that_is_not_a_workbook_gets_one_line_and_exit_code_2(tmp_path: Path):
    path = tmp_path / "catatan.xlsx"
    path.write_text("bukan workbook", encoding="utf-8")

    for command in ("hitung", "isi-kode", "isi-prakiraan"):
        done = _cli(command, path)
        assert done.returncode == 2, done
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
        assert "catatan.xlsx" in done.stderr
    assert path.read_text(encoding="utf-8") == "bukan workbook"


def test_a_merged_target_cell_is_refused_with_one_line_and_nothing_written(typed_over: Path):
    wb = load_workbook(typed_over)
    wb["Tabel 3.1"].merge_cells("E145:F145")
    wb["Tabel 3.1"]["E145"] = 1
    wb.save(typed_over)
    before = typed_over.read_bytes()
    with WorkbookEditor(typed_over) as editor, pytest.raises(SaveError, match="gabungan"):
        editor.set("Tabel 3.1", 145, 6, number(14_428_928_570))
    assert typed_over.read_bytes() == before
    assert _leftovers(typed_over.parent) == []


def test_a_missing_sheet_is_named(typed_over: Path):
    with WorkbookEditor(typed_over) as editor, pytest.raises(WorkbookError, match="'Rekap'"):
        editor.set("Rekap", 1, 1, number(1))


def test_a_truncated_package_is_refused_before_anything_is_written(tmp_path: Path,
                                                                   typed_over: Path):
    cut = tmp_path / "terpotong.xlsx"
    cut.write_bytes(typed_over.read_bytes()[: typed_over.stat().st_size // 2])
    done = _cli("hitung", cut)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(cut)


def test_only_leftovers_of_processes_that_are_gone_are_removed(typed_over: Path):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    gone = typed_over.parent / f".renja.{finished.stdout.strip()}.ab12cd34.simpan"
    running = typed_over.parent / f".renja.{os.getppid()}.ef56gh78.simpan"
    other = typed_over.parent / ".renja.v2.1.ij90kl12.simpan"  # another file's save
    for leftover in (gone, running, other):
        leftover.write_bytes(b"PK")

    hitung(typed_over, paksa=False, coba=False, rumus=False)

    assert _leftovers(typed_over.parent) == sorted([running.name, other.name])
