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
# What each pattern's text must start with: most rows are ruled out without a regex.
_JUMLAH_START = ("jumlah", "total")
_BIDANG_START = ("bidang", "urusan", "sub", "sekretariat")
_ANY_START = (*_JUMLAH_START, "program", *_BIDANG_START)
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
_SLACK = 1e-3
"""Room for rounding when a bound rules a group out: the bound never decides a level."""


@dataclass(slots=True)
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
_NO_LEVELS: frozenset[str] = frozenset()
_PROGRAM_ONLY = frozenset({"program"})
_URUSAN = frozenset({"urusan", "bidang_urusan"})


@lru_cache(maxsize=4096)
def _kode_level(kode: str) -> Level | None:
    parts = [p for p in kode.strip().strip(".").split(".") if p]
    if not parts:
        return None
    if len(parts) >= _KODE_SUB:
        return Level.SUB_KEGIATAN
    return _KODE_LEVEL.get(len(parts))


def _fixed_level(row: RowSignals, by_kode: Level | None, names: NameLevels) -> Level | None:
    """Levels decided by kode or text alone (JUMLAH, bidang, program)."""
    if by_kode is not None:
        return by_kode if by_kode is Level.BIDANG or by_kode is Level.PROGRAM else None
    # Lower case keeps every character's whitespace-ness, so the normalised text
    # starts with a word exactly when this does (and is empty exactly when this is).
    start = row.uraian.lower().lstrip()
    has_figures = row.pagu is not None or row.pagu_maju is not None
    if start.startswith(_ANY_START):
        text = " ".join(start.split())
        if text.startswith(_JUMLAH_START) and _JUMLAH.match(text):
            return Level.JUMLAH
        if text.startswith("program") and _PROGRAM.match(text):
            return Level.PROGRAM
        if not has_figures and text.startswith(_BIDANG_START) and _BIDANG.match(text):
            return Level.BIDANG
    if not has_figures and _is_section_heading(row):
        return Level.BIDANG
    levels = names(row.uraian) if start else _NO_LEVELS
    if levels == _PROGRAM_ONLY:
        return Level.PROGRAM
    if not has_figures and row.children is None and levels & _URUSAN:
        return Level.BIDANG
    return None


def _is_section_heading(row: RowSignals) -> bool:
    """A capitalised line with nothing else on the row ("PEMBERDAYAAN PEREMPUAN ...")."""
    if row.has_figures or row.children is not None or row.indikator.strip():
        return False
    letters = [ch for ch in row.uraian if ch.isalpha()]
    return not row.lokasi.strip() and len(letters) >= 4 and all(ch.isupper() for ch in letters)


class _Block:
    """The rows of one program (or of a stretch with no program) to split K/S.

    The score of a grouping is a sum over rows and groups; every per-row figure
    the scoring reads is put in a list up front, so that the dynamic programming
    (which weighs up to MAX_GROUP groups ending at each row) reads lists only.
    """

    def __init__(self, rows: Sequence[RowSignals], evidence: list[float], offset: int,
                 years: int = 2) -> None:
        self.rows, self.e, self.offset = rows, evidence, offset
        # A table with one year (Tabel 4.1) weighs its one sum as much as two.
        self.w_sum = W_SUM * 2 / years
        n = self.n = len(rows)
        pre_e = self.pre_e = [0.0] * (n + 1)
        pre_n = self.pre_n = [0] * (n + 1)
        pre_m = self.pre_m = [0] * (n + 1)
        self.half_e = [x / 2 for x in evidence]
        self.own_n = own_n = [0] * n
        self.own_m = own_m = [0] * n
        self.lonely = lonely = [0.0] * n
        # The head's own range as block positions; None when the head has none.
        self.span_start: list[int | None] = [None] * n
        self.span_stop = [0] * n
        self.odd_span = False
        for i, row in enumerate(rows):
            pre_e[i + 1] = pre_e[i] + evidence[i]
            own_n[i] = pagu = row.pagu or 0
            own_m[i] = maju = row.pagu_maju or 0
            pre_n[i + 1] = pre_n[i] + pagu
            pre_m[i + 1] = pre_m[i] + maju
            # Budget lives in sub kegiatan: a kegiatan with figures and none below is rare.
            lonely[i] = W_CHILDLESS if row.has_figures else W_NO_CHILDREN
            children = row.children
            if children is not None:
                if children.step != 1:
                    self.odd_span = True
                self.span_start[i] = children.start - offset
                self.span_stop[i] = children.stop - offset

    def children_evidence(self, i: int, j: int) -> float:
        """Score of rows i..j-1 labelled sub kegiatan."""
        return -(self.pre_e[j] - self.pre_e[i]) / 2

    def group(self, i: int, j: int) -> float:
        """Score of row i as kegiatan with rows i+1..j-1 as its sub kegiatan."""
        score = self.half_e[i] + -(self.pre_e[j] - self.pre_e[i + 1]) / 2
        if j == i + 1:
            # Budget lives in sub kegiatan: a kegiatan with figures and none below is rare.
            return score - self.lonely[i]
        start = self.span_start[i]
        if start is None:
            span = 0.0
        elif self.odd_span:
            span = self._odd_span_score(i, j)
        elif start == i + 1:
            stop = self.span_stop[i]
            span = W_SPAN if stop == j else W_SHORT_RANGE if stop < j else -W_SPAN
        else:
            span = -W_SPAN
        if span == W_SHORT_RANGE:
            return score + span  # a range left short explains why the sums disagree
        w_sum = self.w_sum
        stated = self.own_n[i]
        if stated != self.pre_n[j] - self.pre_n[i + 1]:
            score += -w_sum
        else:
            score += 0.5 if not stated else w_sum
        stated = self.own_m[i]
        if stated != self.pre_m[j] - self.pre_m[i + 1]:
            score += -w_sum
        else:
            score += 0.5 if not stated else w_sum
        return score + span

    def _odd_span_score(self, i: int, j: int) -> float:
        """How well the head's own range fits rows i+1..j-1, for a range with any step."""
        children = self.rows[i].children
        assert children is not None
        wanted = range(self.offset + i + 1, self.offset + j)
        if children == wanted:
            return W_SPAN
        short = children.start == wanted.start and children.stop < wanted.stop
        return W_SHORT_RANGE if short else -W_SPAN

    def orphans(self, j: int) -> float:
        """Score of rows 0..j-1 as sub kegiatan with no kegiatan above them."""
        return self.children_evidence(0, j) - W_ORPHAN

    def solve(self) -> tuple[list[int], float]:
        """Group starts (row indexes labelled kegiatan) of the best split, and its score."""
        if self.odd_span:
            return self._solve(self.group)
        return self._solve(None)

    def _solve(self, group: Callable[[int, int], float] | None) -> tuple[list[int], float]:
        # The best split of rows 0..j-1 ends with the orphan rows or with one group
        # i..j-1 after the best split of rows 0..i-1, the first such i on a tie. With
        # its head's sums and range at their best, a group scores at most
        # `top[i] - pre_e[j] / 2`; a group whose bound is below a split already in
        # hand cannot win, and neither can any group starting before the last row
        # whose running maximum of `top` is below that bound. The groups left are
        # scored in full, in the same order and with the same arithmetic as `group`.
        n = self.n
        pre_e, half_e, lonely = self.pre_e, self.half_e, self.lonely
        pre_n, pre_m, own_n, own_m = self.pre_n, self.pre_m, self.own_n, self.own_m
        span_start, span_stop = self.span_start, self.span_stop
        w_sum = self.w_sum
        # The most a head's range and sums can add to its group.
        reach = [
            (0.0 if start is None else W_SPAN) + (w_sum if own_n[i] else 0.5)
            + (w_sum if own_m[i] else 0.5) + _SLACK
            for i, start in enumerate(span_start)
        ]
        best = [0.0] * (n + 1)
        back = [0] * (n + 1)
        orphan = [False] * (n + 1)
        top = [0.0] * n
        running = [0.0] * n
        high = float("-inf")
        for j in range(1, n + 1):
            h = j - 1
            top_h = best[h] + half_e[h] + pre_e[j] / 2 + reach[h]
            top[h] = top_h
            if top_h > high:
                high = top_h
            running[h] = high
            pe_j = pre_e[j]
            pn_j = pre_n[j]
            pm_j = pre_m[j]
            best_j = -(pe_j - pre_e[0]) / 2 - W_ORPHAN
            back_j, orphan_j = 0, True
            floor = best_j
            nearest = best[h] + (half_e[h] - lonely[h])
            if nearest > floor:
                floor = nearest
            half_pe_j = pe_j / 2
            cut = floor + half_pe_j
            lo = j - MAX_GROUP if j > MAX_GROUP else 0
            lo = bisect_left(running, cut, lo, j)
            for i in range(lo, j):
                if top[i] < cut:
                    continue
                if group is not None:
                    score = best[i] + group(i, j)
                elif i == h:
                    score = best[i] + (half_e[i] + -(pe_j - pre_e[j]) / 2 - lonely[i])
                else:
                    g = half_e[i] + -(pe_j - pre_e[i + 1]) / 2
                    start = span_start[i]
                    if start is None:
                        span = 0.0
                    elif start == i + 1:
                        stop = span_stop[i]
                        span = W_SPAN if stop == j else W_SHORT_RANGE if stop < j else -W_SPAN
                    else:
                        span = -W_SPAN
                    if span == W_SHORT_RANGE:
                        g = g + span
                    else:
                        stated = own_n[i]
                        if stated != pn_j - pre_n[i + 1]:
                            g += -w_sum
                        else:
                            g += 0.5 if not stated else w_sum
                        stated = own_m[i]
                        if stated != pm_j - pre_m[i + 1]:
                            g += -w_sum
                        else:
                            g += 0.5 if not stated else w_sum
                        g = g + span
                    score = best[i] + g
                if score > best_j:
                    best_j, back_j, orphan_j = score, i, False
                    cut = score + half_pe_j
            best[j], back[j], orphan[j] = best_j, back_j, orphan_j
        starts, j = [], n
        while j > 0:
            i = back[j]
            if not orphan[j]:
                starts.append(i)
            j = i
        return sorted(starts), best[n]

    def _segment(self, start: int | None, end: int) -> float:
        """Score of one segment: a group from `start`, or the orphan rows before any group."""
        if start is None:
            return self.orphans(end) if end > 0 else 0.0
        return self.group(start, end)

    def flipped_scores(self, starts: list[int], best: float) -> list[float]:
        """Score of the best split with each row's label flipped, rescoring only its neighbours.

        A head is merged into the group before it (or into the orphan rows); a child
        starts a new group. The score of each group is shared by all its rows.
        """
        n = self.n
        group, segment = self.group, self._segment
        out = [0.0] * n
        bounds = [*starts, n]
        before: int | None = None
        if bounds[0] > 0:  # orphan rows before the first group: each would start a group
            old = segment(None, bounds[0])
            for i in range(bounds[0]):
                out[i] = best - old + segment(None, i) + group(i, bounds[0])
        for k, head in enumerate(starts):
            after = bounds[k + 1]
            whole = group(head, after)
            # The head merged into the previous group (or into the orphan rows).
            out[head] = best - (segment(before, head) + whole) + segment(before, after)
            for i in range(head + 1, after):  # a child starting a new group
                out[i] = best - whole + group(head, i) + group(i, after)
            before = head
        return out

def _evidence(row: RowSignals, by_kode: Level | None, levels: frozenset[str],
              bold_informative: bool) -> float:
    """Evidence that a row is a kegiatan (positive) rather than a sub kegiatan."""
    if by_kode is Level.KEGIATAN:
        return W_KODE
    if by_kode is Level.SUB_KEGIATAN:
        return -W_KODE
    score = 0.0
    if "kegiatan" in levels:
        if "sub_kegiatan" not in levels:
            score += W_NAME
    elif "sub_kegiatan" in levels:
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
    rows: Sequence[RowSignals], by_kode: Sequence[Level | None], offset: int,
    names: NameLevels, bold_informative: bool, years: int,
) -> tuple[list[Level], list[str | None]]:
    evidence = [
        _evidence(r, k, names(r.uraian) if k is None else _NO_LEVELS, bold_informative)
        for r, k in zip(rows, by_kode, strict=True)
    ]
    block = _Block(rows, evidence, offset, years)
    starts, best = block.solve()
    levels = [Level.SUB_KEGIATAN] * len(rows)
    for s in starts:
        levels[s] = Level.KEGIATAN
    notes: list[str | None] = [None] * len(rows)
    if all(abs(e) >= W_KODE for e in evidence):
        return levels, notes
    flipped = block.flipped_scores(starts, best)
    for i, e in enumerate(evidence):
        if abs(e) >= W_KODE:
            continue
        margin = best - flipped[i]
        if margin < AMBIGUOUS_MARGIN:
            notes[i] = _explain(rows[i], levels[i], margin, names)
    return levels, notes


def _no_names(_: str) -> frozenset[str]:
    return _NO_LEVELS


def infer_levels(
    rows: Sequence[RowSignals], names: NameLevels | None = None
) -> tuple[list[Level], list[str | None]]:
    """The level of every row and, where unsure, why (Bahasa Indonesia)."""
    names = lru_cache(maxsize=None)(names or _no_names)
    bolds = {r.bold for r in rows if r.bold is not None and r.has_figures}
    bold_informative = len(bolds) > 1
    years = 2 if any(r.pagu_maju is not None for r in rows) else 1
    by_kode = [_kode_level(r.kode) if r.kode else None for r in rows]
    levels: list[Level | None] = [
        _fixed_level(row, k, names) for row, k in zip(rows, by_kode, strict=True)
    ]
    notes: list[str | None] = [None] * len(rows)
    start = 0
    for end in [*(i for i, lv in enumerate(levels) if lv is not None), len(rows)]:
        if end > start:
            block_levels, block_notes = _label_block(
                rows[start:end], by_kode[start:end], start, names, bold_informative, years
            )
            levels[start:end] = block_levels
            notes[start:end] = block_notes
        start = end + 1
    return [lv or Level.SUB_KEGIATAN for lv in levels], notes
