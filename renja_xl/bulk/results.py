"""What a bulk run says about each file, and about the run as a whole."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["EXIT_ALL_FAILED", "EXIT_OK", "EXIT_SOME_FAILED", "FileResult", "Job", "Summary"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_ALL_FAILED = 2


@dataclass(frozen=True)
class Job:
    """One file to work on, and where its result goes (None when nothing is written)."""

    source: Path
    output: Path | None = None
    label: str | None = None
    """How reports name the file (default: its name)."""

    @property
    def berkas(self) -> str:
        """The file as reports name it."""
        return self.label or self.source.name


@dataclass(frozen=True)
class FileResult:
    """How one file went: `value` is the task's result, `error` the reason it failed."""

    job: Job
    value: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the file was processed."""
        return self.error is None

    @property
    def source(self) -> Path:
        """The input file."""
        return self.job.source


@dataclass(frozen=True)
class Summary:
    """Every file's result, in input order."""

    results: tuple[FileResult, ...]

    @property
    def succeeded(self) -> list[FileResult]:
        """The files that were processed."""
        return [r for r in self.results if r.ok]

    @property
    def failed(self) -> list[FileResult]:
        """The files that failed, each with its reason."""
        return [r for r in self.results if not r.ok]

    @property
    def exit_code(self) -> int:
        """0 all processed, 1 some failed, 2 none processed (or nothing to do)."""
        if not self.results or not self.succeeded:
            return EXIT_ALL_FAILED
        return EXIT_SOME_FAILED if self.failed else EXIT_OK
