"""The same figures and findings on the whole corpus as the committed golden file.

A refactor must not change what the library makes of a workbook; a change of
behaviour is made on purpose with `python -m tests.support.equivalence --update`
and shows as a diff of tests/support/equivalence.golden.txt in its commit.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from tests.support.equivalence import GOLDEN, digest


def test_every_workbook_of_the_corpus_gives_the_golden_figures_and_findings(
    tmp_path: Path,
) -> None:
    expected = GOLDEN.read_text(encoding="utf-8")
    actual = digest(tmp_path)
    diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                     "golden", "sekarang", lineterm="", n=1))
    assert not diff, "berbeda dari golden (perbarui dengan sengaja: python -m " \
        "tests.support.equivalence --update):\n" + "\n".join(diff[:80])
