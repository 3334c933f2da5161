"""Which level is each row? Inferred from every signal a table offers.

In real Renja workbooks the Kode column is often empty and bold type is applied
inconsistently, so no single signal decides. The signals, strongest first:

1. an explicit kode (its number of parts gives the level);
2. a SUBTOTAL/SUM formula in a pagu cell (it names the row's children);
3. the text: "JUMLAH"/"TOTAL", the "PROGRAM" prefix, "BIDANG"/"URUSAN" section rows;
4. the subtotal structure of both years: a kegiatan equals the sum of the sub
   kegiatan below it (a sub kegiatan may be budgeted in one year only);
5. the official nomenclature names (a name that is only a kegiatan, or only a sub
   kegiatan, in Kepmendagri 900.1.15.5-1317/2023);
6. bold type, when the table uses it to tell rows apart.

Programs, bidang and JUMLAH rows are found first; within each program the split
into kegiatan and sub kegiatan is the best-scoring grouping (dynamic
programming over the rows). Where the decision rests on a thin margin or the
signals disagree, the row gets an `ambiguity` sentence in Bahasa Indonesia
instead of a silent guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from renja_xl.model import Level

__all__ = ["RowSignals", "infer_levels"]

_JUMLAH = re.compile(r"^(jumlah|total)(\s+(total|keseluruhan|seluruhnya|pagu|anggaran))?\s*:?$")
_BIDANG = re.compile(r"^(bidang|urusan|sub\s*bagian|sekretariat)\b")
_PROGRAM = re.compile(r"^program\b")
_KODE_LEVEL = {1: Level.BIDANG, 2: Level.BIDANG, 3: Level.PROGRAM, 5: Level.KEGIATAN}
_KODE_SUB = 6

W_KODE = 100.0
W_SUM = 6.0
W_NAME = 4.0
W_BOLD = 1.5
W_EMPTY_INDIKATOR = 0.5
W_NO_CHILDREN = 3.0
W_CHILDLESS = 20.0
W_SPAN = 6.0
W_SHORT_RANGE = -2.0
W_ORPHAN = 15.0
AMBIGUOUS_MARGIN = 3.0
MAX_GROUP = 120


@dataclass(frozen=True)
class RowSignals:
    """What a row shows about its level."""

    uraian: str
    kode: str = ""
    bold: bool | None = None
    pagu: int | None = None
    pagu_maju: int | None = None
    indikator: str = ""
    lokasi: str = ""
    children: range | None = None
    """Rows (0-based indexes in the table) that this row's own formula sums."""

    @property
    def has_figures(self) -> bool:
        """Whether the row carries any pagu."""
        return self.pagu is not None or self.pagu_maju is not None


NameLevels = Callable[[str], frozenset[str]]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _kode_level(kode: str) -> Level | None:
    parts = [p for p in kode.strip().strip(".").split(".") if p]
    if not parts:
        return None
    if len(parts) >= _KODE_SUB:
        return Level.SUB_KEGIATAN
    return _KODE_LEVEL.get(len(parts))


def _fixed_level(row: RowSignals, names: NameLevels) -> tuple[Level | None, str | None]:
    """Levels decided by kode or text alone (JUMLAH, bidang, program)."""
    text = _norm(row.uraian)
    by_kode = _kode_level(row.kode)
    if by_kode in (Level.BIDANG, Level.PROGRAM):
        return by_kode, None
    if by_kode is not None:
        return None, None
    if _JUMLAH.match(text):
        return Level.JUMLAH, None
    if _PROGRAM.match(text):
        return Level.PROGRAM, None
    if not row.has_figures and _BIDANG.match(text):
        return Level.BIDANG, None
    if _is_section_heading(row):
        return Level.BIDANG, None
    levels = names(row.uraian) if text else frozenset()
    if levels == frozenset({"program"}):
        return Level.PROGRAM, None
    if not row.has_figures and row.children is None and levels & {"urusan", "bidang_urusan"}:
        return Level.BIDANG, None
    return None, None


def _is_section_heading(row: RowSignals) -> bool:
    """A capitalised line with nothing else on the row ("PEMBERDAYAAN PEREMPUAN ...")."""
    if row.has_figures or row.children is not None or row.indikator.strip():
        return False
    letters = [ch for ch in row.uraian if ch.isalpha()]
    return not row.lokasi.strip() and len(letters) >= 4 and all(ch.isupper() for ch in letters)


class _Block:
    """The rows of one program (or of a stretch with no program) to split K/S."""

    def __init__(self, rows: Sequence[RowSignals], evidence: list[float], offset: int,
                 years: int = 2) -> None:
        self.rows, self.e, self.offset = rows, evidence, offset
        # A table with one year (Tabel 4.1) weighs its one sum as much as two.
        self.w_sum = W_SUM * 2 / years
        n = len(rows)
        self.pre_e = [0.0] * (n + 1)
        self.pre_n = [0] * (n + 1)
        self.pre_m = [0] * (n + 1)
        for i, row in enumerate(rows):
            self.pre_e[i + 1] = self.pre_e[i] + evidence[i]
            self.pre_n[i + 1] = self.pre_n[i] + (row.pagu or 0)
            self.pre_m[i + 1] = self.pre_m[i] + (row.pagu_maju or 0)

    def children_evidence(self, i: int, j: int) -> float:
        """Score of rows i..j-1 labelled sub kegiatan."""
        return -(self.pre_e[j] - self.pre_e[i]) / 2

    def group(self, i: int, j: int) -> float:
        """Score of row i as kegiatan with rows i+1..j-1 as its sub kegiatan."""
        head = self.rows[i]
        score = self.e[i] / 2 + self.children_evidence(i + 1, j)
        if j == i + 1:
            # Budget lives in sub kegiatan: a kegiatan with figures and none below is rare.
            return score - (W_CHILDLESS if head.has_figures else W_NO_CHILDREN)
        span = self._span_score(head, i, j)
        if span == W_SHORT_RANGE:
            return score + span  # a range left short explains why the sums disagree
        score += self._sum_score(head.pagu, self.pre_n[j] - self.pre_n[i + 1])
        score += self._sum_score(head.pagu_maju, self.pre_m[j] - self.pre_m[i + 1])
        return score + span

    def _span_score(self, head: RowSignals, i: int, j: int) -> float:
        """How well the head's own SUBTOTAL/SUM range fits rows i+1..j-1."""
        if head.children is None:
            return 0.0
        wanted = range(self.offset + i + 1, self.offset + j)
        if head.children == wanted:
            return W_SPAN
        short = head.children.start == wanted.start and head.children.stop < wanted.stop
        return W_SHORT_RANGE if short else -W_SPAN

    def _sum_score(self, stated: int | None, children: int) -> float:
        if not stated and not children:
            return 0.5
        return self.w_sum if (stated or 0) == children else -self.w_sum

    def orphans(self, j: int) -> float:
        """Score of rows 0..j-1 as sub kegiatan with no kegiatan above them."""
        return self.children_evidence(0, j) - W_ORPHAN

    def solve(self) -> tuple[list[int], float]:
        """Group starts (row indexes labelled kegiatan) of the best split, and its score."""
        n = len(self.rows)
        best = [float("-inf")] * (n + 1)
        back: list[tuple[int, bool]] = [(0, False)] * (n + 1)
        best[0] = 0.0
        for j in range(1, n + 1):
            best[j], back[j] = self.orphans(j), (0, True)
            for i in range(max(0, j - MAX_GROUP), j):
                score = best[i] + self.group(i, j)
                if score > best[j]:
                    best[j], back[j] = score, (i, False)
        starts, j = [], n
        while j > 0:
            i, orphan = back[j]
            if not orphan:
                starts.append(i)
            j = i
        return sorted(starts), best[n]

    def _segment(self, start: int | None, end: int) -> float:
        """Score of one segment: a group from `start`, or the orphan rows before any group."""
        if start is None:
            return self.orphans(end) if end > 0 else 0.0
        return self.group(start, end)

    def flipped_score(self, starts: list[int], best: float, i: int) -> float:
        """Score of the best split with row i's label flipped, rescoring only its neighbours."""
        n = len(self.rows)
        k = bisect_left(starts, i)
        before = starts[k - 1] if k > 0 else None
        if k < len(starts) and starts[k] == i:  # i heads a group: merge it into the previous
            after = starts[k + 1] if k + 1 < len(starts) else n
            old = self._segment(before, i) + self.group(i, after)
            return best - old + self._segment(before, after)
        after = starts[k] if k < len(starts) else n  # i is a child: it starts a new group
        old = self._segment(before, after)
        return best - old + self._segment(before, i) + self.group(i, after)


def _evidence(row: RowSignals, names: NameLevels, bold_informative: bool) -> float:
    """Evidence that a row is a kegiatan (positive) rather than a sub kegiatan."""
    by_kode = _kode_level(row.kode)
    if by_kode is Level.KEGIATAN:
        return W_KODE
    if by_kode is Level.SUB_KEGIATAN:
        return -W_KODE
    score = 0.0
    levels = names(row.uraian)
    if "kegiatan" in levels and "sub_kegiatan" not in levels:
        score += W_NAME
    elif "sub_kegiatan" in levels and "kegiatan" not in levels:
        score -= W_NAME
    if bold_informative and row.bold is not None:
        score += W_BOLD if row.bold else -W_BOLD
    if not row.indikator.strip():
        score += W_EMPTY_INDIKATOR
    if row.children is not None:
        score += W_KODE / 2
    return score


def _explain(row: RowSignals, label: Level, margin: float, names: NameLevels) -> str:
    other = Level.SUB_KEGIATAN if label is Level.KEGIATAN else Level.KEGIATAN
    reasons = []
    levels = names(row.uraian)
    if "kegiatan" in levels and "sub_kegiatan" not in levels and label is Level.SUB_KEGIATAN:
        reasons.append("namanya tercantum sebagai Kegiatan dalam nomenklatur")
    if "sub_kegiatan" in levels and "kegiatan" not in levels and label is Level.KEGIATAN:
        reasons.append("namanya tercantum sebagai Sub Kegiatan dalam nomenklatur")
    if margin <= 0:
        reasons.append("subtotal di sekitarnya tidak cocok untuk susunan mana pun")
    detail = "; ".join(reasons) or "subtotal, kode, nama dan format tidak cukup membedakan"
    return (
        f"tingkat baris tidak pasti: dianggap {label.label}, tetapi bisa juga "
        f"{other.label} ({detail})"
    )


def _label_block(
    rows: Sequence[RowSignals], offset: int, names: NameLevels, bold_informative: bool,
    years: int,
) -> tuple[list[Level], list[str | None]]:
    evidence = [_evidence(r, names, bold_informative) for r in rows]
    block = _Block(rows, evidence, offset, years)
    starts, best = block.solve()
    levels = [Level.SUB_KEGIATAN] * len(rows)
    for s in starts:
        levels[s] = Level.KEGIATAN
    notes: list[str | None] = [None] * len(rows)
    for i in range(len(rows)):
        if abs(evidence[i]) >= W_KODE:
            continue
        margin = best - block.flipped_score(starts, best, i)
        if margin < AMBIGUOUS_MARGIN:
            notes[i] = _explain(rows[i], levels[i], margin, names)
    return levels, notes


def _no_names(_: str) -> frozenset[str]:
    return frozenset()


def infer_levels(
    rows: Sequence[RowSignals], names: NameLevels | None = None
) -> tuple[list[Level], list[str | None]]:
    """The level of every row and, where unsure, why (Bahasa Indonesia)."""
    names = lru_cache(maxsize=None)(names or _no_names)
    bolds = {r.bold for r in rows if r.bold is not None and r.has_figures}
    bold_informative = len(bolds) > 1
    years = 2 if any(r.pagu_maju is not None for r in rows) else 1
    levels: list[Level | None] = []
    notes: list[str | None] = []
    for row in rows:
        level, note = _fixed_level(row, names)
        levels.append(level)
        notes.append(note)
    start = 0
    for end in [*(i for i, lv in enumerate(levels) if lv is not None), len(rows)]:
        if end > start:
            block_levels, block_notes = _label_block(
                rows[start:end], start, names, bold_informative, years
            )
            levels[start:end] = block_levels
            notes[start:end] = block_notes
        start = end + 1
    return [lv or Level.SUB_KEGIATAN for lv in levels], notes
