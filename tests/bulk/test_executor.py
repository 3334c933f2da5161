"""Running one task per file: results in input order, failures as reasons, never a stop."""

from functools import partial
from pathlib import Path

import pytest

from renja_xl.bulk import EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED, Job, Summary, run_each
from renja_xl.errors import CellValueError, RenjaError


def read_size(job: Job, *, refuse: str = "") -> int:
    """A task: the file's size; refuses files whose name contains `refuse`."""
    if refuse and refuse in job.source.name:
        raise CellValueError("teks di kolom pagu", sheet="Tabel 3.1", cell="F12")
    if job.source.suffix == ".bad":
        raise ZeroDivisionError("pembagian dengan nol")
    return job.source.stat().st_size


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = []
    for i in range(7):
        path = tmp_path / f"berkas_{i}.xlsx"
        path.write_bytes(b"x" * (i + 1))
        paths.append(path)
    return paths


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_back_in_input_order(files: list[Path], workers: int):
    results = run_each(read_size, [Job(p) for p in files], workers=workers)
    assert [r.source for r in results] == files
    assert [r.value for r in results] == list(range(1, 8))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_refused_file_fails_alone_with_its_reason(files: list[Path], workers: int):
    task = partial(read_size, refuse="berkas_3")
    results = run_each(task, [Job(p) for p in files], workers=workers)
    failed = [r for r in results if not r.ok]
    assert [r.source.name for r in failed] == ["berkas_3.xlsx"]
    assert failed[0].error == "sheet 'Tabel 3.1', sel F12: teks di kolom pagu"
    assert sum(1 for r in results if r.ok) == 6


def test_an_unexpected_error_is_a_reason_too(tmp_path: Path):
    path = tmp_path / "aneh.bad"
    path.write_text("?")
    [result] = run_each(read_size, [Job(path)], workers=1)
    assert result.error == "kesalahan tak terduga (ZeroDivisionError: pembagian dengan nol)"


def test_every_result_is_announced_as_it_arrives(files: list[Path]):
    seen = []
    run_each(read_size, [Job(p) for p in files], workers=2, on_result=seen.append)
    assert sorted(r.source for r in seen) == files


def test_zero_workers_is_refused(files: list[Path]):
    with pytest.raises(RenjaError, match="minimal 1"):
        run_each(read_size, [Job(p) for p in files], workers=0)


def test_an_unreachable_dask_scheduler_is_one_error(files: list[Path]):
    pytest.importorskip("distributed")
    with pytest.raises(RenjaError, match=r"klaster Dask di tcp://127\.0\.0\.1:9 tidak dapat"):
        run_each(read_size, [Job(p) for p in files], dask="tcp://127.0.0.1:9", dask_timeout=1)


def test_exit_code_says_whether_any_failed(files: list[Path]):
    ok = run_each(read_size, [Job(p) for p in files[:2]], workers=1)
    bad = run_each(partial(read_size, refuse="berkas"), [Job(p) for p in files[:2]], workers=1)
    assert Summary(tuple(ok)).exit_code == EXIT_OK
    assert Summary(tuple(ok + bad)).exit_code == EXIT_SOME_FAILED
    assert Summary(tuple(bad)).exit_code == EXIT_ALL_FAILED
    assert Summary(()).exit_code == EXIT_ALL_FAILED
