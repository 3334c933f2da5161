"""200 synthetic agency workbooks, 3 of them broken (acceptance 3): every good file is
made, every broken one is named with its reason, and the results do not depend on
where the files ran: this process, two worker processes, or a Dask cluster."""

import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from renja_xl.bulk import Summary, find_workbooks, write_tahun_depan
from renja_xl.cli.app import app
from tests.support.synthetic import write_synthetic_folder

pytestmark = pytest.mark.slow

runner = CliRunner(env={"COLUMNS": "250"})
TAHUN = 2025


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """Two halves of 100 workbooks (2 and 1 broken), written side by side on 2 cores."""
    root = tmp_path_factory.mktemp("renja_2024")
    halves = [(root / "dinas_a", 2, 11), (root / "dinas_b", 1, 12)]
    with ProcessPoolExecutor(2) as pool:
        broken = [path for paths in pool.map(_write_half, halves) for path in paths]
    return root, broken


def _write_half(half: tuple[Path, int, int]) -> list[Path]:
    folder, broken, seed = half
    made = write_synthetic_folder(folder, 100, broken=broken, seed=seed, rows=(20, 80))
    return list(made.broken)


@pytest.fixture(scope="module")
def folder(written: tuple[Path, list[Path]]) -> Path:
    """The folder of 200 workbooks."""
    return written[0]


@pytest.fixture(scope="module")
def broken(written: tuple[Path, list[Path]]) -> list[Path]:
    """The 3 files that are not readable Renja workbooks."""
    return written[1]


@pytest.fixture(scope="module")
def two_workers(folder: Path, tmp_path_factory: pytest.TempPathFactory):
    """The command line on the folder with --workers 2."""
    out = tmp_path_factory.mktemp("keluar_2")
    result = runner.invoke(app, ["buat-tahun-depan", str(folder), "--tahun", str(TAHUN),
                                 "--keluar", str(out), "--workers", "2"])
    return result, out


def _sheets(path: Path) -> dict[str, bytes]:
    """The cell contents of a workbook: its sheet parts and shared strings (no timestamps)."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()
                if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml"}


def _outputs(out: Path) -> dict[str, dict[str, bytes]]:
    return {path.name: _sheets(path) for path in sorted(out.glob("*.xlsx"))}


def test_197_workbooks_are_made_and_3_failures_reported(two_workers, folder: Path):
    result, out = two_workers
    assert result.exit_code == 1
    assert len(list(out.glob("*.xlsx"))) == 197
    assert "197 berhasil, 3 gagal, dari 200 berkas" in result.output


def test_each_failure_is_named_with_its_reason(two_workers, broken: list[Path]):
    result, _ = two_workers
    assert len(broken) == 3
    lines = [line for line in result.output.splitlines() if "gagal " in line]
    assert len(lines) == 3
    reasons = {"bukan berkas Excel", "tidak ditemukan header Tabel 3.1 atau Tabel 4.1"}
    for path in broken:
        line = next(line for line in lines if path.name in line)
        assert any(reason in line for reason in reasons), line


def test_progress_is_shown(two_workers):
    result, _ = two_workers
    assert "Membuat Renja 2025" in result.output
    assert "200/200" in result.output


def test_one_worker_gives_the_same_workbooks(two_workers, folder: Path,
                                             tmp_path_factory: pytest.TempPathFactory):
    _, out2 = two_workers
    out1 = tmp_path_factory.mktemp("keluar_1")
    summary = write_tahun_depan(find_workbooks([folder]), out1, TAHUN, workers=1)
    assert summary.exit_code == 1
    assert _outputs(out1) == _outputs(out2)


def test_a_dask_cluster_gives_the_same_workbooks_and_summary(
        two_workers, folder: Path, tmp_path_factory: pytest.TempPathFactory):
    distributed = pytest.importorskip("distributed")
    _, out2 = two_workers
    out_dask, out_here = tmp_path_factory.mktemp("keluar_dask"), tmp_path_factory.mktemp("sini")
    sources = find_workbooks([folder])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None, processes=True) as cluster:
        on_dask = write_tahun_depan(sources, out_dask, TAHUN, dask=cluster.scheduler_address)
    assert _outputs(out_dask) == _outputs(out2)
    here = write_tahun_depan(sources[:0], out_here, TAHUN, workers=1)
    assert here == Summary(())
    assert [(r.source, r.error) for r in on_dask.failed] == [
        (r.source, r.error) for r in write_tahun_depan(
            [r.source for r in on_dask.failed], out_here, TAHUN, workers=1).failed]
