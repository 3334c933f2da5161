"""Running one task per file: in this process, in local worker processes, or on Dask.

The task is any picklable callable taking a `Job` (a module-level function, a
`functools.partial` of one, or an instance of a module-level class). It runs
inside `attempt`, which turns every exception into a failed `FileResult`, so
one broken file never stops the others. Results come back in input order
whatever order they finished in; `on_result` is called, in this process, as
each one arrives (for a progress bar).

Dask workers run the same `attempt` and need renja_xl installed, and the file
paths must mean the same file on every worker (shared storage).
"""

from __future__ import annotations

import multiprocessing
import os
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from multiprocessing.context import BaseContext
from typing import Any

from renja_xl.bulk.results import FileResult, Job
from renja_xl.errors import RenjaError

__all__ = ["DASK_TIMEOUT", "Task", "attempt", "default_workers", "reason", "run_each"]

Task = Callable[[Job], Any]
OnResult = Callable[[FileResult], None]

_PRELOAD = ("renja_xl.bulk", "renja_xl.workbook.reader", "renja_xl.workbook.writer")
DASK_TIMEOUT = 15.0
"""Seconds to wait for the Dask scheduler to answer."""


def default_workers() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def attempt(task: Task, job: Job) -> FileResult:
    """Run `task` on one file; any failure becomes the result's reason, in Bahasa Indonesia."""
    try:
        return FileResult(job, value=task(job))
    except RenjaError as exc:
        return FileResult(job, error=reason(exc))
    except Exception as exc:
        return FileResult(job, error=f"kesalahan tak terduga ({type(exc).__name__}: {exc})")


def reason(exc: RenjaError) -> str:
    """The error's message with its sheet and cell, without the file (the summary names it)."""
    return str(RenjaError(exc.message, sheet=exc.sheet, cell=exc.cell))


def run_each(
    task: Task,
    jobs: Sequence[Job],
    *,
    workers: int | None = None,
    dask: str | None = None,
    on_result: OnResult | None = None,
    dask_timeout: float = DASK_TIMEOUT,
) -> list[FileResult]:
    """`task` on every job; `workers` local processes (1: this process) or the Dask
    scheduler at `dask`. Results in the order of `jobs`."""
    notify = on_result or (lambda result: None)
    if dask:
        client = _dask_client(dask, dask_timeout)
        return _in_order(jobs, _run_dask(task, jobs, client, notify))
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise RenjaError("jumlah pekerja (--workers) minimal 1")
    if workers == 1 or len(jobs) <= 1:
        return _in_order(jobs, _run_here(task, jobs, notify))
    return _in_order(jobs, _run_processes(task, jobs, min(workers, len(jobs)), notify))


def _in_order(jobs: Sequence[Job], done: dict[int, FileResult]) -> list[FileResult]:
    return [done[i] for i in range(len(jobs))]


def _run_here(task: Task, jobs: Sequence[Job], notify: OnResult) -> dict[int, FileResult]:
    done: dict[int, FileResult] = {}
    for index, job in enumerate(jobs):
        done[index] = attempt(task, job)
        notify(done[index])
    return done


def _run_processes(task: Task, jobs: Sequence[Job], workers: int, notify: OnResult
                   ) -> dict[int, FileResult]:
    context = _context()
    done: dict[int, FileResult] = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(attempt, task, job): i for i, job in enumerate(jobs)}
        try:
            for future in as_completed(futures):
                index = futures[future]
                done[index] = _collect(future, jobs[index])
                notify(done[index])
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return done


def _context() -> BaseContext:
    """Fresh worker processes, never a fork of this one (it may run threads: a progress
    bar, a Dask client). Where it exists, a fork server that has imported renja_xl once
    starts them quickly; elsewhere (Windows) each one starts a new interpreter."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(_PRELOAD))
    return context


def _collect(future: Future | Any, job: Job) -> FileResult:
    """The result of a finished future; a dead worker fails only its own file."""
    try:
        return future.result()
    except Exception as exc:
        return FileResult(job, error=f"proses pekerja berhenti tak terduga ({type(exc).__name__}: "
                                     f"{exc})")


def _run_dask(task: Task, jobs: Sequence[Job], client: Any, notify: OnResult
              ) -> dict[int, FileResult]:
    from distributed import as_completed as dask_completed

    run = uuid.uuid4().hex[:8]
    done: dict[int, FileResult] = {}
    with client:
        futures = {
            client.submit(attempt, task, job, key=f"renja-{run}-{i}", pure=False): i
            for i, job in enumerate(jobs)
        }
        try:
            for future in dask_completed(list(futures), loop=client.loop):
                index = futures[future]
                done[index] = _collect(future, jobs[index])
                notify(done[index])
        except BaseException:
            client.cancel(list(futures))
            raise
    return done


def _dask_client(address: str, timeout: float) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise RenjaError(
            "paket dask.distributed belum terpasang (pip install 'renja-xl[bulk]')"
        ) from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise RenjaError(f"klaster Dask di {address} tidak dapat dihubungi ({exc})") from None
